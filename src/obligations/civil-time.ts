import { DateTime } from 'luxon';
import type { CivilDate } from './obligation';

/**
 * Deadline arithmetic. Calendar-day rules count civil days in the entity's
 * zone, so a daylight-saving change never moves a due date; hour rules count
 * absolute hours, so 72 hours across a change are still 72 real hours.
 * Civil dates are computed as plain dates (in UTC, which has no changes) and
 * only meet a zone when turned into an instant at the end of their day.
 */

function plainDate(date: CivilDate): DateTime {
  const parsed = DateTime.fromISO(date, { zone: 'utc' });
  if (!parsed.isValid) throw new RangeError(`not a civil date: ${date}`);

  return parsed;
}

function toCivil(value: DateTime): CivilDate {
  return value.toFormat('yyyy-MM-dd');
}

/** The civil date an instant falls on in `timeZone`: 23:30 in New York on the 7th is the 7th, not UTC's 8th. */
export function civilDateOf(instant: string, timeZone: string): CivilDate {
  return toCivil(DateTime.fromISO(instant, { setZone: true }).setZone(timeZone));
}

export function addCalendarDays(date: CivilDate, days: number): CivilDate {
  return toCivil(plainDate(date).plus({ days }));
}

/** Whole civil days from `from` to `to`; negative when `to` is earlier. */
export function civilDaysBetween(from: CivilDate, to: CivilDate): number {
  return Math.round(plainDate(to).diff(plainDate(from), 'days').days);
}

export function laterDate(a: CivilDate, b: CivilDate): CivilDate {
  return a >= b ? a : b;
}

export function dayOfWeek(date: CivilDate): number {
  return plainDate(date).weekday;
}

/** Absolute hours, in UTC: the zone's clock changes do not stretch or shrink them. */
export function addHours(instant: string, hours: number): string {
  return DateTime.fromISO(instant, { setZone: true }).toUTC().plus({ hours }).toISO() ?? instant;
}

/**
 * The last instant of a civil day in `timeZone` (23:59:59.999 local). A day
 * 23 or 25 hours long still ends at its own local midnight.
 */
export function endOfCivilDay(date: CivilDate, timeZone: string): DateTime {
  return DateTime.fromISO(date, { zone: timeZone }).endOf('day');
}

/** The last day of the calendar year `date` falls in. */
export function yearEnd(date: CivilDate): CivilDate {
  return `${date.slice(0, 4)}-12-31`;
}

export function toUtcIso(value: DateTime): string {
  return value.toUTC().toISO() ?? '';
}
