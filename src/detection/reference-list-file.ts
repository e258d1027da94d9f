import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { ReferenceListEntry } from './reference-lists';

/**
 * A reference-list file as a privacy office exports it from HR and chart
 * flags: CSV with a header row `list,value,effective_from,effective_until,note`
 * (the last three optional). A file is taken whole or refused whole, with
 * every bad row named by its line.
 */

const instant = z.iso.datetime({ offset: true, error: 'must be an ISO 8601 instant with an offset' });

/** A declared placeholder (terminated_accounts) or a per-record list (care_team:pat-000123). */
const listName = z
  .string({ error: 'is missing' })
  .regex(
    /^[a-z][a-z0-9_]*(:[A-Za-z0-9._-]{1,64})?$/,
    'must be a list name such as terminated_accounts or care_team:pat-1',
  );

const rowSchema = z
  .object({
    list: listName,
    value: z.string({ error: 'is missing' }).trim().min(1, 'is missing').max(200),
    effective_from: instant.optional(),
    effective_until: instant.optional(),
    note: z.string().max(500).optional(),
  })
  .strict()
  .refine(
    (row) =>
      !row.effective_from || !row.effective_until || Date.parse(row.effective_from) < Date.parse(row.effective_until),
    { path: ['effective_until'], error: 'must be after effective_from' },
  );

export interface ListFileProblem {
  line: number;
  field: string;
  problem: string;
}

export class ReferenceListFileError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly ListFileProblem[],
  ) {
    const lines = problems.map((p) => `  line ${p.line}: ${p.field} ${p.problem}`);
    super(`${source}: nothing loaded, ${problems.length} problem(s):\n${lines.join('\n')}`);
    this.name = 'ReferenceListFileError';
  }
}

export function readReferenceListCsv(content: string, tenantId: string, source: string): ReferenceListEntry[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(content, { columns: true, skip_empty_lines: true, trim: true, info: true, bom: true });
  } catch (error) {
    throw new ReferenceListFileError(source, [
      { line: 0, field: 'file', problem: error instanceof Error ? `is not CSV: ${error.message}` : 'is not CSV' },
    ]);
  }

  const problems: ListFileProblem[] = [];
  const entries: ReferenceListEntry[] = [];
  for (const { record, info } of records) {
    const present = Object.fromEntries(Object.entries(record).filter(([, cell]) => cell !== ''));
    const row = rowSchema.safeParse(present);
    if (!row.success) {
      for (const issue of row.error.issues)
        problems.push({ line: info.lines, field: issue.path.join('.') || 'row', problem: issue.message });
      continue;
    }
    const { list, value, effective_from: effectiveFrom, effective_until: effectiveUntil, note } = row.data;
    entries.push({ tenantId, listName: list, value, effectiveFrom, effectiveUntil, note });
  }
  if (problems.length > 0) throw new ReferenceListFileError(source, problems);

  return entries;
}
