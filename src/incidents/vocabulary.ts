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
 * The incident's place in the NIST SP 800-61 response cycle. Only triage and
 * closed are reachable today; containment, evidence, assessment and
 * notification are named so that statuses already use their final vocabulary.
 */
export const Phase = {
  triage: 'triage',
  containment: 'containment',
  evidence: 'evidence',
  assessment: 'assessment',
  notification: 'notification',
  closed: 'closed',
} as const;
export type Phase = (typeof Phase)[keyof typeof Phase];

/** Who did something to an incident when no person did. */
export const SYSTEM_ACTOR = 'breachline';
