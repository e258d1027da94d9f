import type { AssessmentOutcome } from '../assessment/vocabulary';
import type { RiskAssessmentSubmission } from '../assessment/submission';
import type { NoticeFacts } from '../notification/notice-facts';
import type { IncidentFacts } from '../obligations/facts';
import type { Alert } from './alert';
import type { ContainmentAction } from './containment-actions';
import { Phase, Severity, severityOrder, SYSTEM_ACTOR, type TimelineAction } from './vocabulary';

/**
 * The incident's state, as pure functions the workflow calls. Every change
 * returns a new state with a timeline entry, so the status a responder sees
 * always explains how it came to be. The state carries references only
 * (artifact ids, a population id); patient details stay in the stores.
 */

export interface TimelineEntry {
  /** Position in the timeline from 0; with the incident id it names the entry in the audit store. */
  seq: number;
  at: string;
  actor: string;
  action: TimelineAction;
  /** Our own words (rule ids, phases, counts): safe to copy into the audit store. */
  detail?: string;
  /** A responder's free text; kept with the incident only, since it may mention a patient. */
  note?: string;
}

/** What the first alert of each rule says about whom to contain and whose audit events to capture. */
export interface RuleSubject {
  ruleId: string;
  alertId: string;
  detectedAt: string;
  userId?: string;
  ipAddress?: string;
  patientId?: string;
  /** The earliest event behind the alert, when the detector said; evidence is captured from before it. */
  firstEventAt?: string;
}

/** A reference to an artifact in the evidence store: enough to name and check it, never its content. */
export interface EvidenceItem {
  artifactId: string;
  sha256: string;
  kind: string;
  name: string;
  by: string;
  at: string;
}

export interface AssessmentRecord {
  outcome: AssessmentOutcome;
  reportable: boolean;
  reasons: string[];
  citations: string[];
  submission: RiskAssessmentSubmission;
  submittedBy: string;
  submittedAt: string;
}

/** Who was affected, by reference and by count: the list itself stays in the store under `populationId`. */
export interface AffectedPopulation {
  populationId: string;
  total: number;
  /** Residents per jurisdiction (e.g. US-CA), for the state-law clocks. */
  byJurisdiction: Record<string, number>;
  setBy: string;
  setAt: string;
}

/** Counts, dates, jurisdictions and data-element kinds: no patient is named in them. */
export interface BreachFacts {
  value: IncidentFacts;
  version: number;
  reason: string;
  setBy: string;
  setAt: string;
}

/** What the individual notice says and who asked for it; the fan-out runs in its own workflow. */
export interface NotificationRecord {
  populationId: string;
  notice: NoticeFacts;
  requestedBy: string;
  requestedAt: string;
  workflowId?: string;
  startedAt?: string;
}

export interface Stamp {
  by: string;
  at: string;
}

export interface IncidentState {
  incidentId: string;
  tenantId: string;
  phase: Phase;
  severity: Severity;
  openedAt: string;
  /** When the breach was first known (the earliest alert's detection time): HIPAA's clocks run from here. */
  discoveredAt?: string;
  ruleIds: string[];
  alertIds: string[];
  alertCount: number;
  /** Unacknowledged-incident pages sent so far; the next escalation level to page. */
  escalationsSent: number;
  acknowledged?: Stamp;
  assignee?: Stamp & { responderId: string };
  subjects: RuleSubject[];
  /** Rules whose playbook has been planned into `actions`. */
  plannedRules: string[];
  actions: ContainmentAction[];
  /** Rules whose alert evidence is in the evidence store. */
  capturedRules: string[];
  evidence: EvidenceItem[];
  assessment?: AssessmentRecord;
  population?: AffectedPopulation;
  /** The breach facts the obligations engine works from; `version` counts every change. */
  facts?: BreachFacts;
  /** The obligations-tracking workflow, once started, and the facts version it was last given. */
  obligations?: { workflowId: string; startedAt: string; factsVersion: number };
  /** Notifying the affected individuals: requested with the notice text, then started as its own workflow. */
  notification?: NotificationRecord;
  falsePositive?: Stamp & { reason: string };
  closed?: Stamp & { reason: string };
  timeline: TimelineEntry[];
  /** Timeline entries already written to the audit store. */
  timelineRecorded: number;
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
    subjects: [],
    plannedRules: [],
    actions: [],
    capturedRules: [],
    evidence: [],
    timeline: [{ seq: 0, at, actor: SYSTEM_ACTOR, action: 'opened' }],
    timelineRecorded: 0,
  };
}

type NewEntry = Omit<TimelineEntry, 'seq'>;

/** Appends a timeline entry; every change to the state goes through here. */
export function withEntry(state: IncidentState, entry: NewEntry, changes: Partial<IncidentState> = {}): IncidentState {
  const next = { ...state, ...changes };
  return { ...next, timeline: [...next.timeline, { seq: next.timeline.length, ...entry }] };
}

export function isEnded(state: IncidentState): boolean {
  return state.phase === Phase.closed || state.phase === Phase.falsePositive;
}

function moreSevere(a: Severity, b: Severity): Severity {
  return severityOrder.indexOf(a) >= severityOrder.indexOf(b) ? a : b;
}

function subjectOf(alert: Alert): RuleSubject {
  const { userId, ipAddress, patientIds } = alert.subject;
  const subject: RuleSubject = { ruleId: alert.ruleId, alertId: alert.alertId, detectedAt: alert.detectedAt };
  if (userId) subject.userId = userId;
  if (ipAddress) subject.ipAddress = ipAddress;
  if (patientIds?.[0]) subject.patientId = patientIds[0];
  if (alert.eventsBetween) subject.firstEventAt = alert.eventsBetween.from;
  return subject;
}

function earlier(a: string | undefined, b: string): string {
  return a !== undefined && Date.parse(a) <= Date.parse(b) ? a : b;
}

/** Adds an alert; an alert id seen before changes nothing, so redelivery is harmless. */
export function recordAlert(state: IncidentState, alert: Alert, at: string): IncidentState {
  if (state.alertIds.includes(alert.alertId)) return state;
  const newRule = !state.ruleIds.includes(alert.ruleId);

  return withEntry(
    state,
    { at, actor: SYSTEM_ACTOR, action: 'alert-received', detail: `${alert.ruleId} (${alert.severity})` },
    {
      severity: moreSevere(state.severity, alert.severity),
      discoveredAt: earlier(state.discoveredAt, alert.detectedAt),
      ruleIds: newRule ? [...state.ruleIds, alert.ruleId] : state.ruleIds,
      subjects: newRule ? [...state.subjects, subjectOf(alert)] : state.subjects,
      alertIds: [...state.alertIds, alert.alertId].slice(-REMEMBERED_ALERT_IDS),
      alertCount: state.alertCount + 1,
    },
  );
}

/** What a status query answers: the state without the bookkeeping that only the workflow needs. */
export type IncidentStatus = Omit<IncidentState, 'alertIds' | 'subjects' | 'timelineRecorded'>;

export function toStatus(state: IncidentState): IncidentStatus {
  const { alertIds: _alertIds, subjects: _subjects, timelineRecorded: _recorded, ...status } = state;
  return status;
}
