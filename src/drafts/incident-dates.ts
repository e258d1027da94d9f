import { civilDateOf, type CivilDate, type IncidentFacts } from '../obligations';

/**
 * The dates every notice draft states, as civil dates in the entity's zone
 * (a notice says "on 9 March", not an instant), and the counts it reports.
 * Only counts, kinds and dates reach a draft: the facts hold no names.
 */

export interface IncidentDates {
  breachStarted: CivilDate;
  /** Absent when the breach is ongoing or its end is not known. */
  breachEnded?: CivilDate;
  discovered: CivilDate;
  /** When the investigation determined a breach occurred (the facts default it to discovery). */
  determined: CivilDate;
}

export function incidentDates(facts: IncidentFacts): IncidentDates {
  const civil = (instant: string) => civilDateOf(instant, facts.timeZone);
  const { startedAt, endedAt } = facts.breach;

  return {
    breachStarted: civil(startedAt),
    ...(endedAt === undefined ? {} : { breachEnded: civil(endedAt) }),
    discovered: civil(facts.discoveredAt),
    determined: civil(facts.determinedAt),
  };
}

export function totalAffected(facts: IncidentFacts): number {
  return facts.affected.reduce((sum, { count }) => sum + count, 0);
}

/** The affected people the facts place in one jurisdiction; 0 when it has none. */
export function affectedIn(facts: IncidentFacts, jurisdiction: string): number {
  return facts.affected.find((entry) => entry.jurisdiction === jurisdiction)?.count ?? 0;
}

/** "from 2026-02-20 to 2026-02-28", "on 2026-02-20", or an open end said in words. */
export function breachPeriodText(dates: IncidentDates): string {
  if (dates.breachEnded === undefined) return `from ${dates.breachStarted} (ongoing, or its end is not yet known)`;

  return dates.breachEnded === dates.breachStarted
    ? `on ${dates.breachStarted}`
    : `from ${dates.breachStarted} to ${dates.breachEnded}`;
}
