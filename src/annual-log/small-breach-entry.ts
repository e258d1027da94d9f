import type { IncidentFacts } from '../obligations/facts';
import type { Obligation } from '../obligations/obligation';

/**
 * An incident's entry in the annual log of small breaches, decided from its
 * facts and obligations alone, so the tracking workflow can compute it.
 */

export interface SmallBreachEntry {
  tenantId: string;
  incidentId: string;
  discoveryYear: number;
  individuals: number;
  discoveredAt: string;
  /** The civil date the year's log is due to HHS: day 60 after 31 December. */
  dueDate: string;
}

export const ANNUAL_LOG_OBLIGATION_ID = 'HIPAA/hhs-annual-log';

/** The incident's log entry when its obligations include the annual log, otherwise undefined. */
export function smallBreachEntry(
  ids: { tenantId: string; incidentId: string },
  facts: IncidentFacts,
  obligations: readonly Obligation[],
): SmallBreachEntry | undefined {
  const annual = obligations.find((obligation) => obligation.id === ANNUAL_LOG_OBLIGATION_ID);
  if (!annual || annual.deadline.kind !== 'civil-date') return undefined;

  const dueDate = annual.deadline.dueDate;
  const individuals = facts.affected.reduce((sum, entry) => sum + entry.count, 0);
  return {
    ...ids,
    discoveryYear: Number(dueDate.slice(0, 4)) - 1,
    individuals,
    discoveredAt: facts.discoveredAt,
    dueDate,
  };
}
