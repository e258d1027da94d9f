import type { Database } from '../../store/database';
import { affectedPatientIds, type AuditScope } from './audit-patients';
import type { ContactCipher } from './contact-cipher';
import type { Individual } from './individual';
import type { PatientDirectory } from './patient-directory';
import { createPopulation } from './population-store';

export interface ResolvedPopulation {
  populationId: string;
  size: number;
  /** Patients on the audit trail the directory does not know: they need substitute notice or follow-up. */
  missing: number;
  /**
   * Residents per jurisdiction by home address (`US-TX`, or a country code
   * outside the US), which decides whose state law applies; people without
   * an address are not in it.
   */
  byJurisdiction: Record<string, number>;
}

function residency(individuals: readonly Individual[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { address } of individuals) {
    if (!address) continue;
    const jurisdiction = address.country === 'US' ? `US-${address.region.toUpperCase()}` : address.country;
    counts[jurisdiction] = (counts[jurisdiction] ?? 0) + 1;
  }
  return counts;
}

/** The population of an incident from its audit events, with contact details from the patient directory. */
export async function resolvePopulationFromAudit(
  db: Database,
  directory: PatientDirectory,
  cipher: ContactCipher,
  incident: { incidentId: string; scope: AuditScope },
): Promise<ResolvedPopulation> {
  const patientIds = await affectedPatientIds(db, incident.scope);
  const { individuals, missing } = await directory.lookup(patientIds);
  const origin = { incidentId: incident.incidentId, tenantId: incident.scope.tenantId, source: 'audit-events' };
  const populationId = await createPopulation(db, cipher, origin, individuals);

  return { populationId, size: individuals.length, missing: missing.length, byJurisdiction: residency(individuals) };
}
