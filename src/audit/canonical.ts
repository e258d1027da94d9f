import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import ipaddr from 'ipaddr.js';
import type { AuditEvent } from './event';
import { isDottedQuad, utcInstantFraction } from './text-formats';

/**
 * The canonical form of an audit event, which the hash chain signs.
 *
 * It is the RFC 8785 (JSON Canonicalization Scheme) serialisation of an
 * object with exactly these members, so key order and number and string
 * formatting are fixed by the standard rather than by us:
 *
 *   action, id, outcome, patient_id, resource_id, resource_type, tenant_id,
 *   user_agent, user_id     strings (or null) exactly as stored; id lowercase
 *   phi_accessed            boolean
 *   occurred_at             UTC, microseconds: `YYYY-MM-DDTHH:MM:SS.ffffffZ`
 *   ip_address              the address alone (no prefix length) in ipaddr.js's
 *                           normal form: dotted IPv4, compressed lowercase IPv6;
 *                           or null
 *   details                 the JSON object, itself canonicalised
 *   v                       1, the version of this form
 *
 * Then, for an event in the chain:
 *
 *   hash = SHA-256( prev_hash "\n" received_at "\n" canonical form ), lowercase hex
 *
 * with received_at in the same UTC form as occurred_at. `seq` is deliberately
 * outside it: order is carried by prev_hash, so a moved row still verifies on
 * its own and shows up as reordered, not edited. The canonical form alone is
 * what two events with the same id are compared on.
 *
 * The same functions run on a new event and on a row read back from either
 * backend, so the form depends only on values both sides agree on.
 */

export const CANONICAL_VERSION = 1;

/** The `prev_hash` of a tenant's first event. */
export const GENESIS_HASH = '0'.repeat(64);

const CANONICAL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const MILLISECOND_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:\d{2})$/i;

/** An ISO 8601 instant with an offset, in UTC with exactly six fractional digits. */
export function canonicalInstant(text: string): string {
  // Fast paths: UTC to the microsecond or less, as Date#toISOString and the stored form write it.
  const utcFraction = utcInstantFraction(text);
  if (utcFraction !== undefined) {
    return utcFraction.length === 6 ? text : `${text.slice(0, 19)}.${utcFraction.padEnd(6, '0')}Z`;
  }
  if (CANONICAL_INSTANT.test(text)) return text;
  if (MILLISECOND_UTC.test(text) && !Number.isNaN(Date.parse(text))) return `${text.slice(0, 23)}000Z`;

  const match = INSTANT.exec(text);
  if (!match) throw new RangeError('not an ISO 8601 instant with an offset');
  const [, date, hours, minutes, seconds = '00', fraction = '', zone = 'Z'] = match;

  const wholeSeconds = Date.parse(`${date}T${hours}:${minutes}:${seconds}${zone.toUpperCase()}`);
  if (Number.isNaN(wholeSeconds)) throw new RangeError('not a valid calendar instant');
  const utc = new Date(wholeSeconds).toISOString().slice(0, 19);

  return `${utc}.${fraction.padEnd(6, '0')}Z`;
}

export function canonicalAddress(text: string | null): string | null {
  if (text === null) return null;
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  // A plain dotted quad without leading zeros is already in normal form.
  if (isDottedQuad(address)) return address;
  return ipaddr.parse(address).toString();
}

/** The fields of an event that it is compared and hashed on. */
export type CanonicalFields = Omit<AuditEvent, 'occurred_at'> & { occurred_at: string };

/** Nesting past this is left to the library, whose recursion has no limit of its own. */
const MAX_ORDERED_DEPTH = 16;

/**
 * Whether JSON.stringify already writes `value` as RFC 8785 does: nothing but
 * strings, booleans, null, finite numbers, plain arrays and plain objects
 * whose keys are in code-unit order. Both then write every key, string and
 * number the same way.
 */
function isInCanonicalOrder(value: unknown, depth = 0): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (typeof value !== 'object' || depth > MAX_ORDERED_DEPTH) return false;
  if (Array.isArray(value)) return value.every((item) => isInCanonicalOrder(item, depth + 1));
  if (Object.getPrototypeOf(value) !== Object.prototype) return false;

  const keys = Object.keys(value);
  let previous = '';
  for (const [i, key] of keys.entries()) {
    if (i > 0 && previous >= key) return false;
    if (!isInCanonicalOrder((value as Record<string, unknown>)[key], depth + 1)) return false;
    previous = key;
  }
  return true;
}

/** What JSON.stringify writes escaped: the quote, the backslash, control characters, and unpaired surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what JSON escapes
const ESCAPED_IN_JSON = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string (or null) exactly as JSON.stringify, and so RFC 8785, writes it.
 * Almost no string here needs escaping, and quoting one costs a fraction of
 * the call; a string with anything that might need it (a surrogate pair
 * included) goes through JSON.stringify.
 */
function jsonString(text: string | null): string {
  if (text === null) return 'null';
  return ESCAPED_IN_JSON.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** The `details` member in canonical form; also what is stored, so it is written once per event. */
export function canonicalDetails(details: unknown): string {
  if (isInCanonicalOrder(details)) return JSON.stringify(details);

  const written = canonicalize(details);
  if (written === undefined) throw new TypeError('details cannot be canonicalised');
  return written;
}

/**
 * The canonical form, written member by member in RFC 8785 order (the
 * names are fixed ASCII, so code-unit order is plain sorting). Every string
 * is written as JSON.stringify writes it, and `details` as canonicalDetails
 * does, so the result is what the standard's serialisation of the whole
 * object gives, at about a third of the cost of building that object and
 * serialising it.
 */
export function canonicalContent(
  event: CanonicalFields,
  details = canonicalDetails(event.details),
  occurredAt = canonicalInstant(event.occurred_at),
): string {
  return (
    `{"action":${jsonString(event.action)},"details":${details},"id":${jsonString(event.id.toLowerCase())}` +
    `,"ip_address":${jsonString(canonicalAddress(event.ip_address))}` +
    `,"occurred_at":${jsonString(occurredAt)},"outcome":${jsonString(event.outcome)}` +
    `,"patient_id":${jsonString(event.patient_id)},"phi_accessed":${event.phi_accessed ? 'true' : 'false'}` +
    `,"resource_id":${jsonString(event.resource_id)},"resource_type":${jsonString(event.resource_type)}` +
    `,"tenant_id":${jsonString(event.tenant_id)},"user_agent":${jsonString(event.user_agent)}` +
    `,"user_id":${jsonString(event.user_id)},"v":${CANONICAL_VERSION}}`
  );
}

/** The chain hash of an event whose canonical form is `content`; `receivedAt` must already be canonical. */
export function chainHash(prevHash: string, receivedAt: string, content: string): string {
  return hash('sha256', `${prevHash}\n${receivedAt}\n${content}`, 'hex');
}
