import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import canonicalize from 'canonicalize';
import ipaddr from 'ipaddr.js';
import { describe, expect, it } from 'vitest';
import { type CanonicalFields, canonicalContent, canonicalInstant } from '../../src/audit/canonical';
import type { AuditEvent } from '../../src/audit/event';
import { mapFhirAuditEvents } from '../../src/audit/fhir-mapping';
import { generateAuditTraffic } from '../../src/generate';
import { auditEvent } from '../support/audit-events';

const HL7_EXAMPLES = join(__dirname, '..', 'fixtures', 'fhir-r4-auditevent');
const INSTANT_PARTS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2})(:\d{2})?(?:\.(\d{1,6}))?(Z|[+-]\d{2}:\d{2})$/i;

/** The instant as the form defines it: the same moment in UTC, six fractional digits, by way of Date. */
function referenceInstant(text: string): string {
  const [, minutes, seconds = ':00', fraction = '', zone = 'Z'] = INSTANT_PARTS.exec(text) ?? [];
  const utc = new Date(`${minutes}${seconds}${zone.toUpperCase()}`).toISOString().slice(0, 19);
  return `${utc}.${fraction.padEnd(6, '0')}Z`;
}

/**
 * The canonical form read straight from its definition in canonical.ts: the
 * library canonicalises the whole object, members normalised first. Slower,
 * and the fixed point the fast writer is held to, so chains signed before it
 * still verify.
 */
function referenceContent(event: CanonicalFields): string {
  const address = event.ip_address === null ? null : ipaddr.parse(event.ip_address.split('/')[0] ?? '').toString();
  const members = {
    ...event,
    id: event.id.toLowerCase(),
    ip_address: address,
    occurred_at: referenceInstant(event.occurred_at),
    v: 1,
  };
  return canonicalize(members) ?? '';
}

function traffic(count: number): AuditEvent[] {
  const events: AuditEvent[] = [];
  for (const event of generateAuditTraffic({ days: 30, staff: 80, patients: 5_000, seed: 'canonical' })) {
    events.push({ ip_address: null, user_agent: null, resource_id: null, patient_id: null, details: {}, ...event });
    if (events.length === count) break;
  }
  return events;
}

function hl7Examples(): AuditEvent[] {
  const examples = readdirSync(HL7_EXAMPLES).filter((name) => name.startsWith('audit'));
  const resources = examples.map((name) => JSON.parse(readFileSync(join(HL7_EXAMPLES, name), 'utf8')) as unknown);
  return mapFhirAuditEvents(resources, { tenantId: 'st-elsewhere' }).events as AuditEvent[];
}

const base = auditEvent(0) as AuditEvent;

/** Events whose details, addresses, instants or texts take the writer off its straight path. */
const unusual: AuditEvent[] = [
  { ...base, details: { b: 1, a: [2, { d: null, c: true }], 10: 'ten', 9: 'nine' } },
  { ...base, details: { numbers: [0, -0, 0.1, 1e21, 1e-7, -5.5e300, 123456789012345680000] } },
  { ...base, details: { é: 'accent', e: 'plain', '\u{1F600}': 'emoji', '\uffff': 'last' } },
  { ...base, details: { quote: 'say "hi"', slash: 'a\\b', tab: 'a\tb', lone: '\ud800', nul: '\u0000' } },
  { ...base, details: { deep: JSON.parse(`${'{"x":'.repeat(30)}1${'}'.repeat(30)}`) as AuditEvent['details'] } },
  { ...base, details: {} },
  { ...base, ip_address: '2001:DB8:0:0:0:0:0:1' },
  { ...base, ip_address: '::ffff:10.0.0.1' },
  { ...base, ip_address: '10.0.0.1/24' },
  { ...base, ip_address: null, user_agent: null, resource_id: null, patient_id: null },
  { ...base, id: base.id.toUpperCase() },
  { ...base, occurred_at: '2026-11-02T14:00:00Z' },
  { ...base, occurred_at: '2026-11-02T14:00:00.1Z' },
  { ...base, occurred_at: '2026-11-02T14:00:00.123456Z' },
  { ...base, occurred_at: '2026-11-02T08:00:00.000000-06:00' },
  { ...base, occurred_at: '2026-12-31T23:30:00.5+01:00' },
  { ...base, occurred_at: '2024-02-29T23:59:59.999z' },
  { ...base, user_agent: 'Mozilla/5.0 "quoted"\\back\tslash\nnew\rline \u2028 \u00e9' },
  { ...base, user_id: 'ünïcödé', resource_type: 'Résumé', patient_id: 'pat\u0001' },
];

describe('the canonical form', () => {
  it('is byte for byte the form the hash chain has always signed, on generated traffic', () => {
    for (const event of traffic(20_000)) expect(canonicalContent(event)).toBe(referenceContent(event));
  });

  it('is byte for byte the same on the HL7 examples and on unusual events', () => {
    for (const event of [...hl7Examples(), ...unusual]) expect(canonicalContent(event)).toBe(referenceContent(event));
  });

  it('keeps instants that only the slow path reads as it always has', () => {
    expect(canonicalInstant('2026-11-02T14:00Z')).toBe('2026-11-02T14:00:00.000000Z');
    expect(canonicalInstant('2026-11-02T14:00:00.000000Z')).toBe('2026-11-02T14:00:00.000000Z');
    expect(() => canonicalInstant('2026-11-02T14:00:00')).toThrow(RangeError);
  });
});
