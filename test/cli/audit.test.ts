import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openPglite } from '../../src/store/database';
import { auditEvent, auditEvents } from '../support/audit-events';
import { runCli } from '../support/cli';

const HL7_LOGIN = join(__dirname, '..', 'fixtures', 'fhir-r4-auditevent', 'audit-event-example-login.json');

function ndjson(dir: string, name: string, records: unknown[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.map((record) => JSON.stringify(record)).join('\n') + '\n');
  return path;
}

describe('breachline ingest and audit', () => {
  it('ingests files atomically, verifies the chain, and names the event a tamperer changed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachline-audit-cli-'));
    // An empty DATABASE_URL counts as unset: these runs use PGlite in the data folder, even in CI.
    const env = { BREACHLINE_MODE: 'development', BREACHLINE_DATA_DIR: dir, DATABASE_URL: '' };
    const run = async (...args: string[]) => {
      const cli = runCli(args, env);
      return { code: await cli.exit(), output: cli.output() };
    };

    const bad: unknown[] = auditEvents(5);
    bad[2] = { ...auditEvent(2), outcome: 'maybe' };
    const refused = await run('ingest', ndjson(dir, 'bad.ndjson', bad));
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('record 2, outcome:');

    const stored = await run('ingest', ndjson(dir, 'good.ndjson', auditEvents(40)));
    expect(stored.code).toBe(0);
    expect(stored.output).toMatch(/40 stored, 0 duplicates of 40 records/);

    const noTenant = await run('ingest', HL7_LOGIN);
    expect(noTenant.code).toBe(2);
    expect(noTenant.output).toContain('--tenant');
    const fhir = await run('ingest', HL7_LOGIN, '--tenant', 'st-elsewhere');
    expect(fhir.output).toMatch(/1 stored/);

    expect((await run('audit', 'checkpoint', '--out', join(dir, 'checkpoint.json'))).code).toBe(0);
    const clean = await run('audit', 'verify', '--checkpoint', join(dir, 'checkpoint.json'));
    expect(clean.code).toBe(0);
    expect(clean.output).toContain('st-elsewhere: ok, 41 events, head seq 41');

    const db = await openPglite(join(dir, 'pglite'));
    await db.transaction(async (tx) => {
      await tx.query('SET LOCAL session_replication_role = replica');
      await tx.query("UPDATE audit_events SET patient_id = 'pat-9' WHERE seq = 17");
    });
    await db.close();

    const unknownTenant = await run('audit', 'verify', '--tenant', 'st-elswhere');
    expect(unknownTenant.code).toBe(1);
    expect(unknownTenant.output).toContain('no audit events are stored for this tenant');

    const broken = await run('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.output).toMatch(/BROKEN \(edited\) at seq 17 id [0-9a-f-]{36}/);
  });
});
