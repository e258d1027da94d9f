import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputFileError, readRecords } from '../../src/audit/read-records';
import { UnreadableRecord } from '../../src/audit/unreadable-record';
import { auditEvents } from '../support/audit-events';

const LOGIN = join(__dirname, '..', 'fixtures', 'fhir-r4-auditevent', 'audit-event-example-login.json');
const dir = mkdtempSync(join(tmpdir(), 'breachline-read-'));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

async function all(chunks: AsyncIterable<unknown[]>): Promise<unknown[]> {
  const records: unknown[] = [];
  for await (const chunk of chunks) records.push(...chunk);
  return records;
}

describe('reading audit files', () => {
  it('reads a JSON array and NDJSON of platform events alike, reporting a line that is not JSON', async () => {
    const events = auditEvents(3);
    const array = await all(await readRecords(file('a.json', JSON.stringify(events))));
    const lines = await all(
      await readRecords(file('b.ndjson', `${events.map((e) => JSON.stringify(e)).join('\n')}\n{oops\n`)),
    );

    expect(array).toEqual(events);
    expect(lines.slice(0, 3)).toEqual(events);
    expect(lines[3]).toBeInstanceOf(UnreadableRecord);
  });

  it('recognises FHIR AuditEvents on their own or in an array, without being told', async () => {
    const login = readFileSync(LOGIN, 'utf8');
    const single = await all(await readRecords(LOGIN, { tenantId: 'st-elsewhere' }));
    const inArray = await all(await readRecords(file('c.json', `[${login}, ${login}]`), { tenantId: 'st-elsewhere' }));

    expect(single).toHaveLength(1);
    expect(inArray).toHaveLength(2);
    expect(inArray[0]).toMatchObject({ tenant_id: 'st-elsewhere', action: 'login' });
  });

  it('refuses a file it cannot read, and FHIR without a tenant, before anything is stored', async () => {
    await expect(readRecords(join(dir, 'missing.ndjson'))).rejects.toBeInstanceOf(InputFileError);
    await expect(all(await readRecords(LOGIN))).rejects.toBeInstanceOf(InputFileError);
  });
});
