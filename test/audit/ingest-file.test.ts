import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BatchRejectedError } from '../../src/audit/ingest';
import { ingestFile } from '../../src/audit/ingest-file';
import { verifyTenantChain } from '../../src/audit/verify-chain';
import { auditEvent, auditEvents } from '../support/audit-events';
import { storeBackends, type TestStore } from '../support/stores';

const TENANT = 'st-elsewhere';
const dir = mkdtempSync(join(tmpdir(), 'breachline-ingest-file-'));
/** Enough events (about 2.5 MB) for several of the blocks NDJSON is checked in. */
const EVENTS = 6_000;

function ndjsonFile(name: string, lines: string[], ending = '\n'): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join(ending));
  return path;
}

/** The events as NDJSON lines, with a blank line after every 1,000th. */
function linesOf(events: unknown[]): string[] {
  return events.flatMap((event, i) => (i % 1000 === 999 ? [JSON.stringify(event), ''] : [JSON.stringify(event)]));
}

describe.each(storeBackends())('ingesting a file on $name', (backend) => {
  let store: TestStore;

  beforeEach(async () => {
    store = await backend.open();
  });

  afterEach(async () => {
    await store.dispose();
  });

  it('stores every record of a large NDJSON file in order, blank lines and CRLF endings aside', async () => {
    const path = ndjsonFile('good.ndjson', linesOf(auditEvents(EVENTS)), '\r\n');

    const report = await ingestFile(store.db, path);

    expect(report.received).toBe(EVENTS);
    expect(report.tenants).toEqual([{ tenantId: TENANT, firstSeq: 1, lastSeq: EVENTS }]);
    const { rows } = await store.db.query<{ id: string }>('SELECT id::text AS id FROM audit_events ORDER BY seq');
    expect(rows.map((row) => row.id)).toEqual(auditEvents(EVENTS).map((event) => event.id));
    expect((await verifyTenantChain(store.db, TENANT)).break).toBeUndefined();
  });

  it('names bad records deep in the file by their place in it, and stores nothing', async () => {
    const records: unknown[] = auditEvents(EVENTS);
    records[4321] = { ...auditEvent(4321), outcome: 'maybe' };
    const lines = linesOf(records);
    // Blank lines do not count: record 5500 is preceded by five of them.
    lines[5500 + 5] = '{not json';
    const path = ndjsonFile('bad.ndjson', lines);

    const error = await ingestFile(store.db, path).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BatchRejectedError);
    const problems = (error as BatchRejectedError).problems.map(({ index, field }) => [index, field]);
    expect(problems).toEqual([
      [4321, 'outcome'],
      [5500, '(record)'],
    ]);
    const { rows } = await store.db.query<{ n: number }>('SELECT count(*) AS n FROM audit_events');
    expect(rows[0]?.n).toBe(0);
  });
});
