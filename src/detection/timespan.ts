/**
 * A Sigma timespan (`number + lowercase unit`: `90s`, `10m`, `1h`, `7d`) in
 * seconds, or undefined when it is not one. The spec names s, m, h and d;
 * weeks, months and years are left out on purpose, since a month has no
 * fixed length and windows must be exact.
 */
const SECONDS_PER_UNIT: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86_400 };

export function parseTimespan(text: string): number | undefined {
  const match = /^([1-9][0-9]{0,8})([smhd])$/.exec(text);
  const unit = match?.[2];
  if (!match?.[1] || unit === undefined) return undefined;

  return Number(match[1]) * (SECONDS_PER_UNIT[unit] ?? 0);
}
