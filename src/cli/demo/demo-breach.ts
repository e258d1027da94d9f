import { join } from 'node:path';
import { importBreachFile, type ImportedRow } from '../../hhs/import-breach-file';

/**
 * The breach the demo's privacy officer reports is a real one: a row of the
 * HHS OCR breach portal's listing (examples/hhs-ocr-report.csv, copied
 * unchanged from the published file), an unauthorised access to an
 * electronic medical record in Texas. Its facts are what `breachline hhs
 * import` derives from the row, so the notices owed, their dates and the
 * HHS report draft are the ones that breach carried. Its discovery lies in
 * the past, so its clocks have already run out and legal is reminded at once.
 */

export const DEMO_HHS_REPORT = join(__dirname, '..', '..', '..', 'examples', 'hhs-ocr-report.csv');

export class DemoInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DemoInputError';
  }
}

export async function reportedBreach(file = DEMO_HHS_REPORT): Promise<ImportedRow> {
  const reading = await importBreachFile(file);
  const [row] = reading.imported;
  if (!row) {
    const reasons = reading.refused.flatMap((refusal) => refusal.reasons).join('; ');
    throw new DemoInputError(`${file} holds no breach report the demo can use: ${reasons || 'it has no rows'}`);
  }

  return row;
}

/** One line about the report, without the entity's name: the demo prints what the breach was, not whose. */
export function describeReport(row: ImportedRow): string {
  const { record } = row;
  const types = record.breachTypes.join(', ');
  const locations = record.locations.join(', ');
  const people = record.individualsAffected.toLocaleString('en-US');

  return `${record.entityType} in ${record.state}, ${people} individuals, ${types} (${locations}), reported ${record.submittedOn}`;
}
