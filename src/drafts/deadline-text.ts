import { DateTime } from 'luxon';
import type { Obligation } from '../obligations';

/**
 * When a drafted notice is due, in the words legal reads on the draft's
 * header: an instant in the entity's zone, a civil date, the organisation's
 * own target, or the notice it is timed against.
 */

/** An instant as local time in `timeZone`, with the UTC instant beside it so no one converts by hand. */
export function instantText(instant: string, timeZone: string): string {
  const value = DateTime.fromISO(instant, { setZone: true });
  const utc = value.toUTC().toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");

  return `${value.setZone(timeZone).toFormat('yyyy-MM-dd HH:mm ZZZZ')} (${utc})`;
}

export function deadlineText(obligation: Obligation): string {
  const deadline = obligation.deadline;
  switch (deadline.kind) {
    case 'instant':
      return instantText(deadline.dueAt, obligation.timeZone);
    case 'civil-date':
      return `${deadline.dueDate} (end of day, ${obligation.timeZone})`;
    case 'without-unreasonable-delay':
      return `without unreasonable delay; internal target ${deadline.targetDate}`;
    case 'relative': {
      const period = deadline.period ? `${deadline.period.count} ${deadline.period.unit.replace('-', ' ')} ` : '';
      const latest = deadline.latestDate === undefined ? '' : `; at the latest ${deadline.latestDate}`;
      return `${period}${deadline.relation.replaceAll('-', ' ')} ${deadline.to}${latest}`;
    }
  }
}
