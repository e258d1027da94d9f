import type { Alert } from './alert';
import type { AcknowledgeRequest, CloseRequest } from './responder-requests';
import { Phase, Severity, severityOrder, SYSTEM_ACTOR } from './vocabulary';

/**
 * The incident's state and every change to it, as pure functions the
 * workflow calls. Each change returns a new state with a timeline entry, so
 * the status a responder sees always explains how it came to be.
 */

export interface TimelineEntry {
  at: string;
  actor: string;
  action: 'opened' | 'alert-received' | 'escalated' | 'acknowledged' | 'closed';
  detail?: string;
}

export interface IncidentState {
  incidentId: string;
  tenantId: string;
  phase: Phase;
  severity: Severity;
  openedAt: string;
  ruleIds: string[];
  alertIds: string[];
  alertCount: number;
  /** Pages sent so far; the next escalation level to page. */
  escalationsSent: number;
  acknowledged?: { by: string; at: string };
  closed?: { by: string; at: string };
  timeline: TimelineEntry[];
}

/** How many alert ids are remembered to drop redelivered alerts; older ones are only counted. */
const REMEMBERED_ALERT_IDS = 500;

export function openIncident(incidentId: string, tenantId: string, at: string): IncidentState {
  return {
    incidentId,
    tenantId,
    phase: Phase.triage,
    severity: Severity.low,
    openedAt: at,
    ruleIds: [],
    alertIds: [],
    alertCount: 0,
    escalationsSent: 0,
    timeline: [{ at, actor: SYSTEM_ACTOR, action: 'opened' }],
  };
}

function moreSevere(a: Severity, b: Severity): Severity {
  return severityOrder.indexOf(a) >= severityOrder.indexOf(b) ? a : b;
}

/** Adds an alert; an alert id seen before changes nothing, so redelivery is harmless. */
export function recordAlert(state: IncidentState, alert: Alert, at: string): IncidentState {
  if (state.alertIds.includes(alert.alertId)) return state;

  return {
    ...state,
    severity: moreSevere(state.severity, alert.severity),
    ruleIds: state.ruleIds.includes(alert.ruleId) ? state.ruleIds : [...state.ruleIds, alert.ruleId],
    alertIds: [...state.alertIds, alert.alertId].slice(-REMEMBERED_ALERT_IDS),
    alertCount: state.alertCount + 1,
    timeline: [
      ...state.timeline,
      { at, actor: SYSTEM_ACTOR, action: 'alert-received', detail: `${alert.ruleId} (${alert.severity})` },
    ],
  };
}

export function recordEscalation(state: IncidentState, level: number, at: string): IncidentState {
  return {
    ...state,
    escalationsSent: level + 1,
    timeline: [...state.timeline, { at, actor: SYSTEM_ACTOR, action: 'escalated', detail: `paged level ${level + 1}` }],
  };
}

/** Why an acknowledgement cannot be taken now, or undefined when it can. */
export function acknowledgeRefusal(state: IncidentState): string | undefined {
  if (state.closed) return 'the incident is closed';
  if (state.acknowledged) return `the incident was already acknowledged by ${state.acknowledged.by}`;
  return undefined;
}

export function acknowledge(state: IncidentState, request: AcknowledgeRequest, at: string): IncidentState {
  return {
    ...state,
    acknowledged: { by: request.responderId, at },
    timeline: [...state.timeline, { at, actor: request.responderId, action: 'acknowledged' }],
  };
}

/** Why the incident cannot be closed now, or undefined when it can. */
export function closeRefusal(state: IncidentState): string | undefined {
  if (state.closed) return 'the incident is already closed';
  if (!state.acknowledged) return 'the incident must be acknowledged before it is closed';
  return undefined;
}

export function close(state: IncidentState, request: CloseRequest, at: string): IncidentState {
  return {
    ...state,
    phase: Phase.closed,
    closed: { by: request.responderId, at },
    timeline: [...state.timeline, { at, actor: request.responderId, action: 'closed' }],
  };
}

/** What a status query answers: the state without the dedup bookkeeping. */
export type IncidentStatus = Omit<IncidentState, 'alertIds'>;

export function toStatus(state: IncidentState): IncidentStatus {
  const { alertIds: _alertIds, ...status } = state;
  return status;
}
