import { DraftInputError } from '../drafts/draft-marking';
import { hhsBreachReportDraft } from '../drafts/hhs-breach-report';
import type { HhsBreachReportDraft } from '../drafts/hhs-report-draft';
import { computeObligations, type IncidentFacts, type Obligation } from '../obligations';
import type { HhsBreachRecord, RefusedRow } from './breach-record';
import { readBreachFile, type ReadBreachFileOptions } from './read-breach-file';
import { incidentFromRecord } from './record-incident';

/**
 * Takes every row of an OCR breach listing through what a real incident goes
 * through: facts derived from the row, the obligations the engine computes
 * from them, and the HHS report draft. A row is imported only when all three
 * succeed; otherwise it is refused with its position and fixed sentences
 * naming the field, so `imported + refused` is every row of the file.
 */

export interface ImportedRow {
  record: HhsBreachRecord;
  facts: IncidentFacts;
  obligations: Obligation[];
  draft: HhsBreachReportDraft;
}

export interface BreachFileImport {
  file: string;
  encoding: string;
  encodingReason: string;
  /** Data rows in the file (the header not counted): `imported.length + refused.length`. */
  rows: number;
  imported: ImportedRow[];
  /** Refused while reading or while importing, in file order. */
  refused: RefusedRow[];
}

export interface ImportBreachFileOptions extends ReadBreachFileOptions {
  /** Called after each row is imported, with the rows done so far (refused while reading included) and in all. */
  onRow?: (done: number, rows: number) => void;
}

/** One listed breach as an imported row, or refused when its facts, obligations or draft cannot be made. */
export function importRecord(record: HhsBreachRecord): ImportedRow | RefusedRow {
  const position = { row: record.row, line: record.line };
  const incident = incidentFromRecord(record);
  if ('reasons' in incident) return { ...position, reasons: incident.reasons };

  const { facts, profile } = incident;
  const { obligations } = computeObligations(facts);
  try {
    return { record, facts, obligations, draft: hhsBreachReportDraft({ facts, profile }) };
  } catch (error) {
    if (!(error instanceof DraftInputError)) throw error;
    return { ...position, reasons: [`HHS report draft: ${error.problem}`] };
  }
}

export async function importBreachFile(file: string, options: ImportBreachFileOptions = {}): Promise<BreachFileImport> {
  const reading = await readBreachFile(file, options);

  const imported: ImportedRow[] = [];
  const refused = [...reading.refused];
  for (const [index, record] of reading.loaded.entries()) {
    const outcome = importRecord(record);
    if ('draft' in outcome) imported.push(outcome);
    else refused.push(outcome);
    options.onRow?.(reading.refused.length + index + 1, reading.rows);
  }
  refused.sort((a, b) => a.row - b.row);

  const { encoding, encodingReason, rows } = reading;
  return { file, encoding, encodingReason, rows, imported, refused };
}
