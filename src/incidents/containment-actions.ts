import type { ContainmentPlan, ContainmentTarget } from '../containment/playbook';
import { type ContainmentKind, type ContainmentMode, ContainmentMode as Mode } from '../containment/vocabulary';
import { type IncidentState, type Stamp, withEntry } from './incident-state';
import { SYSTEM_ACTOR } from './vocabulary';

/**
 * The incident's containment actions and what became of each. Automatic
 * actions are approved by the playbook itself; approval-gated ones wait for
 * a responder. An action is `settled` once nothing more will happen to it
 * unless the incident proves a false positive.
 */

export const ActionStatus = {
  awaitingApproval: 'awaiting-approval',
  approved: 'approved',
  applied: 'applied',
  rejected: 'rejected',
  /** The platform refused it for good, or kept failing past the retries: a person was paged. */
  failed: 'failed',
  undone: 'undone',
  /** An undo the platform cannot do (revoked sessions stay revoked). */
  notReversible: 'not-reversible',
  undoFailed: 'undo-failed',
} as const;
export type ActionStatus = (typeof ActionStatus)[keyof typeof ActionStatus];

export interface ContainmentAction {
  index: number;
  ruleId: string;
  kind: ContainmentKind;
  mode: ContainmentMode;
  target: ContainmentTarget;
  status: ActionStatus;
  plannedAt: string;
  /** Approval-pending pages sent so far for this action. */
  pagesSent: number;
  decided?: Stamp & { reason?: string };
  /** The admin API request id of the last call, for the evidence and the report. */
  requestId?: string;
  appliedAt?: string;
  /** The failure type (ContainmentFailure) when the action failed. */
  failure?: string;
  /** Evidence artifact ids of the action's records. */
  evidence: string[];
}

export function describeAction(action: Pick<ContainmentAction, 'index' | 'kind' | 'target'>): string {
  return `#${action.index} ${action.kind} ${action.target.type}`;
}

/** Adds a rule's planned actions; automatic ones come approved, the others wait for a responder. */
export function addPlan(state: IncidentState, plan: ContainmentPlan, at: string): IncidentState {
  const added = plan.actions.map((planned, offset): ContainmentAction => ({
    index: state.actions.length + offset,
    ruleId: plan.ruleId,
    kind: planned.kind,
    mode: planned.mode,
    target: planned.target,
    status: planned.mode === Mode.automatic ? ActionStatus.approved : ActionStatus.awaitingApproval,
    plannedAt: at,
    pagesSent: 0,
    evidence: [],
  }));
  const detail = `${plan.ruleId}: ${added.length} actions (${added.map(describeAction).join(', ') || 'none'}), ${plan.skipped.length} skipped`;

  return withEntry(
    state,
    { at, actor: SYSTEM_ACTOR, action: 'containment-planned', detail },
    { actions: [...state.actions, ...added], plannedRules: [...state.plannedRules, plan.ruleId] },
  );
}

/** Replaces one action with `change` applied to it. */
export function updateAction(
  state: IncidentState,
  index: number,
  change: Partial<ContainmentAction>,
): ContainmentAction[] {
  return state.actions.map((action) => (action.index === index ? { ...action, ...change } : action));
}

export function actionAt(state: IncidentState, index: number): ContainmentAction | undefined {
  return state.actions.find((action) => action.index === index);
}

/** True once every rule is planned and no action waits for approval or execution. */
export function containmentSettled(state: IncidentState): boolean {
  const unplanned = state.ruleIds.some((ruleId) => !state.plannedRules.includes(ruleId));
  const open = state.actions.some(
    (action) => action.status === ActionStatus.awaitingApproval || action.status === ActionStatus.approved,
  );
  return !unplanned && !open;
}

/** Applied actions, which a false positive must undo. */
export function actionsToUndo(state: IncidentState): ContainmentAction[] {
  return state.actions.filter((action) => action.status === ActionStatus.applied);
}

/** Actions still waiting for a decision when the incident proves a false positive: they will never run. */
export function withdrawPending(actions: readonly ContainmentAction[], stamp: Stamp): ContainmentAction[] {
  return actions.map((action) =>
    action.status === ActionStatus.awaitingApproval || action.status === ActionStatus.approved
      ? { ...action, status: ActionStatus.rejected, decided: { ...stamp, reason: 'false positive' } }
      : action,
  );
}
