/** How bad an alert or incident is; the order matters, from least to most severe. */
export const Severity = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
} as const;
export type Severity = (typeof Severity)[keyof typeof Severity];

export const severityOrder: readonly Severity[] = [Severity.low, Severity.medium, Severity.high, Severity.critical];

/**
 * The incident's place in the NIST SP 800-61 response cycle, plus
 * `false-positive`, where an incident ends when it proves not to be one.
 * transitions.ts says which phase may follow which.
 */
export const Phase = {
  triage: 'triage',
  containment: 'containment',
  evidence: 'evidence',
  assessment: 'assessment',
  notification: 'notification',
  closed: 'closed',
  falsePositive: 'false-positive',
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** Who may act on an incident; the same names as the API's token roles. */
export const IncidentRole = {
  responder: 'responder',
  privacyOfficer: 'privacy-officer',
  legal: 'legal',
  admin: 'admin',
} as const;
export type IncidentRole = (typeof IncidentRole)[keyof typeof IncidentRole];

/** What a timeline entry records. */
export const TimelineAction = {
  opened: 'opened',
  alertReceived: 'alert-received',
  escalated: 'escalated',
  acknowledged: 'acknowledged',
  assigned: 'assigned',
  noteAdded: 'note-added',
  phaseChanged: 'phase-changed',
  containmentPlanned: 'containment-planned',
  containmentApproved: 'containment-approved',
  containmentRejected: 'containment-rejected',
  containmentApplied: 'containment-applied',
  containmentFailed: 'containment-failed',
  containmentUndone: 'containment-undone',
  evidenceCaptured: 'evidence-captured',
  evidenceAttached: 'evidence-attached',
  assessmentSubmitted: 'assessment-submitted',
  populationSet: 'population-set',
  factsSet: 'facts-set',
  obligationsStarted: 'obligations-started',
  factsForwarded: 'facts-forwarded',
  notificationRequested: 'notification-requested',
  notificationStarted: 'notification-started',
  markedFalsePositive: 'marked-false-positive',
  closed: 'closed',
} as const;
export type TimelineAction = (typeof TimelineAction)[keyof typeof TimelineAction];

/** Why the on-call is paged. */
export const PageReason = {
  unacknowledged: 'unacknowledged',
  approvalPending: 'approval-pending',
  containmentFailed: 'containment-failed',
} as const;
export type PageReason = (typeof PageReason)[keyof typeof PageReason];

/** Who did something to an incident when no person did. */
export const SYSTEM_ACTOR = 'breachline';
