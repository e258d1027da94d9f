import { planContainment } from '../../src/containment/playbook';
import type { ArtifactRecord } from '../../src/evidence/artifacts';
import type { CustodyEntry } from '../../src/evidence/custody-entry';
import {
  type IncidentState,
  type IncidentStatus,
  openIncident,
  recordAlert,
  toStatus,
} from '../../src/incidents/incident-state';
import {
  acknowledge,
  addNote,
  close,
  decideContainment,
  setPopulation,
  submitAssessment,
} from '../../src/incidents/responder-actions';
import { recordAlertEvidence, recordApplied, recordFailed, recordPlan } from '../../src/incidents/step-results';
import { advance } from '../../src/incidents/transitions';
import { IncidentRole } from '../../src/incidents/vocabulary';
import { withFactor } from '../assessment/submissions';
import { SYNTHETIC_PATIENT_NAME, sampleAlert } from '../support/alerts';

/**
 * One incident taken from alert to closure with the workflow's own state
 * functions, and evidence records shaped like the store's. Every piece of
 * responder free text names the synthetic patient, so a report that copies
 * any of it is caught.
 */

export const INCIDENT_ID = 'incident-st-elsewhere-7c1d9e';
export const RULE_ID = 'prm-mass-record-access';

export const OPENED_AT = '2026-12-03T10:15:05.000Z';
export const PLANNED_AT = '2026-12-03T10:15:10.000Z';
export const ACKNOWLEDGED_AT = '2026-12-03T10:20:00.000Z';
export const DECIDED_AT = '2026-12-03T10:25:00.000Z';
export const APPLIED_AT = '2026-12-03T10:25:04.000Z';
export const CAPTURED_AT = '2026-12-03T10:40:00.000Z';
export const ASSESSED_AT = '2026-12-05T16:05:00.000Z';
export const CLOSED_AT = '2026-12-09T09:00:00.000Z';
export const GENERATED_AT = '2026-12-09T09:30:00.000Z';

export const PATIENT_NOTE = `Called ${SYNTHETIC_PATIENT_NAME} about the chart views`;

const responder = { actorId: 'dr.okafor', role: IncidentRole.responder } as const;
const privacyOfficer = { actorId: 'privacy.officer', role: IncidentRole.privacyOfficer } as const;

function planned(state: IncidentState): IncidentState {
  const subject = state.subjects[0];
  if (!subject) throw new Error('the alert left no subject to contain');
  const actions = [
    { kind: 'suspend-user', mode: 'approval' },
    { kind: 'block-ip', mode: 'automatic' },
  ] as const;

  return recordPlan(state, planContainment({ rules: { [RULE_ID]: [...actions] } }, RULE_ID, subject), PLANNED_AT);
}

/** #0 suspend-user approved with a reason and applied; #1 block-ip automatic, refused by the platform. */
function containedAfterDecision(state: IncidentState): IncidentState {
  const decided = decideContainment(state, { ...responder, actionIndex: 0, reason: PATIENT_NOTE }, true, DECIDED_AT);
  const [suspend, block] = decided.actions;
  if (!suspend || !block) throw new Error('the playbook planned two actions');
  const applied = recordApplied(
    decided,
    suspend,
    { requestId: 'req-suspend-1', outcome: 'applied', completedAt: APPLIED_AT },
    APPLIED_AT,
  );

  return recordFailed(applied, block, 'ContainmentRejected', APPLIED_AT);
}

function captured(state: IncidentState): IncidentState {
  const subject = state.subjects[0];
  if (!subject) throw new Error('the alert left no subject to capture evidence for');
  const ref = { artifactId: artifactRecord().id, sha256: 'a'.repeat(64), kind: 'audit-events', name: 'alert.ndjson' };

  return recordAlertEvidence(state, subject, { ...ref, eventCount: 212 }, CAPTURED_AT);
}

/** Each step followed by `advance`, as the workflow's handlers and steps call it. */
export function closedIncidentState(): IncidentState {
  const alerted = recordAlert(openIncident(INCIDENT_ID, 'st-elsewhere', OPENED_AT), sampleAlert(), OPENED_AT);
  const acknowledged = acknowledge(planned(alerted), { ...responder, note: PATIENT_NOTE }, ACKNOWLEDGED_AT);
  const noted = addNote(acknowledged, { ...responder, note: PATIENT_NOTE }, ACKNOWLEDGED_AT);
  const contained = advance(containedAfterDecision(noted), APPLIED_AT);
  const inAssessment = advance(captured(contained), CAPTURED_AT);
  const submission = withFactor('natureAndExtent', 'high');
  const assessed = submitAssessment(inAssessment, { ...privacyOfficer, submission }, ASSESSED_AT);
  const population = { ...privacyOfficer, populationId: 'pop-1', total: 212, byJurisdiction: { 'US-CA': 212 } };
  const withPopulation = setPopulation(assessed, population, ASSESSED_AT);

  return close(withPopulation, { ...privacyOfficer, reason: PATIENT_NOTE }, CLOSED_AT);
}

export function closedIncidentStatus(): IncidentStatus {
  return toStatus(closedIncidentState());
}

export function artifactRecord(overrides: Partial<ArtifactRecord> = {}): ArtifactRecord {
  return {
    id: '0b7f3c52-3d1e-4f7a-9a61-2f0c8d4e5a10',
    incidentId: INCIDENT_ID,
    kind: 'audit-events',
    name: `alert-${RULE_ID}.ndjson`,
    mediaType: 'application/x-ndjson',
    sha256: 'a'.repeat(64),
    size: 48_213,
    capturedBy: 'breachline',
    capturedAt: '2026-12-03T10:40:00.000000Z',
    source: {},
    ...overrides,
  };
}

export function custodyEntry(seq: number, hash: string): CustodyEntry {
  return {
    incidentId: INCIDENT_ID,
    seq,
    action: seq === 1 ? 'capture' : 'view',
    artifactId: artifactRecord().id,
    actor: 'breachline',
    at: '2026-12-03T10:40:00.000000Z',
    details: {},
    prevHash: '0'.repeat(64),
    hash,
  };
}
