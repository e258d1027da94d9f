import { readFile } from 'node:fs/promises';
import { CsvError, type InfoRecord, parse } from 'csv-parse/sync';
import { checkBreachRow, type HhsBreachRecord, HhsColumn, type HhsField, type RefusedRow } from './breach-record';
import { decodeText, UnknownEncodingError } from './file-encoding';

/**
 * Reads a CSV export of OCR's breach listing and accounts for every row:
 * each is loaded or refused with its line and reasons. Cells may span lines
 * (the archive's descriptions hold line feeds and bare carriage returns), so
 * a row's line is where it starts. Blank lines are not rows. The file is read
 * whole: OCR's exports are a few megabytes.
 */

/** Thrown when a file cannot be read as a breach listing at all: unreadable, misquoted, or missing columns. */
export class HhsFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HhsFileError';
  }
}

export interface BreachFileReading {
  encoding: string;
  encodingReason: string;
  /** Data rows in the file (the header not counted): `loaded.length + refused.length`. */
  rows: number;
  loaded: HhsBreachRecord[];
  refused: RefusedRow[];
}

interface CsvRow {
  cells: string[];
  line: number;
}

/**
 * csv-parse reports, after each record, how many bytes it has consumed, its
 * record delimiter included; a record starts where the one before ended, past
 * any blank lines. Lines are counted in the UTF-8 text handed to it.
 */
function parseRows(text: string): CsvRow[] {
  const bytes = Buffer.from(text, 'utf8');
  // With `info: true` csv-parse yields { record, info } pairs; its sync typings only know plain rows.
  const parsed = parse(bytes, { info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as {
    record: string[];
    info: InfoRecord;
  }[];

  const rows: CsvRow[] = [];
  let offset = 0;
  let line = 1;
  for (const { record, info } of parsed) {
    while (bytes[offset] === 0x0a || bytes[offset] === 0x0d) line += bytes[offset++] === 0x0a ? 1 : 0;
    rows.push({ cells: record, line });
    for (; offset < info.bytes; offset++) if (bytes[offset] === 0x0a) line++;
  }

  return rows;
}

function columnIndexes(header: string[], file: string): Record<HhsField, number> {
  const names = header.map((name) => name.trim());
  const entries = Object.entries(HhsColumn).map(([field, column]) => [field, names.indexOf(column)] as const);
  const missing = entries.filter(([, index]) => index < 0).map(([field]) => HhsColumn[field as HhsField]);
  if (missing.length > 0) {
    throw new HhsFileError(`${file}: not an OCR breach listing; missing column(s): ${missing.join(', ')}`);
  }

  return Object.fromEntries(entries) as Record<HhsField, number>;
}

function cellsByField(cells: string[], indexes: Record<HhsField, number>): Record<HhsField, string> {
  const entries = Object.entries(indexes).map(([field, index]) => [field, cells[index] ?? '']);
  return Object.fromEntries(entries) as Record<HhsField, string>;
}

async function readBytes(file: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new HhsFileError(`${file}: cannot be read (${code})`);
  }
}

function decode(bytes: Buffer, file: string, encoding: string | undefined) {
  try {
    return decodeText(bytes, encoding);
  } catch (error) {
    if (error instanceof UnknownEncodingError) throw new HhsFileError(`${file}: ${error.message}`);
    throw error;
  }
}

/** A quoting error makes every row after it unreliable, so the whole file is refused, naming where. */
function rowsOf(text: string, file: string): CsvRow[] {
  try {
    return parseRows(text);
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = (error as CsvError & { lines?: number }).lines;
    throw new HhsFileError(`${file}: line ${line ?? '?'}: not readable as CSV (${error.code})`);
  }
}

export interface ReadBreachFileOptions {
  /** The file's character encoding; detected when absent (see `file-encoding.ts`). */
  encoding?: string;
}

export async function readBreachFile(file: string, options: ReadBreachFileOptions = {}): Promise<BreachFileReading> {
  const decoded = decode(await readBytes(file), file, options.encoding);
  const [header, ...rows] = rowsOf(decoded.text, file);
  if (header === undefined) throw new HhsFileError(`${file}: is empty`);
  const indexes = columnIndexes(header.cells, file);

  const loaded: HhsBreachRecord[] = [];
  const refused: RefusedRow[] = [];
  for (const [index, { cells, line }] of rows.entries()) {
    const position = { row: index + 1, line };
    if (cells.length !== header.cells.length) {
      const reason = `has ${cells.length} fields where the header has ${header.cells.length}`;
      refused.push({ ...position, reasons: [reason] });
      continue;
    }
    const outcome = checkBreachRow(cellsByField(cells, indexes), position);
    if ('record' in outcome) loaded.push(outcome.record);
    else refused.push(outcome.refused);
  }

  return { encoding: decoded.encoding, encodingReason: decoded.reason, rows: rows.length, loaded, refused };
}
