import { hash } from 'node:crypto';
import canonicalize from 'canonicalize';
import ipaddr from 'ipaddr.js';
import type { AuditEvent } from './event';

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
  // Fast paths: already canonical, or what Date#toISOString writes.
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

const DOTTED_QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

export function canonicalAddress(text: string | null): string | null {
  if (text === null) return null;
  const address = text.split('/')[0] ?? text;
  // A plain dotted quad without leading zeros is already in normal form.
  if (DOTTED_QUAD.test(address)) return address;
  return ipaddr.parse(address).toString();
}

/** The fields of an event that it is compared and hashed on. */
export type CanonicalFields = Omit<AuditEvent, 'occurred_at'> & { occurred_at: string };

const text = (value: string | null): string => (value === null ? 'null' : JSON.stringify(value));

/**
 * The canonical form. Members are written in the RFC 8785 order by hand
 * (their names are fixed ASCII, so code-unit order is plain sorting); only
 * `details` has keys we do not know, and the library canonicalises it.
 */
export function canonicalContent(event: CanonicalFields): string {
  const details = canonicalize(event.details);
  if (details === undefined) throw new TypeError('details cannot be canonicalised');

  return (
    `{"action":${text(event.action)},"details":${details},"id":${text(event.id.toLowerCase())}` +
    `,"ip_address":${text(canonicalAddress(event.ip_address))},"occurred_at":${text(canonicalInstant(event.occurred_at))}` +
    `,"outcome":${text(event.outcome)},"patient_id":${text(event.patient_id)}` +
    `,"phi_accessed":${event.phi_accessed ? 'true' : 'false'},"resource_id":${text(event.resource_id)}` +
    `,"resource_type":${text(event.resource_type)},"tenant_id":${text(event.tenant_id)}` +
    `,"user_agent":${text(event.user_agent)},"user_id":${text(event.user_id)},"v":${CANONICAL_VERSION}}`
  );
}

/** The chain hash of an event whose canonical form is `content`; `receivedAt` must already be canonical. */
export function chainHash(prevHash: string, receivedAt: string, content: string): string {
  return hash('sha256', `${prevHash}\n${receivedAt}\n${content}`, 'hex');
}
