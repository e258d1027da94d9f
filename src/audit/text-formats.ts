/**
 * Recognisers for the common spellings of an audit record's formatted
 * fields, written out character by character: at a million records a
 * regular expression per field costs more than the rest of the check. Each
 * accepts a subset of what the zod schema in event.ts accepts, never more;
 * whatever they refuse goes the long way.
 */

const ZERO = 0x30;
const NINE = 0x39;
const LOWER_A = 0x61;
const LOWER_F = 0x66;
const LOWER_Z = 0x7a;
const DASH = 0x2d;

function isDigit(code: number): boolean {
  return code >= ZERO && code <= NINE;
}

/** The number written by `count` digits starting at `from`, or -1 if any of them is not a digit. */
function digitsAt(text: string, from: number, count: number): number {
  let value = 0;
  for (let i = from; i < from + count; i += 1) {
    const code = text.charCodeAt(i);
    if (!isDigit(code)) return -1;
    value = value * 10 + code - ZERO;
  }
  return value;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** `YYYY-MM-DDTHH:MM:SS` at the start of `text`, a real calendar date and time of day. */
function isDateTime(text: string): boolean {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  const hours = digitsAt(text, 11, 2);
  const minutes = digitsAt(text, 14, 2);
  const seconds = digitsAt(text, 17, 2);
  const separators = text[4] === '-' && text[7] === '-' && text[10] === 'T' && text[13] === ':' && text[16] === ':';

  return (
    separators &&
    year >= 0 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month) &&
    hours >= 0 &&
    hours <= 23 &&
    minutes >= 0 &&
    minutes <= 59 &&
    seconds >= 0 &&
    seconds <= 59
  );
}

/**
 * The fractional digits of a UTC instant `YYYY-MM-DDTHH:MM:SS[.f]Z` with one
 * to six of them (or none, giving ''), or undefined when `text` is not one.
 * Date#toISOString writes this shape.
 */
export function utcInstantFraction(text: string): string | undefined {
  const length = text.length;
  if (length < 20 || length > 27 || length === 21 || text.charCodeAt(length - 1) !== 0x5a) return undefined;
  if (!isDateTime(text)) return undefined;
  if (length === 20) return '';
  if (text[19] !== '.' || digitsAt(text, 20, length - 21) < 0) return undefined;

  return text.slice(20, length - 1);
}

/** Four decimal octets without leading zeros, as both zod and ipaddr.js write IPv4. */
export function isDottedQuad(text: string): boolean {
  let octets = 0;
  let at = 0;
  while (at <= text.length) {
    let end = at;
    while (end < text.length && isDigit(text.charCodeAt(end))) end += 1;
    const width = end - at;
    if (width === 0 || width > 3 || (width > 1 && text.charCodeAt(at) === ZERO)) return false;
    if (digitsAt(text, at, width) > 255) return false;
    octets += 1;
    if (end === text.length) return octets === 4;
    if (text[end] !== '.' || octets === 4) return false;
    at = end + 1;
  }
  return false;
}

/** A UUID in lowercase hex with an RFC 9562 version (1 to 8) and variant, the form zod's `uuid()` checks. */
export function isLowercaseUuid(text: string): boolean {
  if (text.length !== 36) return false;
  for (let i = 0; i < 36; i += 1) {
    const code = text.charCodeAt(i);
    const dash = i === 8 || i === 13 || i === 18 || i === 23;
    if (dash ? code !== DASH : !(isDigit(code) || (code >= LOWER_A && code <= LOWER_F))) return false;
  }
  // The length is fixed above, so each is exactly one character.
  const version = text.charAt(14);
  const variant = text.charAt(19);

  return version >= '1' && version <= '8' && '89ab'.includes(variant);
}

/** A tenant slug as tenantIdSchema has it: a lowercase letter or digit, then up to 62 of those or dashes. */
export function isTenantSlug(text: string): boolean {
  if (text.length < 1 || text.length > 63) return false;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    const allowed = isDigit(code) || (code >= LOWER_A && code <= LOWER_Z) || (i > 0 && code === DASH);
    if (!allowed) return false;
  }
  return true;
}
