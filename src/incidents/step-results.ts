import type { ContainmentAction } from './containment-actions';
import { ActionStatus, describeAction, updateAction } from './containment-actions';
import { type IncidentState, type RuleSubject, withEntry } from './incident-state';
import type { DuePage } from './next-work';
import { PageReason, SYSTEM_ACTOR } from './vocabulary';

/**
 * How the result of each step the workflow ran (next-work.ts) changes the
 * state. Results are references and outcomes only: the records themselves
 * are in the evidence store.
 */

export interface EvidenceRef {
  artifactId: string;
  sha256: string;
  kind: string;
  name: string;
}

/** What the workflow keeps of an admin API call: the ContainmentRecord's outcome, no target details beyond the plan's. */
export interface ActionOutcome {
  requestId: string;
  outcome: string;
  completedAt: string;
}

export function recordApplied(state: IncidentState, action: ContainmentAction, result: ActionOutcome, at: string) {
  return withEntry(
    state,
    {
      at,
      actor: SYSTEM_ACTOR,
      action: 'containment-applied',
      detail: `${describeAction(action)} (${result.requestId})`,
    },
    {
      actions: updateAction(state, action.index, {
        status: ActionStatus.applied,
        requestId: result.requestId,
        appliedAt: result.completedAt,
      }),
    },
  );
}

/** A failed apply is settled as failed (a person is paged); a failed undo is kept as undo-failed. */
export function recordFailed(state: IncidentState, action: ContainmentAction, failure: string, at: string) {
  const undoing = action.status === ActionStatus.applied;
  const status = undoing ? ActionStatus.undoFailed : ActionStatus.failed;
  return withEntry(
    state,
    {
      at,
      actor: SYSTEM_ACTOR,
      action: 'containment-failed',
      detail: `${describeAction(action)} ${status}: ${failure}`,
    },
    { actions: updateAction(state, action.index, { status, failure }) },
  );
}

export function recordUndone(state: IncidentState, action: ContainmentAction, result: ActionOutcome, at: string) {
  const status = result.outcome === 'not-reversible' ? ActionStatus.notReversible : ActionStatus.undone;
  return withEntry(
    state,
    { at, actor: SYSTEM_ACTOR, action: 'containment-undone', detail: `${describeAction(action)} ${status}` },
    { actions: updateAction(state, action.index, { status, requestId: result.requestId }) },
  );
}

function evidenceItem(ref: EvidenceRef, at: string) {
  return { artifactId: ref.artifactId, sha256: ref.sha256, kind: ref.kind, name: ref.name, by: SYSTEM_ACTOR, at };
}

export function recordContainmentEvidence(
  state: IncidentState,
  action: ContainmentAction,
  ref: EvidenceRef,
  at: string,
) {
  const current = state.actions.find((candidate) => candidate.index === action.index);
  return withEntry(
    state,
    {
      at,
      actor: SYSTEM_ACTOR,
      action: 'evidence-captured',
      detail: `${ref.kind} ${ref.artifactId} sha256 ${ref.sha256}`,
    },
    {
      evidence: [...state.evidence, evidenceItem(ref, at)],
      actions: updateAction(state, action.index, { evidence: [...(current?.evidence ?? []), ref.artifactId] }),
    },
  );
}

export function recordAlertEvidence(
  state: IncidentState,
  subject: RuleSubject,
  ref: EvidenceRef & { eventCount: number },
  at: string,
) {
  const detail = `${ref.kind} ${ref.artifactId} sha256 ${ref.sha256}: ${ref.eventCount} audit events for ${subject.ruleId}`;
  return withEntry(
    state,
    { at, actor: SYSTEM_ACTOR, action: 'evidence-captured', detail },
    { evidence: [...state.evidence, evidenceItem(ref, at)], capturedRules: [...state.capturedRules, subject.ruleId] },
  );
}

/** The page is counted whether or not every channel took it: the activity retries until one does. */
export function recordPage(state: IncidentState, page: DuePage, at: string): IncidentState {
  const about = page.actionIndex === undefined ? '' : ` for containment action #${page.actionIndex}`;
  const entry = { at, actor: SYSTEM_ACTOR, action: 'escalated' as const, detail: `paged level ${page.level + 1}` };
  if (page.reason === PageReason.unacknowledged) return withEntry(state, entry, { escalationsSent: page.level + 1 });
  if (page.reason === PageReason.containmentFailed)
    return withEntry(state, { ...entry, detail: `${entry.detail}: ${page.reason}${about}` });

  return withEntry(
    state,
    { ...entry, detail: `${entry.detail}: ${page.reason}${about}` },
    {
      actions: state.actions.map((action) =>
        action.index === page.actionIndex ? { ...action, pagesSent: page.level + 1 } : action,
      ),
    },
  );
}

export { addPlan as recordPlan } from './containment-actions';

/** A capture that cannot succeed (a bad request, an oversize window) is recorded, so the incident moves on. */
export function recordAlertEvidenceFailure(state: IncidentState, subject: RuleSubject, failure: string, at: string) {
  return withEntry(
    state,
    {
      at,
      actor: SYSTEM_ACTOR,
      action: 'evidence-captured',
      detail: `capture for ${subject.ruleId} failed: ${failure}`,
    },
    { capturedRules: [...state.capturedRules, subject.ruleId] },
  );
}

export function recordObligationsStarted(state: IncidentState, workflowId: string, factsVersion: number, at: string) {
  return withEntry(
    state,
    { at, actor: SYSTEM_ACTOR, action: 'obligations-started', detail: `${workflowId}, facts version ${factsVersion}` },
    { obligations: { workflowId, startedAt: at, factsVersion } },
  );
}

export function recordFactsForwarded(state: IncidentState, factsVersion: number, at: string) {
  const { obligations } = state;
  if (!obligations) return state;
  return withEntry(
    state,
    {
      at,
      actor: SYSTEM_ACTOR,
      action: 'facts-forwarded',
      detail: `facts version ${factsVersion} to ${obligations.workflowId}`,
    },
    { obligations: { ...obligations, factsVersion } },
  );
}

export function recordNotificationStarted(state: IncidentState, workflowId: string, at: string) {
  const { notification } = state;
  if (!notification) return state;
  return withEntry(
    state,
    { at, actor: SYSTEM_ACTOR, action: 'notification-started', detail: workflowId },
    { notification: { ...notification, workflowId, startedAt: at } },
  );
}
