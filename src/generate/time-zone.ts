/**
 * Wall-clock arithmetic in the tenant's zone with nothing but Intl. Shifts
 * are defined in local hours ("07:00-15:00 in Chicago") and events are
 * written in UTC, so each user-day converts its shift start once and every
 * event inside it is an offset in real elapsed time from there. A night shift
 * across a daylight-saving change therefore lasts its true eight hours.
 */

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }

  return formatter;
}

/** The zone's wall clock at `instant`, read as if it were UTC. */
function wallClockAsUtc(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const field = (name: string): number => parts[name] ?? 0;

  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
}

/** How far the zone's clock is ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  return wallClockAsUtc(instant, timeZone) - Math.floor(instant / 1000) * 1000;
}

/**
 * The instant at which the zone's clock reads `hour:minute` on the calendar
 * day `dayIndex` days after `startDate`. A wall time skipped by a spring-
 * forward change resolves to the hour after; a repeated one to its first pass.
 */
export function zonedInstant(
  startDate: string,
  dayIndex: number,
  hour: number,
  minute: number,
  timeZone: string,
): number {
  const [year = 0, month = 1, day = 1] = startDate.split('-').map(Number);
  const wall = Date.UTC(year, month - 1, day + dayIndex, hour, minute);
  // The offset either side of a change gives at most two candidates; keep the ones whose clock reads `wall`.
  const first = wall - offsetAt(wall, timeZone);
  const second = wall - offsetAt(first, timeZone);
  const valid = [first, second].filter((instant) => wallClockAsUtc(instant, timeZone) === wall);

  return valid.length > 0 ? Math.min(...valid) : Math.max(first, second);
}

/** The day of the week (0 Sunday … 6 Saturday) of the calendar day `dayIndex` days after `startDate`. */
export function weekdayOf(startDate: string, dayIndex: number): number {
  const [year = 0, month = 1, day = 1] = startDate.split('-').map(Number);

  return new Date(Date.UTC(year, month - 1, day + dayIndex)).getUTCDay();
}

/** The hour (0-23) the zone's clock shows at `instant`. */
export function localHour(instant: number, timeZone: string): number {
  return new Date(wallClockAsUtc(instant, timeZone)).getUTCHours();
}

/** The UTC ISO form the events carry: `Z` and exactly millisecond precision. */
export function isoInstant(instant: number): string {
  return new Date(instant).toISOString();
}
