import { describe, expect, it } from 'vitest';
import { PopulationImportError } from '../../src/notification/population/import-problems';
import { readPopulationCsv } from '../../src/notification/population/read-csv';
import { readPopulationJson } from '../../src/notification/population/read-json';

const header =
  'id,name,language,email,email_consent,mobile,address_line1,city,region,postal_code,country,deceased,kin_name,kin_address_line1,kin_city,kin_region,kin_postal_code,kin_country';

function failure(run: () => unknown): PopulationImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof PopulationImportError) return error;
    throw error;
  }
  throw new Error('expected the import to be rejected');
}

describe('population import', () => {
  it('reads a CSV into individuals with nested address and next of kin', () => {
    const csv = [
      header,
      'pat-1,Ana Pérez,es,ana@example.test,yes,+16175550101,12 Elm St,Boston,MA,02115,US,no,,,,,,',
      'pat-2,山田 花子,,,,,,,,,,true,Taro Yamada,3 Oak Rd,Salem,MA,01970,US',
    ].join('\n');

    const [ana, hanako] = readPopulationCsv(csv);

    expect(ana).toMatchObject({ id: 'pat-1', language: 'es', emailConsent: true, mobile: '+16175550101' });
    expect(ana?.address).toEqual({
      lines: ['12 Elm St'],
      city: 'Boston',
      region: 'MA',
      postalCode: '02115',
      country: 'US',
    });
    expect(hanako).toMatchObject({ name: '山田 花子', language: 'en', deceased: true, emailConsent: false });
    expect(hanako?.nextOfKin?.address?.city).toBe('Salem');
  });

  it('rejects a CSV whole, naming every bad record by line and column and never by value', () => {
    const csv = [
      header,
      'pat-1,Ana,en,not-an-email,maybe,,,,,,,,,,,,,',
      'pat-2,Ben,fr,,,555-0100,,,,,,,,,,,,',
      'pat-3,Cy,en,,,,,,,,,,,,,,,',
      'pat-1,Dup,en,,,,,,,,,,,,,,,',
    ].join('\n');

    const error = failure(() => readPopulationCsv(csv, 'affected.csv'));

    expect(error.problems.map((p) => [p.row, p.field])).toEqual([
      [2, 'email'],
      [2, 'email_consent'],
      [3, 'language'],
      [3, 'mobile'],
      [5, 'id'],
    ]);
    for (const secret of ['not-an-email', 'maybe', '555-0100', 'fr', 'Ana', 'Ben']) {
      expect(error.message).not.toContain(secret);
    }
  });

  it('rejects a CSV with an unknown or missing column before reading any record', () => {
    const error = failure(() => readPopulationCsv('id,full_name\npat-1,Ana\n'));

    expect(error.problems).toEqual([
      { row: 1, field: 'full_name', problem: 'unknown column' },
      { row: 1, field: 'name', problem: 'required column is missing' },
    ]);
  });

  it('reads a JSON array and rejects a bad one whole, naming records by position and field', () => {
    const good = JSON.stringify([{ id: 'pat-1', name: 'Ana', email: 'ana@example.test', emailConsent: true }]);
    expect(readPopulationJson(good)).toEqual([
      { id: 'pat-1', name: 'Ana', language: 'en', email: 'ana@example.test', emailConsent: true, deceased: false },
    ]);

    const bad = JSON.stringify([
      { id: 'pat-1', name: 'Ana' },
      { id: 'pat 2', name: '', address: { lines: [], city: 'X', region: 'Y', postalCode: 'Z', country: 'usa' } },
      { id: 'pat-3', name: 'Cy', ssn: '987-65-4320' },
    ]);
    const error = failure(() => readPopulationJson(bad));

    expect(error.problems.map((p) => `${p.row}:${p.field}`)).toEqual([
      '2:id',
      '2:name',
      '2:address.lines',
      '2:address.country',
      '3:(record)',
    ]);
    expect(error.message).not.toContain('987-65-4320');
    expect(error.problems[4]?.problem).toBe('unknown field(s): ssn');
  });

  it('rejects JSON that is not an array of records', () => {
    expect(failure(() => readPopulationJson('{')).problems[0]?.problem).toBe('is not valid JSON');
    expect(failure(() => readPopulationJson('{}')).problems[0]?.problem).toBe('must be an array of individuals');
  });
});
