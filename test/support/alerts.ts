import type { Alert } from '../../src/incidents/alert';

/**
 * A made-up patient name, distinctive enough that finding it anywhere proves
 * a leak. No real person's data is used in tests.
 */
export const SYNTHETIC_PATIENT_NAME = 'Quillon Brightwater-Marsh';

export function sampleAlert(overrides: Partial<Alert> = {}): Alert {
  return {
    alertId: 'alert-1',
    tenantId: 'st-elsewhere',
    ruleId: 'prm-mass-record-access',
    ruleTitle: 'One user read many unrelated patient records',
    severity: 'high',
    dedupKey: 'prm-mass-record-access|user-4411|2026-12-03T10',
    detectedAt: '2026-12-03T10:15:00Z',
    eventCount: 212,
    subject: { userId: 'user-4411', ipAddress: '10.20.30.40', patientIds: ['Patient/88231'] },
    summary: `user-4411 opened the chart of ${SYNTHETIC_PATIENT_NAME} and 211 others`,
    ...overrides,
  };
}
