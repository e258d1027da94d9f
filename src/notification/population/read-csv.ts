import { parse } from 'csv-parse/sync';
import { type RecordProblem, PopulationImportError, toRecordProblems } from './import-problems';
import { type Individual, individualSchema } from './individual';

/**
 * A population CSV: one individual a row, with a header row naming these
 * columns (any order; blank cells are absent values). Nested contact details
 * are flattened into `address_*` and `kin_*` columns.
 */
const COLUMNS = {
  id: 'id',
  name: 'name',
  language: 'language',
  email: 'email',
  email_consent: 'emailConsent',
  mobile: 'mobile',
  address_line1: 'address.lines.0',
  address_line2: 'address.lines.1',
  city: 'address.city',
  region: 'address.region',
  postal_code: 'address.postalCode',
  country: 'address.country',
  deceased: 'deceased',
  kin_name: 'nextOfKin.name',
  kin_email: 'nextOfKin.email',
  kin_address_line1: 'nextOfKin.address.lines.0',
  kin_address_line2: 'nextOfKin.address.lines.1',
  kin_city: 'nextOfKin.address.city',
  kin_region: 'nextOfKin.address.region',
  kin_postal_code: 'nextOfKin.address.postalCode',
  kin_country: 'nextOfKin.address.country',
} as const satisfies Record<string, string>;

const BOOLEAN_COLUMNS = new Set(['email_consent', 'deceased']);
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

const columnByPath = new Map<string, string>(Object.entries(COLUMNS).map(([column, path]) => [path, column]));

function cellValue(column: string, cell: string): unknown {
  if (!BOOLEAN_COLUMNS.has(column)) return cell;
  const word = cell.toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  return FALSE_WORDS.has(word) ? false : cell;
}

function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> | unknown[] = target;
  keys.forEach((key, index) => {
    const last = index === keys.length - 1;
    const slot = node as Record<string, unknown>;
    if (last) slot[key] = value;
    else node = (slot[key] ??= /^\d+$/.test(keys[index + 1] ?? '') ? [] : {}) as Record<string, unknown>;
  });
}

function toRecord(row: Record<string, string>): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [column, cell] of Object.entries(row)) {
    const path = (COLUMNS as Record<string, string>)[column];
    if (path !== undefined && cell.trim() !== '') setPath(record, path, cellValue(column, cell.trim()));
  }
  return record;
}

function fieldName(path: PropertyKey[]): string {
  const dotted = path.join('.');
  return columnByPath.get(dotted) ?? dotted;
}

function checkHeader(header: string[], source: string): void {
  const unknown = header.filter((column) => !(column in COLUMNS));
  const missing = ['id', 'name'].filter((column) => !header.includes(column));
  const problems = [
    ...unknown.map((column): RecordProblem => ({ row: 1, field: column, problem: 'unknown column' })),
    ...missing.map((column): RecordProblem => ({ row: 1, field: column, problem: 'required column is missing' })),
  ];
  if (problems.length) throw new PopulationImportError(source, problems);
}

interface CsvRow {
  record: Record<string, string>;
  info: { lines: number };
}

/** Every record of the file, or a PopulationImportError naming every bad one by line and column. */
export function readPopulationCsv(content: string, source = 'population CSV'): Individual[] {
  const columns = (header: string[]) => {
    checkHeader(header, source);
    return header;
  };
  const rows: CsvRow[] = parse(content, { bom: true, columns, skip_empty_lines: true, info: true });

  const individuals: Individual[] = [];
  const problems: RecordProblem[] = [];
  for (const { record, info } of rows) {
    const parsed = individualSchema.safeParse(toRecord(record));
    if (parsed.success) individuals.push(parsed.data);
    else problems.push(...toRecordProblems(info.lines, parsed.error, fieldName));
  }
  problems.push(...duplicateIds(rows.map((row): [number, unknown] => [row.info.lines, row.record.id])));
  if (problems.length) throw new PopulationImportError(source, problems);

  return individuals;
}

/** Each record whose id an earlier record already has, given every record as [row, id]. */
export function duplicateIds(records: [row: number, id: unknown][]): RecordProblem[] {
  const seen = new Set<unknown>();
  return records.flatMap(([row, id]) => {
    if (id === undefined || !seen.has(id)) {
      seen.add(id);
      return [];
    }
    return [{ row, field: 'id', problem: 'appears more than once in the file' }];
  });
}
