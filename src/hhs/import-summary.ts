import type { Recipient } from '../obligations';
import type { RefusedRow } from './breach-record';
import type { BreachFileImport } from './import-breach-file';

/**
 * The counts an import is judged by, for people and machines alike. Refusal
 * reasons are fixed sentences naming a field, so they group; a row with
 * several problems counts under each of them, and once in `refused`.
 */

export interface RefusalCount {
  reason: string;
  rows: number;
}

export interface ImportSummary {
  file: string;
  encoding: string;
  encodingReason: string;
  rowsRead: number;
  /** Rows with facts, obligations and an HHS report draft. */
  loaded: number;
  refused: number;
  /** Most frequent first, then alphabetical. */
  refusedByReason: RefusalCount[];
  /** Each refused row by number and line, with its reasons; never its contents. */
  refusedRows: RefusedRow[];
  /** Obligations the engine computed over all loaded rows. */
  obligations: number;
  obligationsByRecipient: Partial<Record<Recipient, number>>;
  /** Loaded rows for which the engine found no obligation at all. */
  rowsWithoutObligations: number;
}

function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);

  return counts;
}

function refusalCounts(refused: readonly RefusedRow[]): RefusalCount[] {
  const counts = countBy(
    refused.flatMap((row) => row.reasons),
    (reason) => reason,
  );

  return [...counts]
    .map(([reason, rows]) => ({ reason, rows }))
    .sort((a, b) => b.rows - a.rows || a.reason.localeCompare(b.reason));
}

export function summariseImport(result: BreachFileImport): ImportSummary {
  const obligations = result.imported.flatMap((row) => row.obligations);
  const byRecipient = countBy(obligations, (obligation) => obligation.recipient);

  return {
    file: result.file,
    encoding: result.encoding,
    encodingReason: result.encodingReason,
    rowsRead: result.rows,
    loaded: result.imported.length,
    refused: result.refused.length,
    refusedByReason: refusalCounts(result.refused),
    refusedRows: result.refused,
    obligations: obligations.length,
    obligationsByRecipient: Object.fromEntries(byRecipient),
    rowsWithoutObligations: result.imported.filter((row) => row.obligations.length === 0).length,
  };
}
