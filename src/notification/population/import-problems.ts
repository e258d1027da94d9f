import type { z } from 'zod';

/** One bad field of one record: where it is and what rule it breaks, never its value. */
export interface RecordProblem {
  /** The record's line in a CSV file (the header is line 1), or its 1-based position in a JSON array. */
  row: number;
  field: string;
  problem: string;
}

/** Thrown when a population file has any bad record; nothing of the file is imported. */
export class PopulationImportError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly RecordProblem[],
  ) {
    const listed = problems.slice(0, 50).map((p) => `  - row ${p.row}, ${p.field}: ${p.problem}`);
    const more = problems.length > 50 ? [`  ... and ${problems.length - 50} more`] : [];
    super(`${source}: ${problems.length} problem(s); nothing was imported:\n${[...listed, ...more].join('\n')}`);
    this.name = 'PopulationImportError';
  }
}

/**
 * Zod's messages name the rule ("Invalid email address"), not the value;
 * this keeps it that way for the few codes that could echo input.
 */
export function toRecordProblems(row: number, error: z.ZodError, fieldName = (path: PropertyKey[]) => path.join('.')) {
  return error.issues.map((issue): RecordProblem => {
    if (issue.code === 'unrecognized_keys') {
      return { row, field: fieldName(issue.path) || '(record)', problem: `unknown field(s): ${issue.keys.join(', ')}` };
    }
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('undefined');
    return { row, field: fieldName(issue.path) || '(record)', problem: missing ? 'required' : issue.message };
  });
}
