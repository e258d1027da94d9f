import { DateTime } from 'luxon';

/**
 * How values read in a report. Instants are shown in UTC, to the second, so
 * entries from responders in different zones line up; a value that is not a
 * valid instant is shown as given rather than dropped.
 */
export function formatInstant(iso: string): string {
  const instant = DateTime.fromISO(iso, { setZone: true });
  if (!instant.isValid) return iso;

  return instant.toUTC().toFormat("yyyy-LL-dd HH:mm:ss 'UTC'");
}

/** Exact byte counts: evidence sizes are checked against the bundle, so no rounding. */
export function formatBytes(bytes: number): string {
  return `${bytes.toLocaleString('en-US')} B`;
}

/** Earlier than, for two ISO instants; undefined when either cannot be read. */
export function isBefore(a: string, b: string): boolean | undefined {
  const first = DateTime.fromISO(a, { setZone: true });
  const second = DateTime.fromISO(b, { setZone: true });
  if (!first.isValid || !second.isValid) return undefined;

  return first.toMillis() < second.toMillis();
}

export function yesNo(value: boolean): string {
  return value ? 'yes' : 'no';
}
