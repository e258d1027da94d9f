import type { RecordCheck, RecordProblem } from './validate-record';

/**
 * Checked records in the shape that crosses between threads cheaply: the
 * valid events' fields as four newline-joined strings instead of thousands of
 * small objects. Newline is a safe separator: tenant ids and UUIDs cannot hold
 * one, JSON escapes it in the canonical form, and COPY text escapes it in rows.
 */
export interface PackedChecks {
  indexes: Int32Array;
  tenantIds: string;
  ids: string;
  contents: string;
  copyRows: string;
  problems: RecordProblem[];
}

export function packChecks(checks: readonly RecordCheck[]): PackedChecks {
  const indexes: number[] = [];
  const tenantIds: string[] = [];
  const ids: string[] = [];
  const contents: string[] = [];
  const copyRows: string[] = [];
  const problems: RecordProblem[] = [];
  for (const check of checks) {
    if (!check.ok) {
      problems.push(...check.problems);
      continue;
    }
    indexes.push(check.index);
    tenantIds.push(check.tenantId);
    ids.push(check.id);
    contents.push(check.content);
    copyRows.push(check.copyRow);
  }

  return {
    indexes: Int32Array.from(indexes),
    tenantIds: tenantIds.join('\n'),
    ids: ids.join('\n'),
    contents: contents.join('\n'),
    copyRows: copyRows.join('\n'),
    problems,
  };
}

/** The checks again, one per record: the bad ones first (their order does not matter), then the valid events in order. */
export function unpackChecks(packed: PackedChecks): RecordCheck[] {
  const tenantIds = packed.tenantIds.split('\n');
  const ids = packed.ids.split('\n');
  const contents = packed.contents.split('\n');
  const copyRows = packed.copyRows.split('\n');
  const byRecord = new Map<number, RecordProblem[]>();
  for (const problem of packed.problems) byRecord.set(problem.index, [...(byRecord.get(problem.index) ?? []), problem]);
  const checks: RecordCheck[] = [...byRecord.values()].map((problems) => ({ ok: false, problems }));

  packed.indexes.forEach((index, i) => {
    checks.push({
      ok: true,
      index,
      tenantId: tenantIds[i] ?? '',
      id: ids[i] ?? '',
      content: contents[i] ?? '',
      copyRow: copyRows[i] ?? '',
    });
  });
  return checks;
}
