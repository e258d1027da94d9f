import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/audit/event';
import { mapFhirAuditEvents } from '../../src/audit/fhir-mapping';
import {
  COPY_EVENTS,
  copyData,
  INSERT_EVENTS,
  insertParameters,
  type ChainedEvent,
} from '../../src/audit/stored-event';
import { checkRecord } from '../../src/audit/validate-record';
import { generateAuditTraffic } from '../../src/generate';
import { auditEvent } from '../support/audit-events';
import { storeBackends, type TestStore } from '../support/stores';

const HL7_EXAMPLES = join(__dirname, '..', 'fixtures', 'fhir-r4-auditevent');
const RECEIVED_AT = '2026-11-05T10:00:00.123456Z';

/** Records that take the encoder off its straight path: every column's edge cases the schema lets through. */
const unusual: AuditEventInput[] = [
  auditEvent(0, { user_agent: 'Mozilla/5.0 "quoted"\\back\tslash\nnew\rline \u2028 \u00e9 \u{1F600}' }),
  auditEvent(1, { user_id: 'ünïcödé', resource_type: 'Résumé', patient_id: 'pat\u0001', resource_id: '\\N' }),
  auditEvent(2, { ip_address: '2001:DB8:0:0:0:0:0:1' }),
  auditEvent(3, { ip_address: '::ffff:10.0.0.1' }),
  auditEvent(4, { ip_address: '255.255.255.255' }),
  auditEvent(5, { ip_address: null, user_agent: null, resource_id: null, patient_id: null }),
  auditEvent(6, { id: auditEvent(6).id.toUpperCase() }),
  auditEvent(7, { occurred_at: '2026-11-02T08:00:00.000001-06:00' }),
  auditEvent(8, { occurred_at: '1999-12-31T23:59:59.999999Z' }),
  auditEvent(9, { occurred_at: '2000-01-01T00:00:00Z' }),
  auditEvent(10, { occurred_at: '0001-01-01T00:00:00Z' }),
  auditEvent(11, { occurred_at: '9999-12-31T23:59:59.999999+14:00' }),
  auditEvent(12, { details: { b: 1, a: [2, { d: null, c: true }], 10: 'ten', é: 'accent', big: 1e21 } }),
  auditEvent(13, { details: { quote: 'say "hi"', slash: 'a\\b', tab: 'a\tb', emoji: '\u{1F600}' } }),
  auditEvent(14, { details: {} }),
];

function records(): unknown[] {
  const traffic: unknown[] = [];
  for (const event of generateAuditTraffic({ days: 7, staff: 40, patients: 2_000, seed: 'copy-binary' })) {
    traffic.push(event);
    if (traffic.length === 3_000) break;
  }
  const examples = readdirSync(HL7_EXAMPLES).filter((name) => name.startsWith('audit'));
  const resources = examples.map((name) => JSON.parse(readFileSync(join(HL7_EXAMPLES, name), 'utf8')) as unknown);
  const hl7 = mapFhirAuditEvents(resources, { tenantId: 'st-elsewhere' }).events;

  return [...traffic, ...hl7, ...unusual];
}

function chained(): ChainedEvent[] {
  return records().map((record, index) => {
    const check = checkRecord(record, index);
    if (!check.ok) throw new Error(`record ${index} is invalid: ${JSON.stringify(check.problems)}`);
    return { prepared: check, seq: index + 1, prevHash: 'a'.repeat(64), hash: 'b'.repeat(64) };
  });
}

describe('year 0000', () => {
  it('is refused by name, since PostgreSQL cannot store it', () => {
    const check = checkRecord(auditEvent(0, { occurred_at: '0000-06-01T00:00:00Z' }), 0);
    expect(check.ok).toBe(false);
    expect(check.ok ? [] : check.problems.map((problem) => problem.field)).toContain('occurred_at');
  });
});

const postgres = storeBackends().find((backend) => backend.name === 'postgres');

describe.skipIf(!postgres)('binary COPY rows (PostgreSQL)', () => {
  let store: TestStore;

  beforeAll(async () => {
    if (!postgres) return;
    store = await postgres.open();
    await store.db.exec('CREATE TABLE via_binary (LIKE audit_events); CREATE TABLE via_text (LIKE audit_events)');
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('store exactly what the same events store through text parameters', async () => {
    const rows = chained();
    await store.db.transaction(async (tx) => {
      await tx.copyFrom?.(COPY_EVENTS.replace('audit_events', 'via_binary'), copyData(rows, RECEIVED_AT));
      await tx.query(INSERT_EVENTS.replace('audit_events', 'via_text'), insertParameters(rows, RECEIVED_AT));
    });

    const count = async (sql: string): Promise<number> => {
      const { rows: result } = await store.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) d`);
      return result[0]?.n ?? -1;
    };
    expect(await count('SELECT * FROM via_binary')).toBe(rows.length);
    expect(await count('SELECT * FROM via_binary EXCEPT ALL SELECT * FROM via_text')).toBe(0);
    expect(await count('SELECT * FROM via_text EXCEPT ALL SELECT * FROM via_binary')).toBe(0);
  });
});
