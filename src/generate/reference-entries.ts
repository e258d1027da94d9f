import type { ReferenceListEntry } from '../detection/reference-lists';
import type { TrafficLabels } from './labels';
import { PatientFlag } from './patients';

/**
 * What the platform's HR and chart-flag records would hold for generated
 * traffic, as detection reference lists: terminated accounts from their
 * termination, flagged charts (VIP or employee) and each flagged chart's
 * care team. Detection reads these; the audit log alone cannot say them.
 */
export function referenceEntriesFor(labels: TrafficLabels): ReferenceListEntry[] {
  const tenantId = labels.options.tenant_id;
  const terminated = labels.terminated_users.map((user) => ({
    tenantId,
    listName: 'terminated_accounts',
    value: user.user_id,
    effectiveFrom: user.terminated_at,
  }));
  const flagged = labels.flagged_patients.map((patient) => ({
    tenantId,
    listName: patient.flag === PatientFlag.vip ? 'vip_patients' : 'employee_patients',
    value: patient.patient_id,
  }));
  const careTeams = labels.flagged_patients.flatMap((patient) =>
    patient.care_team.map((userId) => ({ tenantId, listName: `care_team:${patient.patient_id}`, value: userId })),
  );

  return [...terminated, ...flagged, ...careTeams];
}
