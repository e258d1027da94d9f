import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BreachFileImport, importBreachFile } from '../../src/hhs/import-breach-file';
import { runCli } from '../support/cli';

/** A small listing with one row for each way a row can fail, and two that load. */

const HEADER =
  'Name of Covered Entity,State,Covered Entity Type,Individuals Affected,Breach Submission Date,' +
  'Type of Breach,Location of Breached Information,Business Associate Present,Web Description';

const LISTING = [
  HEADER,
  '"Harbor Clinic",MA,Healthcare Provider,1200,03/05/2024,"Hacking/IT Incident, Theft","Email, Network Server",No,"Phished."',
  '"Quiet Dental",TX,Healthcare Provider,20,01/10/2024,"Theft, Ransomware at Quiet Dental",Laptop,Yes,""',
  '"Atoll Health",UM,Health Plan,30,02/01/2024,Loss,Paper/Films,No,""',
  '"Short Row",MA,Health Plan',
  '"Billing Partner",CA,Business Associate,700,04/15/2024,Unauthorized Access/Disclosure,Paper/Films,Yes,"Line one\nline two"',
  '',
].join('\n');

async function writeListing(): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'hhs-import-')), 'listing.csv');
  await writeFile(file, LISTING);

  return file;
}

describe('importing a listing with bad rows', () => {
  let file: string;
  let result: BreachFileImport;

  beforeAll(async () => {
    file = await writeListing();
    result = await importBreachFile(file);
  });

  it('refuses each bad row with its number, line and a sentence naming the column', () => {
    expect(result.refused).toEqual([
      { row: 2, line: 3, reasons: ['Type of Breach item 2 of 2 is not a type of breach the form lists'] },
      { row: 3, line: 4, reasons: ['State has no single time zone to date the discovery in'] },
      { row: 4, line: 5, reasons: ['has 3 fields where the header has 9'] },
    ]);
  });

  it('never quotes the cell it refuses', () => {
    expect(JSON.stringify(result.refused)).not.toMatch(/Ransomware|Quiet Dental/);
  });

  it('loads the good rows, a multi-line description included, and drafts a business associate filing', () => {
    expect(result.imported.map(({ record }) => [record.row, record.line])).toEqual([
      [1, 2],
      [5, 6],
    ]);
    const partner = result.imported[1];
    expect(partner?.draft.filerRole).toBe('business-associate-for-covered-entity');
    expect(partner?.obligations.map(({ id }) => id)).toContain('HIPAA/covered-entity');
  });
});

describe('breachline hhs import', () => {
  it('prints a machine summary with --json', async () => {
    const cli = runCli(['hhs', 'import', await writeListing(), '--json'], {});

    expect(await cli.exit()).toBe(0);
    expect(JSON.parse(cli.output())).toMatchObject({
      rowsRead: 5,
      loaded: 2,
      refused: 3,
      refusedByReason: [
        { reason: 'has 3 fields where the header has 9', rows: 1 },
        { reason: 'State has no single time zone to date the discovery in', rows: 1 },
        { reason: 'Type of Breach item 2 of 2 is not a type of breach the form lists', rows: 1 },
      ],
      rowsWithoutObligations: 0,
    });
  });

  it('prints the counts and each refused row for people', async () => {
    const cli = runCli(['hhs', 'import', await writeListing()], {});

    expect(await cli.exit()).toBe(0);
    expect(cli.output()).toMatch(/^ {2}rows read +5$/m);
    expect(cli.output()).toMatch(/^ {2}loaded +2$/m);
    expect(cli.output()).toContain('  row 3 (line 4): State has no single time zone to date the discovery in');
  });

  it('exits 2 with a one-line message when the file cannot be read', async () => {
    const cli = runCli(['hhs', 'import', join(tmpdir(), 'no-such-listing.csv')], {});

    expect(await cli.exit()).toBe(2);
    expect(cli.output()).toMatch(/no-such-listing\.csv: cannot be read \(ENOENT\)\n$/);
  });
});
