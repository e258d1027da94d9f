import type { RecordCheck, RecordProblem } from './validate-record';

/**
 * Checked records in the shape that crosses between threads cheaply: the
 * valid events' fields as three newline-joined strings and their COPY rows
 * end to end in one buffer, instead of thousands of small objects. Newline
 * is a safe separator: tenant ids and UUIDs cannot hold one, and JSON
 * escapes it in the canonical form.
 */
export interface PackedChecks {
  indexes: Int32Array;
  tenantIds: string;
  ids: string;
  contents: string;
  rows: Uint8Array;
  rowEnds: Int32Array;
  problems: RecordProblem[];
}

export function packChecks(checks: readonly RecordCheck[]): PackedChecks {
  const indexes: number[] = [];
  const tenantIds: string[] = [];
  const ids: string[] = [];
  const contents: string[] = [];
  const rows: Buffer[] = [];
  const rowEnds: number[] = [];
  let rowBytes = 0;
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
    rows.push(check.row);
    rowBytes += check.row.length;
    rowEnds.push(rowBytes);
  }

  return {
    indexes: Int32Array.from(indexes),
    tenantIds: tenantIds.join('\n'),
    ids: ids.join('\n'),
    contents: contents.join('\n'),
    rows: Buffer.concat(rows, rowBytes),
    rowEnds: Int32Array.from(rowEnds),
    problems,
  };
}

/** The checks again, one per record: the bad ones first (their order does not matter), then the valid events in order. */
export function unpackChecks(packed: PackedChecks): RecordCheck[] {
  const tenantIds = packed.tenantIds.split('\n');
  const ids = packed.ids.split('\n');
  const contents = packed.contents.split('\n');
  // Structured cloning hands a Buffer over as a plain Uint8Array.
  const rows = Buffer.from(packed.rows.buffer, packed.rows.byteOffset, packed.rows.byteLength);
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
      row: rows.subarray(i === 0 ? 0 : packed.rowEnds[i - 1], packed.rowEnds[i]),
    });
  });
  return checks;
}
