import { ActionStatus, actionsToUndo, type ContainmentAction } from './containment-actions';
import {
  type BreachFacts,
  type IncidentState,
  isEnded,
  type NotificationRecord,
  type RuleSubject,
} from './incident-state';
import { Phase, PageReason } from './vocabulary';

/**
 * What the incident workflow should do next, decided from the state alone.
 * The workflow runs one step, waits for its result, and asks again; timers
 * are absolute times computed here, so a run continued as new, or replayed,
 * picks up exactly where the last one was.
 */

export interface DuePage {
  reason: PageReason;
  /** Zero-based escalation level. */
  level: number;
  dueAtMs: number;
  actionIndex?: number;
}

export type Work =
  | { kind: 'plan'; subject: RuleSubject }
  | { kind: 'execute'; action: ContainmentAction }
  | { kind: 'undo'; action: ContainmentAction }
  | { kind: 'capture-alert-evidence'; subject: RuleSubject }
  | { kind: 'start-obligations'; facts: BreachFacts }
  | { kind: 'forward-facts'; facts: BreachFacts; workflowId: string }
  | { kind: 'start-notification'; notification: NotificationRecord }
  | { kind: 'page'; page: DuePage }
  | { kind: 'wait'; untilMs?: number }
  | { kind: 'finish' };

/** Phases in which the audit events around an alert are captured: from evidence on, until the end. */
const capturingPhases: readonly Phase[] = [Phase.evidence, Phase.assessment, Phase.notification];

/** Every page still to send, each at its absolute time, earliest first. */
export function pendingPages(state: IncidentState, delaysMs: readonly number[]): DuePage[] {
  if (isEnded(state)) return [];
  const pages: DuePage[] = [];
  const delayAt = (level: number) => delaysMs[level];

  const ackDelay = delayAt(state.escalationsSent);
  if (!state.acknowledged && ackDelay !== undefined) {
    const dueAtMs = Date.parse(state.openedAt) + ackDelay;
    pages.push({ reason: PageReason.unacknowledged, level: state.escalationsSent, dueAtMs });
  }
  for (const action of state.actions) {
    const delay = delayAt(action.pagesSent);
    if (action.status !== ActionStatus.awaitingApproval || delay === undefined) continue;
    const dueAtMs = Date.parse(action.plannedAt) + delay;
    pages.push({ reason: PageReason.approvalPending, level: action.pagesSent, dueAtMs, actionIndex: action.index });
  }

  return pages.sort((a, b) => a.dueAtMs - b.dueAtMs);
}

/** Obligations are tracked once the facts of a reportable breach are known; later facts are handed on. */
function obligationsWork(state: IncidentState): Work | undefined {
  const { facts, obligations } = state;
  if (!facts || !state.assessment?.reportable) return undefined;
  if (!obligations) return { kind: 'start-obligations', facts };
  if (obligations.factsVersion < facts.version)
    return { kind: 'forward-facts', facts, workflowId: obligations.workflowId };
  return undefined;
}

/** A requested fan-out starts once; like the obligations, it outlives the incident file. */
function notificationWork(state: IncidentState): Work | undefined {
  const { notification } = state;
  return notification && !notification.workflowId ? { kind: 'start-notification', notification } : undefined;
}

function immediateWork(state: IncidentState): Work | undefined {
  if (state.phase === Phase.falsePositive) {
    const undo = actionsToUndo(state)[0];
    return undo ? { kind: 'undo', action: undo } : { kind: 'finish' };
  }
  // Facts set just before the close are still handed to the obligations: the notices outlive the file.
  if (state.phase === Phase.closed) return obligationsWork(state) ?? notificationWork(state) ?? { kind: 'finish' };

  const unplanned = state.subjects.find((subject) => !state.plannedRules.includes(subject.ruleId));
  if (unplanned) return { kind: 'plan', subject: unplanned };
  const approved = state.actions.find((action) => action.status === ActionStatus.approved);
  if (approved) return { kind: 'execute', action: approved };

  const obligations = obligationsWork(state) ?? notificationWork(state);
  if (obligations) return obligations;

  const uncaptured = state.subjects.find((subject) => !state.capturedRules.includes(subject.ruleId));
  if (uncaptured && capturingPhases.includes(state.phase))
    return { kind: 'capture-alert-evidence', subject: uncaptured };
  return undefined;
}

export function nextWork(state: IncidentState, delaysMs: readonly number[], nowMs: number): Work {
  const immediate = immediateWork(state);
  if (immediate) return immediate;

  const next = pendingPages(state, delaysMs)[0];
  if (next && next.dueAtMs <= nowMs) return { kind: 'page', page: next };
  return next ? { kind: 'wait', untilMs: next.dueAtMs } : { kind: 'wait' };
}

/** HIPAA's outer limit for notifying individuals: 60 calendar days after discovery (45 CFR 164.404(b)). */
export const HIPAA_OUTER_LIMIT_MS = 60 * 24 * 60 * 60 * 1000;

/** The next time something is due: the earlier of the next page and, once a breach is being assessed, the HIPAA outer limit. */
export function nextDeadline(state: IncidentState, delaysMs: readonly number[]): Date | undefined {
  const candidates: number[] = [];
  const page = pendingPages(state, delaysMs)[0];
  if (page) candidates.push(page.dueAtMs);
  const assessing = state.phase === Phase.assessment || state.phase === Phase.notification;
  if (assessing && state.discoveredAt) candidates.push(Date.parse(state.discoveredAt) + HIPAA_OUTER_LIMIT_MS);

  return candidates.length > 0 ? new Date(Math.min(...candidates)) : undefined;
}
