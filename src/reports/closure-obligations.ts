import type { ObligationsStatus } from '../obligations/tracking';
import type { ClosureObligation } from './closure-report-data';

/**
 * The report's obligations, from the tracker's status. A deadline that still
 * waits on another notice (California's AG after the consumer notice) has
 * no date yet; the report says what it waits for instead.
 *
 * A calendar-day deadline is shown as the instant its civil day ends,
 * converted to UTC (a notice due 1 February in Los Angeles reads 2 February
 * 07:59:59 UTC), because the report compares instants to say what was met
 * late; it does not yet print the civil date the law sets beside it.
 */
export function closureObligations(status: ObligationsStatus | undefined): ClosureObligation[] {
  if (!status) return [];

  return status.obligations.map((entry) => ({
    id: entry.id,
    recipient: entry.recipient,
    jurisdiction: entry.jurisdiction,
    citation: entry.citation,
    due: entry.dueAt ?? entry.dueDate ?? (entry.relativeTo ? `after ${entry.relativeTo}` : entry.deadlineKind),
    ...(entry.met ? { metAt: entry.met.metAt, method: entry.met.method, reference: entry.met.reference } : {}),
  }));
}
