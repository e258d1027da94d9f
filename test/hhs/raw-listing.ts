import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { decodeText } from '../../src/hhs/file-encoding';

/**
 * OCR's listing files read a second way, apart from breachline's reader, and
 * what each row's cells say in the draft's vocabulary, from tables written
 * out here by hand: the import's round trip is checked against the file, not
 * against the reader's own output.
 */

export const LISTING_DIR = join(__dirname, '../fixtures/hhs-ocr-breaches');

export type RawRow = Record<string, string>;

/** Data rows in file order, keyed by column header; row N of the listing is element N - 1. */
export async function readRawRows(file: string): Promise<RawRow[]> {
  const { text } = decodeText(await readFile(file));

  return parse<RawRow>(text, { columns: true, skip_empty_lines: true, relax_column_count: true });
}

const entityTypes: Readonly<Record<string, string>> = {
  'Health Plan': 'health-plan',
  'Healthcare Clearing House': 'healthcare-clearinghouse',
  'Healthcare Provider': 'healthcare-provider',
  'Business Associate': 'business-associate',
};

const breachTypes: Readonly<Record<string, string>> = {
  'Hacking/IT Incident': 'hacking-it-incident',
  'Improper Disposal': 'improper-disposal',
  Loss: 'loss',
  Theft: 'theft',
  'Unauthorized Access/Disclosure': 'unauthorized-access-disclosure',
  Other: 'other',
  Unknown: 'unknown',
};

const locations: Readonly<Record<string, string>> = {
  'Desktop Computer': 'desktop-computer',
  'Electronic Medical Record': 'electronic-medical-record',
  Email: 'email',
  Laptop: 'laptop',
  'Network Server': 'network-server',
  'Other Portable Electronic Device': 'other-portable-electronic-device',
  'Paper/Films': 'paper-films',
  Other: 'other',
};

function cell(row: RawRow, column: string): string {
  return (row[column] ?? '').trim();
}

/** A multi-valued cell as a sorted list of values; a label missing from the table stays as itself, so it shows. */
function valuesOf(text: string, table: Readonly<Record<string, string>>): string[] {
  return text
    .split(',')
    .map((part) => table[part.trim()] ?? part.trim())
    .sort();
}

/** The round-tripped fields as the row states them. */
export function expectedFromRow(row: RawRow) {
  return {
    entityType: entityTypes[cell(row, 'Covered Entity Type')] ?? cell(row, 'Covered Entity Type'),
    state: `US-${cell(row, 'State')}`,
    individualsAffected: Number(cell(row, 'Individuals Affected')),
    breachTypes: valuesOf(cell(row, 'Type of Breach'), breachTypes),
    locations: valuesOf(cell(row, 'Location of Breached Information'), locations),
    businessAssociatePresent: cell(row, 'Business Associate Present') === 'Yes',
  };
}
