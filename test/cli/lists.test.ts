import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReferenceListCsv, ReferenceListFileError } from '../../src/detection/reference-list-file';
import { openPglite } from '../../src/store/database';
import { runCli } from '../support/cli';

const EXAMPLE = join(__dirname, '..', '..', 'examples', 'reference-lists.csv');

describe('reference list files', () => {
  it('reads the example, with dates and notes where given', () => {
    const entries = readReferenceListCsv(
      'list,value,effective_from,effective_until,note\nterminated_accounts,stf-0031,2026-11-02T17:00:00-06:00,,left\n',
      'st-elsewhere',
      'lists.csv',
    );

    expect(entries).toEqual([
      {
        tenantId: 'st-elsewhere',
        listName: 'terminated_accounts',
        value: 'stf-0031',
        effectiveFrom: '2026-11-02T17:00:00-06:00',
        effectiveUntil: undefined,
        note: 'left',
      },
    ]);
  });

  it('refuses a file with bad rows whole, naming each by line and field', () => {
    const csv = [
      'list,value,effective_from,effective_until',
      'terminated_accounts,stf-1,2026-11-02T17:00:00,',
      'Bad List,stf-2,,',
      'vip_patients,pat-1,2026-12-02T00:00:00Z,2026-11-02T00:00:00Z',
      'vip_patients,,,',
    ].join('\n');

    let error: unknown;
    try {
      readReferenceListCsv(csv, 'st-elsewhere', 'lists.csv');
    } catch (thrown) {
      error = thrown;
    }

    expect(error).toBeInstanceOf(ReferenceListFileError);
    expect((error as ReferenceListFileError).problems.map(({ line, field }) => [line, field])).toEqual([
      [2, 'effective_from'],
      [3, 'list'],
      [4, 'effective_until'],
      [5, 'value'],
    ]);
  });
});

describe('breachline lists load', () => {
  it('adds every entry once, even when the file is loaded again, and refuses a bad file with exit 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'breachline-lists-'));
    const env = { BREACHLINE_MODE: 'development', BREACHLINE_DATA_DIR: dir, DATABASE_URL: '' };
    const run = async (...args: string[]) => {
      const cli = runCli(args, env);
      return { code: await cli.exit(), output: cli.output() };
    };

    const first = await run('lists', 'load', EXAMPLE, '--tenant', 'st-elsewhere');
    expect(first).toMatchObject({ code: 0 });
    expect(first.output).toContain('6 entries added to 5 list(s) of tenant st-elsewhere; 0 already there');
    const again = await run('lists', 'load', EXAMPLE, '--tenant', 'st-elsewhere');
    expect(again.output).toContain('0 entries added');

    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'list,value\nterminated_accounts,\n');
    const refused = await run('lists', 'load', bad, '--tenant', 'st-elsewhere');
    expect(refused.code).toBe(2);
    expect(refused.output).toContain('line 2: value is missing');
    expect(refused.output).not.toMatch(/\n\s+at /);

    const db = await openPglite(join(dir, 'pglite'));
    try {
      const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM reference_lists');
      expect(rows[0]?.n).toBe(6);
    } finally {
      await db.close();
    }
  });
});
