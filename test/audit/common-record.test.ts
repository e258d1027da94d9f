import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCommonRecord } from '../../src/audit/common-record';
import { auditEventSchema } from '../../src/audit/event';
import { mapFhirAuditEvents } from '../../src/audit/fhir-mapping';
import { generateAuditTraffic } from '../../src/generate';
import { auditEvent, auditEvents } from '../support/audit-events';

const HL7_EXAMPLES = join(__dirname, '..', 'fixtures', 'fhir-r4-auditevent');

/** Values each field is set to in turn: valid edge cases, near misses and plain wrong types. */
const FIELD_VALUES: Record<string, unknown[]> = {
  id: [
    'E8AB18F9-2E3D-40D1-ADB3-8351606E667F',
    '00000000-0000-0000-0000-000000000000',
    'ffffffff-ffff-ffff-ffff-ffffffffffff',
    'e8ab18f9-2e3d-00d1-adb3-8351606e667f',
    'e8ab18f9-2e3d-90d1-adb3-8351606e667f',
    'e8ab18f9-2e3d-40d1-cdb3-8351606e667f',
    'e8ab18f9-2e3d-40d1-adb3-8351606e667',
    'e8ab18f9-2e3d-40d1-adb3-8351606e667f0',
    'e8ab18f92e3d-40d1-adb3-8351606e667f0',
    'g8ab18f9-2e3d-40d1-adb3-8351606e667f',
    'not-a-uuid',
  ],
  occurred_at: [
    '2026-11-02T14:00:00Z',
    '2026-11-02T14:00:00.1Z',
    '2026-11-02T14:00:00.123456Z',
    '2026-11-02T14:00:00.1234567Z',
    '2026-11-02T14:00:00.Z',
    '2026-11-02T14:00Z',
    '2026-11-02T14:00:00',
    '2026-11-02T14:00:00.000z',
    '2026-11-02t14:00:00.000Z',
    '2026-11-02T14:00:00.000+01:00',
    '2026-11-02T14:00:00.000-06:00',
    '2026-11-02T14:00:00.000+24:00',
    '2026-11-02 14:00:00.000Z',
    '2024-02-29T00:00:00.000Z',
    '2000-02-29T00:00:00.000Z',
    '1900-02-29T00:00:00.000Z',
    '2026-02-29T00:00:00.000Z',
    '2026-04-31T00:00:00.000Z',
    '2026-13-01T00:00:00.000Z',
    '2026-00-01T00:00:00.000Z',
    '2026-01-00T00:00:00.000Z',
    '2026-01-01T24:00:00.000Z',
    '2026-01-01T23:60:00.000Z',
    '2026-01-01T23:59:60.000Z',
    '0000-01-01T00:00:00.000Z',
    '+02026-01-01T00:00:00.000Z',
    '2026-1-01T00:00:00.000Z',
  ],
  tenant_id: ['a', 'north-clinic', 'North-Clinic', '-clinic', 'clinic-', 'clinic_1', 'x'.repeat(63), 'x'.repeat(64)],
  user_id: ['u', 'x'.repeat(200), 'x'.repeat(201), 'user\u0000one', 'tab\there'],
  ip_address: [
    '0.0.0.0',
    '255.255.255.255',
    '256.1.1.1',
    '01.2.3.4',
    '1.2.3',
    '1.2.3.4.5',
    '1.2.3.4 ',
    '1..2.3',
    '1.2.3.',
    '10.0.0.1/24',
    '::1',
    'fe80::1',
    '2001:DB8::1',
    ':::',
    '::ffff:10.0.0.1',
    '',
  ],
  user_agent: ['x'.repeat(1000), 'x'.repeat(1001), 'back\\slash', 'line\nbreak'],
  action: ['read', 'READ', 'peek', 'toString', '__proto__'],
  resource_type: ['x'.repeat(100), 'x'.repeat(101)],
  resource_id: ['x'.repeat(200), 'x'.repeat(201)],
  patient_id: ['x'.repeat(200), 'x'.repeat(201), 'pat\u0000'],
  phi_accessed: ['true', 0, 1],
  outcome: ['failure', 'denied', 'maybe', 'constructor'],
  details: [
    {},
    [],
    ['a'],
    'text',
    0,
    { nested: { deeper: [1, 'two', null, true, { x: -0.5 }] } },
    { b: 1, a: 2, 10: 'ten', 9: 'nine' },
    { bad: undefined },
    { bad: Number.NaN },
    { bad: Number.POSITIVE_INFINITY },
    { bad: () => 1 },
    { bad: new Date(0) },
    { bad: 10n },
    { bad: sparse() },
    { bad: Symbol('s') },
    { [Symbol('key')]: 'symbol-keyed' },
    JSON.parse('{"__proto__": {"x": 1}, "y": 2}') as unknown,
    Object.create(null) as unknown,
    Object.assign(Object.create(null) as object, { a: 1 }),
    { constructor: 'text' },
    { toJSON: 'text' },
    { nul: '\u0000' },
    nested(40),
  ],
};

/** Wrong types any field may be given. */
const ANY_FIELD_VALUES: unknown[] = [undefined, null, '', 7, true, [], {}, ['x']];

/** [1, <hole>, 3] */
function sparse(): unknown[] {
  const list: unknown[] = [1];
  list[2] = 3;
  return list;
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i += 1) value = { level: value };
  return value;
}

function variants(base: Record<string, unknown>): unknown[] {
  const records: unknown[] = [base];
  for (const [field, values] of Object.entries(FIELD_VALUES)) {
    for (const value of [...values, ...ANY_FIELD_VALUES]) records.push({ ...base, [field]: value });
  }
  // Every field the schema knows, so a field added to it later is caught here if the quick reading misses it.
  for (const field of Object.keys(auditEventSchema.shape)) {
    const { [field]: _dropped, ...without } = base;
    records.push(without);
  }
  records.push({ ...base, unexpected: true }, { ...base, __proto__: { inherited: 1 } });
  return records;
}

/** The schema's verdict and output; the quick reading must match it whenever it answers. */
function expectAgreement(record: unknown): boolean {
  const quick = readCommonRecord(record);
  if (quick === undefined) return false;

  const parsed = auditEventSchema.safeParse(record);
  expect(parsed.success).toBe(true);
  expect(quick).toEqual(parsed.data);
  expect(JSON.stringify(quick)).toBe(JSON.stringify(parsed.data));
  return true;
}

function generated(count: number): Record<string, unknown>[] {
  const events: Record<string, unknown>[] = [];
  for (const event of generateAuditTraffic({ days: 7, staff: 40, patients: 2_000, seed: 'fast-path' })) {
    events.push(event);
    if (events.length === count) break;
  }
  return events;
}

describe('the quick reading of common records', () => {
  it('never accepts a record the schema refuses, and returns what the schema would', () => {
    const bases = [auditEvent(0), auditEvent(1, { ip_address: null, user_agent: null }), ...generated(20)];
    const records = bases.flatMap((base) => variants(base as Record<string, unknown>));
    records.push(null, undefined, 'text', 42, [], [auditEvent(0)], Object.create(null) as unknown, new Date());
    records.push(Object.assign(Object.create(null) as object, auditEvent(2)));
    records.push(JSON.parse(JSON.stringify(auditEvent(3))) as unknown, { ...auditEvent(4), user_agent: undefined });

    const accepted = records.filter(expectAgreement).length;

    expect(records.length).toBeGreaterThan(3_000);
    expect(accepted).toBeGreaterThan(records.length / 10);
  });

  it('agrees with the schema on the HL7 examples as mapped from FHIR', () => {
    const examples = readdirSync(HL7_EXAMPLES).filter((name) => name.startsWith('audit'));
    const resources = examples.map((name) => JSON.parse(readFileSync(join(HL7_EXAMPLES, name), 'utf8')) as unknown);
    const { events } = mapFhirAuditEvents(resources, { tenantId: 'st-elsewhere' });

    for (const event of [...events, ...auditEvents(10)]) expectAgreement(event);
    expect(events).toHaveLength(9);
  });

  it('reads nearly all generated traffic itself, so the schema is the exception', () => {
    const events = generated(5_000);

    const read = events.filter(expectAgreement).length;

    expect(read / events.length).toBeGreaterThan(0.99);
  });
});
