/**
 * Recognisers for the common spellings of an audit record's formatted
 * fields. Each accepts a subset of what the zod schema in event.ts accepts,
 * never more; whatever they refuse goes the long way, through the schema.
 */

/** Lowercase hex with an RFC 9562 version (1 to 8) and variant, the form zod's `uuid()` checks. */
const LOWERCASE_UUID = /^[\da-f]{8}-[\da-f]{4}-[1-8][\da-f]{3}-[89ab][\da-f]{3}-[\da-f]{12}$/;
/** As zod's `datetime()` has it with the Z offset and up to six fractional digits; the day is checked apart. */
const UTC_INSTANT =
  /^(\d{4})-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.(\d{1,6}))?Z$/;
/** Four decimal octets without leading zeros, as both zod and ipaddr.js write IPv4. */
const DOTTED_QUAD = /^(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
/** The same slug as tenantIdSchema. */
const TENANT_SLUG = /^[a-z\d][a-z\d-]{0,62}$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * The fractional digits of a UTC instant `YYYY-MM-DDTHH:MM:SS[.f]Z` on a real
 * calendar day, with one to six of them (or none, giving ''), or undefined
 * when `text` is not one. Date#toISOString writes this shape.
 */
export function utcInstantFraction(text: string): string | undefined {
  const match = UTC_INSTANT.exec(text);
  if (!match) return undefined;
  const [, year = '', month = '', day = '', fraction = ''] = match;

  return Number(day) <= daysInMonth(Number(year), Number(month)) ? fraction : undefined;
}

export function isDottedQuad(text: string): boolean {
  return DOTTED_QUAD.test(text);
}

export function isLowercaseUuid(text: string): boolean {
  return LOWERCASE_UUID.test(text);
}

export function isTenantSlug(text: string): boolean {
  return TENANT_SLUG.test(text);
}
