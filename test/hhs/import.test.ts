import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DRAFT_STATUS } from '../../src/drafts/draft-marking';
import { HhsColumn } from '../../src/hhs/breach-record';
import { type BreachFileImport, importBreachFile } from '../../src/hhs/import-breach-file';
import { summariseImport } from '../../src/hhs/import-summary';
import { expectedFromRow, LISTING_DIR, type RawRow, readRawRows } from './raw-listing';

/**
 * Both of OCR's real listing files, imported whole: every row accounted for,
 * the counts measured on them (2025 exports), obligations for every loaded
 * row, and the HHS draft carrying what its row says.
 */

interface Measured {
  file: string;
  rows: number;
  loaded: number;
  refusedByReason: { reason: string; rows: number }[];
}

const measured: Measured[] = [
  {
    file: 'archive.csv',
    rows: 5590,
    loaded: 5570,
    refusedByReason: [
      { reason: 'State is empty', rows: 13 },
      { reason: 'Covered Entity Type is empty', rows: 5 },
      { reason: 'Individuals Affected is empty', rows: 1 },
      { reason: 'Type of Breach is empty', rows: 1 },
    ],
  },
  {
    file: 'under-investigation.csv',
    rows: 745,
    loaded: 743,
    refusedByReason: [{ reason: 'State is empty', rows: 2 }],
  },
];

describe.each(measured)('importing $file', (expected) => {
  let result: BreachFileImport;
  let raw: RawRow[];

  beforeAll(async () => {
    const path = join(LISTING_DIR, expected.file);
    [result, raw] = await Promise.all([importBreachFile(path), readRawRows(path)]);
  });

  it('reads as many rows as the file holds, by a second reading', () => {
    expect(result.rows).toBe(raw.length);
    expect(result.rows).toBe(expected.rows);
  });

  it('accounts for every row exactly once, loaded or refused', () => {
    const numbers = [...result.imported.map(({ record }) => record.row), ...result.refused.map(({ row }) => row)];

    expect(result.imported.length + result.refused.length).toBe(result.rows);
    expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: result.rows }, (_, index) => index + 1));
  });

  it('loads and refuses the numbers measured on the real file, for the reasons measured', () => {
    const summary = summariseImport(result);

    expect(summary.loaded).toBe(expected.loaded);
    expect(summary.refused).toBe(expected.rows - expected.loaded);
    expect(summary.refusedByReason).toEqual(expected.refusedByReason);
  });

  it('refuses a row only where the file really leaves that column empty', () => {
    const columns = Object.values(HhsColumn) as string[];
    const wrong = result.refused.filter(({ row, reasons }) =>
      reasons.some((reason) => {
        const column = columns.find((name) => reason === `${name} is empty`);
        return column === undefined || (raw[row - 1]?.[column] ?? '').trim() !== '';
      }),
    );

    expect(wrong).toEqual([]);
  });

  it("names refused rows by number and column, never quoting the entity's name or the description", () => {
    const quoting = result.refused.filter(({ row, reasons }) => {
      const cells = [HhsColumn.entityName, HhsColumn.description].map((column) => raw[row - 1]?.[column]?.trim());
      const texts = cells.filter((text): text is string => text !== undefined && text !== '');
      return reasons.some((reason) => texts.some((text) => reason.includes(text)));
    });

    expect(quoting).toEqual([]);
  });

  it('computes at least one obligation for every loaded row', () => {
    const without = result.imported
      .filter(({ obligations }) => obligations.length === 0)
      .map(({ record }) => record.row);

    expect(without).toEqual([]);
  });

  it('owes HHS a report for every covered entity row, and the covered entity notice for every business associate row', () => {
    const missing = result.imported.filter(({ facts, obligations }) => {
      const ids = obligations.map(({ id }) => id);
      return facts.entityRole === 'business-associate'
        ? !ids.includes('HIPAA/covered-entity')
        : !ids.includes('HIPAA/hhs') && !ids.includes('HIPAA/hhs-annual-log');
    });

    expect(missing.map(({ record }) => record.row)).toEqual([]);
  });

  it("builds for every loaded row a draft that carries the row's entity type, state, count, breach types, locations and business-associate flag", () => {
    const mismatched = result.imported.flatMap(({ record, draft }) => {
      const actual = {
        entityType: draft.coveredEntity.type,
        state: draft.coveredEntity.state,
        individualsAffected: draft.breach.individualsAffected,
        breachTypes: [...draft.breach.types].sort(),
        locations: [...draft.breach.locations].sort(),
        businessAssociatePresent: draft.businessAssociatePresent,
      };
      const wanted = expectedFromRow(raw[record.row - 1] ?? {});
      return JSON.stringify(actual) === JSON.stringify(wanted) ? [] : [{ row: record.row, actual, wanted }];
    });

    expect(mismatched).toEqual([]);
    expect(new Set(result.imported.map(({ draft }) => draft.status))).toEqual(new Set([DRAFT_STATUS]));
  });
});
