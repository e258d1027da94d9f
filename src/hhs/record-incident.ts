import { DateTime } from 'luxon';
import { DataElement, EntityRole, type IncidentFacts, incidentFactsSchema } from '../obligations/facts';
import type { HhsBreachRecord } from './breach-record';
import { CoveredEntityType } from './form-vocabulary';
import { type HhsIncidentProfile, hhsIncidentProfileSchema } from './incident-profile';
import { mainTimeZones } from './state-time-zones';

/**
 * Incident facts from one row of OCR's listing. The listing has no discovery
 * or breach dates, no residency, data elements or encryption, so each is
 * assumed as follows:
 *
 * - Discovered at noon on the submission date, in the main time zone of the
 *   entity's state. A report cannot come before discovery, so this is the
 *   latest discovery the row allows: deadlines computed from it are the
 *   latest they could have been, not the ones the entity actually faced.
 *   Determination is taken to be the same moment.
 * - The breach started and ended at that moment too.
 * - Every affected individual lives in the entity's state.
 * - The role is business associate when the listing's entity type is
 *   Business Associate; otherwise covered entity, also when "Business
 *   Associate Present" is Yes (the covered entity reported its BA's breach).
 * - The data exposed is at least medical and health-insurance information
 *   with names: what makes a record PHI in a provider's or plan's hands.
 * - Nothing was encrypted: OCR lists breaches of unsecured PHI only.
 * - No law-enforcement delay, and every affected individual can be reached.
 */

export interface ListedIncident {
  facts: IncidentFacts;
  profile: HhsIncidentProfile;
}

const NOON = { hour: 12 } as const;

const ASSUMED_DATA_ELEMENTS = [DataElement.medical, DataElement.healthInsurance, DataElement.name];

function discoveryInstant(record: HhsBreachRecord, timeZone: string): string | undefined {
  const noon = DateTime.fromISO(record.submittedOn, { zone: timeZone }).set(NOON);
  return noon.toISO({ suppressMilliseconds: true }) ?? undefined;
}

function profileOf(record: HhsBreachRecord): HhsIncidentProfile {
  return hhsIncidentProfileSchema.parse({
    entityType: record.entityType,
    state: record.state,
    breachTypes: record.breachTypes,
    locations: record.locations,
    businessAssociatePresent: record.businessAssociatePresent,
  });
}

/** The facts and profile the row implies, or why it implies none (each reason a fixed sentence). */
export function incidentFromRecord(record: HhsBreachRecord): ListedIncident | { reasons: string[] } {
  const timeZone = mainTimeZones[record.state];
  if (timeZone === undefined) return { reasons: ['State has no single time zone to date the discovery in'] };
  const discoveredAt = discoveryInstant(record, timeZone);

  const parsed = incidentFactsSchema.safeParse({
    discoveredAt,
    timeZone,
    entityRole:
      record.entityType === CoveredEntityType.businessAssociate
        ? EntityRole.businessAssociate
        : EntityRole.coveredEntity,
    breach: { startedAt: discoveredAt, endedAt: discoveredAt },
    affected: [{ jurisdiction: record.state, count: record.individualsAffected }],
    dataElements: ASSUMED_DATA_ELEMENTS,
    encryption: { encrypted: false, keyCompromised: false },
  });
  if (!parsed.success) {
    return { reasons: parsed.error.issues.map((issue) => `derived facts: ${issue.path.join('.')} ${issue.message}`) };
  }

  return { facts: parsed.data, profile: profileOf(record) };
}
