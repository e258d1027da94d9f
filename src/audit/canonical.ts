import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import ipaddr from 'ipaddr.js';
import type { AuditEvent } from './event';

/**
 * The canonical form of an audit event, which the hash chain signs.
 *
 * It is the RFC 8785 (JSON Canonicalization Scheme) serialisation of an
 * object with exactly these members, so key order and number formatting are
 * fixed by the standard rather than by us:
 *
 *   v              1, the version of this form
 *   tenant_id, id, user_id, user_agent, action, resource_type, resource_id,
 *   patient_id, outcome        strings (or null) exactly as stored
 *   phi_accessed   boolean
 *   occurred_at, received_at   UTC, microseconds, `YYYY-MM-DDTHH:MM:SS.ffffffZ`
 *   ip_address     the address alone (no prefix length) in ipaddr.js's
 *                  normal form: dotted IPv4, compressed lowercase IPv6; or null
 *   details        the JSON object, canonicalised like the rest
 *
 * `seq` is deliberately outside it: order is carried by `prev_hash`, so a
 * moved row still verifies on its own and shows up as reordered, not edited.
 *
 * The same function runs on a new event and on a row read back from either
 * backend, so the form must only depend on values both sides agree on.
 */

export const CANONICAL_VERSION = 1;

/** The `prev_hash` of a tenant's first event. */
export const GENESIS_HASH = '0'.repeat(64);

const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?(Z|[+-]\d{2}:\d{2})$/i;

/** An ISO 8601 instant with an offset, in UTC with exactly six fractional digits. */
export function canonicalInstant(text: string): string {
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
  const address = text.split('/')[0] ?? text;
  return ipaddr.parse(address).toString();
}

/** The fields of an event that its content is compared and hashed on. */
export type CanonicalFields = Omit<AuditEvent, 'occurred_at'> & { occurred_at: string };

/** The event's content alone: two events with the same id are duplicates when this matches. */
export function canonicalContent(event: CanonicalFields): string {
  return canonicalRecord(event, null);
}

function canonicalRecord(event: CanonicalFields, receivedAt: string | null): string {
  const record = {
    v: CANONICAL_VERSION,
    tenant_id: event.tenant_id,
    id: event.id.toLowerCase(),
    occurred_at: canonicalInstant(event.occurred_at),
    received_at: receivedAt === null ? null : canonicalInstant(receivedAt),
    user_id: event.user_id,
    ip_address: canonicalAddress(event.ip_address),
    user_agent: event.user_agent,
    action: event.action,
    resource_type: event.resource_type,
    resource_id: event.resource_id,
    patient_id: event.patient_id,
    phi_accessed: event.phi_accessed,
    outcome: event.outcome,
    details: event.details,
  };
  const text = canonicalize(record);
  if (text === undefined) throw new TypeError('event cannot be canonicalised');
  return text;
}

/** hash = SHA-256 over the previous hash, a newline, and the canonical event; lowercase hex. */
export function chainHash(prevHash: string, event: CanonicalFields, receivedAt: string): string {
  return createHash('sha256').update(prevHash).update('\n').update(canonicalRecord(event, receivedAt)).digest('hex');
}
