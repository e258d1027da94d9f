import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkAgainstCheckpoint, createCheckpoint, hasValidSignature } from '../../src/audit/checkpoint';
import { mapFhirAuditEvents } from '../../src/audit/fhir-mapping';
import { BatchRejectedError, ingest } from '../../src/audit/ingest';
import { verifyTenantChain } from '../../src/audit/verify-chain';
import { type Database, openPglite, StoreLockedError } from '../../src/store/database';
import { auditEvent, auditEvents, uuidFor } from '../support/audit-events';
import { storeBackends, type TestStore } from '../support/stores';

const TENANT = 'st-elsewhere';
const HL7_EXAMPLES = join(__dirname, '..', 'fixtures', 'fhir-r4-auditevent');
const CHECKPOINT_KEY = 'checkpoint-key-for-the-store-suite-000';

async function rejection(promise: Promise<unknown>): Promise<BatchRejectedError> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(BatchRejectedError);
  return error as BatchRejectedError;
}

/** Runs `sql` as a superuser with triggers off: the one way past the append-only guard. */
async function tamper(db: Database, sql: string, params: unknown[] = []): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query(sql, params);
  });
}

async function count(db: Database): Promise<number> {
  const { rows } = await db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events');
  return rows[0]?.n ?? -1;
}

describe.each(storeBackends())('the audit store on $name', (backend) => {
  let store: TestStore;
  let db: Database;

  beforeEach(async () => {
    store = await backend.open();
    db = store.db;
  });

  afterEach(async () => {
    await store.dispose();
  });

  describe('ingest', () => {
    it('stores a batch with gap-free sequence numbers and a chain that verifies', async () => {
      const report = await ingest(db, auditEvents(25));

      expect(report).toEqual({
        received: 25,
        stored: 25,
        duplicates: 0,
        tenants: [{ tenantId: TENANT, firstSeq: 1, lastSeq: 25 }],
      });
      expect(await count(db)).toBe(25);
      const verification = await verifyTenantChain(db, TENANT);
      expect(verification.break).toBeUndefined();
      expect(verification.events).toBe(25);
    });

    it('stores nothing when one record in the middle is bad, and names it', async () => {
      const batch: unknown[] = auditEvents(9);
      batch[4] = { ...auditEvent(4), action: 'peek' };

      const error = await rejection(ingest(db, batch));

      expect(error.problems).toEqual([{ index: 4, field: 'action', problem: expect.any(String) as string }]);
      expect(await count(db)).toBe(0);
    });

    it('names every bad record of a batch, each with its field', async () => {
      const batch: unknown[] = auditEvents(6);
      batch[1] = { ...auditEvent(1), occurred_at: '2026-11-02T14:00:00' };
      batch[3] = { ...auditEvent(3), id: 'not-a-uuid', ip_address: '999.1.1.1' };
      batch[5] = { ...auditEvent(5), unexpected: true };

      const error = await rejection(ingest(db, batch));

      const found = error.problems.map((p) => `${p.index}:${p.field}`);
      expect(found).toEqual(expect.arrayContaining(['1:occurred_at', '3:id', '3:ip_address', '5:(record)']));
      expect(error.problemCount).toBe(4);
      expect(await count(db)).toBe(0);
    });

    it('rolls back chunks already written when a later record is bad', async () => {
      const batch: unknown[] = auditEvents(30);
      batch[27] = { ...auditEvent(27), phi_accessed: 'yes' };

      await rejection(ingest(db, batch, { chunkSize: 10 }));

      expect(await count(db)).toBe(0);
      expect((await ingest(db, auditEvents(3))).tenants[0]?.firstSeq).toBe(1);
    });

    it('keeps error messages free of the values that were wrong', async () => {
      const secret = 'Zephyrine Oakhollow 1961-04-09';
      const batch = [{ ...auditEvent(0), occurred_at: secret, user_id: 7, details: secret }];

      const error = await rejection(ingest(db, batch));

      expect(error.message).not.toContain('Zephyrine');
      expect(JSON.stringify(error.problems)).not.toContain('Zephyrine');
    });

    it('reports an id already stored with the same content as a duplicate, not an error', async () => {
      await ingest(db, auditEvents(5));

      const report = await ingest(db, auditEvents(7));

      expect(report).toMatchObject({ received: 7, stored: 2, duplicates: 5 });
      expect(await count(db)).toBe(7);
    });

    it('treats the same instant written with another offset as the same content', async () => {
      await ingest(db, [auditEvent(0, { occurred_at: '2026-11-02T14:00:00Z' })]);

      const report = await ingest(db, [auditEvent(0, { occurred_at: '2026-11-02T08:00:00.000000-06:00' })]);

      expect(report.duplicates).toBe(1);
    });

    it('refuses an id already stored with different content, naming the record', async () => {
      await ingest(db, auditEvents(3));
      const batch = [auditEvent(3), auditEvent(1, { user_id: 'someone-else' })];

      const error = await rejection(ingest(db, batch));

      expect(error.problems).toEqual([{ index: 1, field: 'id', problem: 'is already stored with different content' }]);
      expect(await count(db)).toBe(3);
    });

    it('handles a repeated id inside one batch like one already stored', async () => {
      const same = await ingest(db, [auditEvent(0), auditEvent(1), auditEvent(0)]);
      expect(same).toMatchObject({ stored: 2, duplicates: 1 });

      const error = await rejection(ingest(db, [auditEvent(5), auditEvent(5, { outcome: 'denied' })]));
      expect(error.problems[0]).toMatchObject({ index: 1, field: 'id' });
    });

    it('refuses records of another tenant when the batch is for one tenant', async () => {
      const error = await rejection(ingest(db, [auditEvent(0, { tenant_id: 'other-clinic' })], { tenantId: TENANT }));

      expect(error.problems[0]).toMatchObject({ index: 0, field: 'tenant_id' });
    });

    it('keeps one unbroken chain when batches for one tenant arrive concurrently', async () => {
      const batches = Array.from({ length: 8 }, (_, b) => auditEvents(50, b * 50));

      const reports = await Promise.all(batches.map((batch) => ingest(db, batch, { chunkSize: 20 })));

      expect(reports.reduce((sum, report) => sum + report.stored, 0)).toBe(400);
      const verification = await verifyTenantChain(db, TENANT);
      expect(verification.break).toBeUndefined();
      expect(verification.head.seq).toBe(400);
    });

    it('keeps a separate chain per tenant', async () => {
      await ingest(db, [...auditEvents(3), ...auditEvents(2, 0, { tenant_id: 'north-clinic' })]);

      expect((await verifyTenantChain(db, TENANT)).head.seq).toBe(3);
      expect((await verifyTenantChain(db, 'north-clinic')).head.seq).toBe(2);
    });

    it('refuses UPDATE, DELETE and TRUNCATE, whatever the role', async () => {
      await ingest(db, auditEvents(2));

      await expect(db.query("UPDATE audit_events SET user_id = 'x'")).rejects.toThrow(/append-only/);
      await expect(db.query('DELETE FROM audit_events')).rejects.toThrow(/append-only/);
      await expect(db.query('TRUNCATE audit_events')).rejects.toThrow(/append-only/);
      expect(await count(db)).toBe(2);
    });

    it('returns counts as numbers and dates without a time-zone shift', async () => {
      await ingest(db, auditEvents(3));

      const { rows } = await db.query<{ n: unknown; d: unknown }>(
        "SELECT count(*) AS n, '2026-03-08'::date AS d FROM audit_events",
      );

      expect(rows[0]).toEqual({ n: 3, d: '2026-03-08' });
    });
  });

  describe('FHIR input', () => {
    it('maps and stores the nine HL7 AuditEvent examples, and the chain verifies', async () => {
      const examples = readdirSync(HL7_EXAMPLES).filter((name) => name.startsWith('audit'));
      const resources = examples.map((name) => JSON.parse(readFileSync(join(HL7_EXAMPLES, name), 'utf8')) as unknown);

      const { events, problems } = mapFhirAuditEvents(resources, { tenantId: TENANT });
      expect(problems).toEqual([]);
      const report = await ingest(db, events);

      expect(examples).toHaveLength(9);
      expect(report.stored).toBe(9);
      expect((await verifyTenantChain(db, TENANT)).break).toBeUndefined();
      expect((await ingest(db, events)).duplicates).toBe(9);
    });
  });

  describe('verification', () => {
    beforeEach(async () => {
      await ingest(db, auditEvents(10));
    });

    it('finds an edited row and names it', async () => {
      await tamper(db, "UPDATE audit_events SET user_id = 'intruder' WHERE seq = 4");

      expect((await verifyTenantChain(db, TENANT)).break).toMatchObject({
        kind: 'edited',
        seq: 4,
        id: uuidFor(`event-3-${TENANT}`),
      });
    });

    it('finds a deleted row and names the missing seq', async () => {
      await tamper(db, 'DELETE FROM audit_events WHERE seq = 6');

      expect((await verifyTenantChain(db, TENANT)).break).toMatchObject({ kind: 'missing', seq: 6 });
    });

    it('finds a swapped pair and names the first moved event', async () => {
      await tamper(db, 'UPDATE audit_events SET seq = -seq WHERE seq IN (7, 8)');
      await tamper(db, 'UPDATE audit_events SET seq = CASE seq WHEN -7 THEN 8 ELSE 7 END WHERE seq IN (-7, -8)');

      expect((await verifyTenantChain(db, TENANT)).break).toMatchObject({
        kind: 'reordered',
        seq: 7,
        id: uuidFor(`event-7-${TENANT}`),
      });
    });

    it('finds a row rewritten together with a fresh hash', async () => {
      const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = 3');
      await tamper(db, "UPDATE audit_events SET user_id = 'intruder', hash = $1 WHERE seq = 3", ['f'.repeat(64)]);
      expect(rows[0]?.hash).not.toBe('f'.repeat(64));

      expect((await verifyTenantChain(db, TENANT)).break).toMatchObject({ kind: 'edited', seq: 3 });
    });

    it('finds a cut-off tail through the chain-head row', async () => {
      await tamper(db, 'DELETE FROM audit_events WHERE seq > 8');

      expect((await verifyTenantChain(db, TENANT)).break).toMatchObject({ kind: 'missing', seq: 9 });
    });

    it('finds a cut-off tail with a signed checkpoint even when the head row was rewound too', async () => {
      const checkpoint = await createCheckpoint(db, TENANT, CHECKPOINT_KEY);
      const { rows } = await db.query<{ hash: string }>('SELECT hash FROM audit_events WHERE seq = 8');
      await tamper(db, 'DELETE FROM audit_events WHERE seq > 8');
      await db.query('UPDATE audit_chain_heads SET seq = 8, hash = $1', [rows[0]?.hash]);

      const verification = await verifyTenantChain(db, TENANT);
      expect(verification.break).toBeUndefined();
      expect(hasValidSignature(checkpoint, CHECKPOINT_KEY)).toBe(true);
      expect(await checkAgainstCheckpoint(db, verification, checkpoint)).toMatchObject({ kind: 'missing', seq: 9 });
    });

    it('rejects a checkpoint whose fields were changed after signing', async () => {
      const checkpoint = await createCheckpoint(db, TENANT, CHECKPOINT_KEY);

      expect(hasValidSignature({ ...checkpoint, seq: 3 }, CHECKPOINT_KEY)).toBe(false);
      expect(hasValidSignature(checkpoint, 'another-key-entirely-0123456789ab')).toBe(false);
    });
  });
});

describe('the embedded store', () => {
  it('refuses a second process on the same data folder instead of letting it overwrite the first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachline-pglite-'));
    const first = await openPglite(join(dir, 'pglite'));

    await expect(openPglite(join(dir, 'pglite'))).rejects.toBeInstanceOf(StoreLockedError);
    await first.close();
    const second = await openPglite(join(dir, 'pglite'));
    await second.close();
  });
});
