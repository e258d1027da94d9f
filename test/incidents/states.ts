import { type ContainmentPlan, planContainment, type PlaybookAction } from '../../src/containment/playbook';
import type { Alert } from '../../src/incidents/alert';
import { type IncidentState, openIncident, recordAlert, type RuleSubject } from '../../src/incidents/incident-state';
import { acknowledge, close, markFalsePositive, submitAssessment } from '../../src/incidents/responder-actions';
import { type EvidenceRef, recordAlertEvidence, recordPlan } from '../../src/incidents/step-results';
import { advance } from '../../src/incidents/transitions';
import { IncidentRole, Phase } from '../../src/incidents/vocabulary';
import { lowRiskSubmission, withFactor } from '../assessment/submissions';
import { sampleAlert } from '../support/alerts';

/**
 * Incidents in each phase, reached the way the workflow reaches them: the
 * real state functions, with `advance` after every change as the workflow's
 * handlers and steps call it.
 */

export const INCIDENT_ID = 'inc-st-elsewhere-1';
export const TENANT_ID = 'st-elsewhere';
export const RULE_ID = 'prm-mass-record-access';

export const OPENED_AT = '2026-12-03T10:15:05.000Z';
export const PLANNED_AT = '2026-12-03T10:15:10.000Z';
export const ACKNOWLEDGED_AT = '2026-12-03T10:20:00.000Z';
export const CAPTURED_AT = '2026-12-03T10:40:00.000Z';
export const ASSESSED_AT = '2026-12-05T16:05:00.000Z';
export const CLOSED_AT = '2026-12-06T09:00:00.000Z';

export const responder = { actorId: 'dr.okafor', role: IncidentRole.responder } as const;
export const privacyOfficer = { actorId: 'privacy.officer', role: IncidentRole.privacyOfficer } as const;

export const suspendOnApproval: PlaybookAction = { kind: 'suspend-user', mode: 'approval' };
export const blockAutomatically: PlaybookAction = { kind: 'block-ip', mode: 'automatic' };

export function subjectFor(state: IncidentState, ruleId = RULE_ID): RuleSubject {
  const subject = state.subjects.find((candidate) => candidate.ruleId === ruleId);
  if (!subject) throw new Error(`the incident has no subject for ${ruleId}`);
  return subject;
}

/** What a playbook naming `actions` for the rule plans against the rule's first alert. */
export function planFor(state: IncidentState, actions: PlaybookAction[], ruleId = RULE_ID): ContainmentPlan {
  return planContainment({ rules: { [ruleId]: actions } }, ruleId, subjectFor(state, ruleId));
}

export function planned(state: IncidentState, actions: PlaybookAction[], ruleId = RULE_ID, at = PLANNED_AT) {
  return advance(recordPlan(state, planFor(state, actions, ruleId), at), at);
}

export function alertEvidence(ruleId = RULE_ID): EvidenceRef & { eventCount: number } {
  return {
    artifactId: `art-alert-${ruleId}`,
    sha256: 'a'.repeat(64),
    kind: 'audit-events',
    name: `alert-${ruleId}.json`,
    eventCount: 212,
  };
}

export function captured(state: IncidentState, ruleId = RULE_ID, at = CAPTURED_AT): IncidentState {
  return advance(recordAlertEvidence(state, subjectFor(state, ruleId), alertEvidence(ruleId), at), at);
}

export function opened(): IncidentState {
  return openIncident(INCIDENT_ID, TENANT_ID, OPENED_AT);
}

export function alerted(alert: Alert = sampleAlert()): IncidentState {
  return recordAlert(opened(), alert, OPENED_AT);
}

export function acknowledged(state: IncidentState = alerted()): IncidentState {
  return advance(acknowledge(state, { ...responder }, ACKNOWLEDGED_AT), ACKNOWLEDGED_AT);
}

/** Acknowledged, with a suspension waiting for approval. */
export function inContainment(): IncidentState {
  return acknowledged(planned(alerted(), [suspendOnApproval]));
}

/** Contained (the playbook named nothing to do), the alert's evidence not yet captured. */
export function inEvidence(): IncidentState {
  return acknowledged(planned(alerted(), []));
}

export function inAssessment(): IncidentState {
  return captured(inEvidence());
}

export function assessedNotReportable(): IncidentState {
  return submitAssessment(inAssessment(), { ...privacyOfficer, submission: lowRiskSubmission() }, ASSESSED_AT);
}

export function inNotification(): IncidentState {
  const submission = withFactor('natureAndExtent', 'high');
  return submitAssessment(inAssessment(), { ...privacyOfficer, submission }, ASSESSED_AT);
}

export function closedIncident(): IncidentState {
  return close(assessedNotReportable(), { ...privacyOfficer, reason: 'Low probability of compromise.' }, CLOSED_AT);
}

export function falsePositive(): IncidentState {
  return markFalsePositive(alerted(), { ...responder, reason: 'A scheduled chart audit.' }, ACKNOWLEDGED_AT);
}

export function inPhase(phase: Phase): IncidentState {
  switch (phase) {
    case Phase.triage:
      return alerted();
    case Phase.containment:
      return inContainment();
    case Phase.evidence:
      return inEvidence();
    case Phase.assessment:
      return inAssessment();
    case Phase.notification:
      return inNotification();
    case Phase.closed:
      return closedIncident();
    case Phase.falsePositive:
      return falsePositive();
  }
}

export const phases: readonly Phase[] = Object.values(Phase);
