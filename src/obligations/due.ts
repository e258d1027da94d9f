import { DateTime } from 'luxon';
import { civilDateOf, civilDaysBetween, endOfCivilDay, toUtcIso } from './civil-time';
import type { CivilDate, Obligation } from './obligation';

/**
 * When an obligation falls due as an instant, and where it stands at a given
 * moment. A civil date is due at the last instant of that day in the entity's
 * zone; an internal target is treated as due on its target date.
 */

/** The civil day an obligation is due on, in its zone; undefined for a relative deadline with no bound yet. */
export function dueDateOf(obligation: Obligation): CivilDate | undefined {
  const deadline = obligation.deadline;
  switch (deadline.kind) {
    case 'instant':
      return civilDateOf(deadline.dueAt, obligation.timeZone);
    case 'civil-date':
      return deadline.dueDate;
    case 'without-unreasonable-delay':
      return deadline.targetDate;
    case 'relative':
      return deadline.latestDate;
  }
}

/** The due instant (UTC ISO 8601); undefined for a relative deadline with no bound yet. */
export function dueInstant(obligation: Obligation): string | undefined {
  if (obligation.deadline.kind === 'instant') return obligation.deadline.dueAt;
  const date = dueDateOf(obligation);

  return date === undefined ? undefined : toUtcIso(endOfCivilDay(date, obligation.timeZone));
}

export interface Standing {
  dueAt?: string;
  /** Civil days from the day of `asOf` to the due day, in the entity's zone: 0 is due today, negative is overdue. */
  daysRemaining?: number;
  /** Whole hours left before the due instant (negative once past). */
  hoursRemaining?: number;
  overdue: boolean;
  met: boolean;
  /** Recorded met, but after it was due. */
  metLate: boolean;
}

export function standing(obligation: Obligation, asOf: string): Standing {
  const dueAt = dueInstant(obligation);
  const met = obligation.metAt !== undefined;
  if (dueAt === undefined) return { overdue: false, met, metLate: false };

  const due = DateTime.fromISO(dueAt);
  const now = DateTime.fromISO(asOf, { setZone: true });
  const dueDate = dueDateOf(obligation) ?? civilDateOf(dueAt, obligation.timeZone);
  const metLate = obligation.metAt !== undefined && DateTime.fromISO(obligation.metAt) > due;

  return {
    dueAt,
    daysRemaining: civilDaysBetween(civilDateOf(asOf, obligation.timeZone), dueDate),
    hoursRemaining: Math.floor(due.diff(now, 'hours').hours),
    overdue: !met && now > due,
    met,
    metLate,
  };
}
