import type { Database } from '../store/database';
import { canonicalInstant } from './canonical';
import { ChainWriter, StoredIdsFound, WriteMode } from './chain-writer';
import type { PreparedEvent } from './stored-event';
import { checkRecord, type RecordCheck, type RecordProblem } from './validate-record';

/**
 * Stores a batch of audit events atomically: every record is validated and
 * either all of them are appended to their tenants' hash chains in one
 * transaction, or none is and the error names every bad record. Records
 * stream through in chunks, so a file of millions never sits in memory; after
 * the first problem nothing more is written, but validation goes on to the
 * end so that one run reports everything wrong with the batch.
 */

export interface IngestOptions {
  /** When set, every record must belong to this tenant. */
  tenantId?: string;
  /** Records written per statement. */
  chunkSize?: number;
  /** Problems listed in the error; the rest are only counted. */
  maxProblems?: number;
  /** Called after each chunk with the number of records read so far. */
  onProgress?: (recordsRead: number) => void;
}

export interface IngestReport {
  received: number;
  stored: number;
  /** Records whose id was already stored with identical content: not stored again, not an error. */
  duplicates: number;
  tenants: { tenantId: string; firstSeq: number; lastSeq: number }[];
}

/** Thrown when a batch is refused; nothing of it was stored. */
export class BatchRejectedError extends Error {
  constructor(
    readonly problems: readonly RecordProblem[],
    readonly problemCount: number,
    readonly received: number,
  ) {
    const listed = problems.map((p) => `  - record ${p.index}, ${p.field}: ${p.problem}`).join('\n');
    const more = problemCount > problems.length ? `\n  ... and ${problemCount - problems.length} more` : '';
    super(
      `Batch of ${received} records rejected, nothing stored (records numbered from 0 in file order):\n${listed}${more}`,
    );
    this.name = 'BatchRejectedError';
  }
}

const DEFAULT_CHUNK_SIZE = 5_000;
const DEFAULT_MAX_PROBLEMS = 1_000;

/** Records arrive in chunks: handing them over one at a time would cost more than checking them. */
export type RecordChunks = AsyncIterable<readonly unknown[]> | Iterable<readonly unknown[]>;

/** Records already checked, in order, each chunk an array of checks (see check-in-worker.ts). */
export type CheckedChunks = AsyncIterable<readonly RecordCheck[]> | Iterable<readonly RecordCheck[]>;

/** Reads the batch from its start; called a second time when the optimistic pass has to start over. */
export type BatchSource<Chunks> = () => Chunks;

/** Stores one in-memory batch. */
export function ingest(db: Database, records: readonly unknown[], options: IngestOptions = {}): Promise<IngestReport> {
  return ingestStream(db, () => [records], options);
}

/** Stores records as they stream in; see the top of this file. */
export function ingestStream(
  db: Database,
  source: BatchSource<RecordChunks>,
  options: IngestOptions = {},
): Promise<IngestReport> {
  return ingestChecked(db, () => checkChunks(source(), options.tenantId), options);
}

async function* checkChunks(records: RecordChunks, tenantId: string | undefined): AsyncGenerator<RecordCheck[]> {
  let index = 0;
  for await (const chunk of records) yield chunk.map((raw) => checkRecord(raw, index++, tenantId));
}

/**
 * Stores checked records. On PostgreSQL it first writes without looking up
 * stored ids (see ChainWriter); if one turns up, that transaction is rolled
 * back and the batch is read and written again, carefully.
 */
export async function ingestChecked(
  db: Database,
  source: BatchSource<CheckedChunks>,
  options: IngestOptions = {},
): Promise<IngestReport> {
  if (db.backend === 'postgres') {
    try {
      return await attempt(db, source(), options, WriteMode.optimistic);
    } catch (error) {
      if (!(error instanceof StoredIdsFound)) throw error;
    }
  }
  return attempt(db, source(), options, WriteMode.careful);
}

function attempt(db: Database, records: CheckedChunks, options: IngestOptions, mode: WriteMode): Promise<IngestReport> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const maxProblems = options.maxProblems ?? DEFAULT_MAX_PROBLEMS;
  const receivedAt = canonicalInstant(new Date().toISOString());

  return db.transaction(async (tx) => {
    const writer = new ChainWriter(tx, receivedAt, mode);
    try {
      return await writeAll(writer, records, options, chunkSize, maxProblems);
    } finally {
      await writer.settle();
    }
  });
}

async function writeAll(
  writer: ChainWriter,
  records: CheckedChunks,
  options: IngestOptions,
  chunkSize: number,
  maxProblems: number,
): Promise<IngestReport> {
  const problems: RecordProblem[] = [];
  let problemCount = 0;
  let chunk: PreparedEvent[] = [];
  let index = 0;

  const note = (found: RecordProblem[]): void => {
    problemCount += found.length;
    problems.push(...found.slice(0, Math.max(0, maxProblems - problems.length)));
  };
  const flush = async (): Promise<void> => {
    if (problemCount === 0 && chunk.length > 0) note(await writer.write(chunk));
    chunk = [];
    options.onProgress?.(index);
  };

  for await (const incoming of records) {
    for (const checked of incoming) {
      if (!checked.ok) note(checked.problems);
      else if (problemCount === 0) chunk.push(checked);
      index += 1;
      if (chunk.length >= chunkSize || (problemCount > 0 && index % chunkSize === 0)) await flush();
    }
  }
  await flush();
  if (problemCount === 0) await writer.land();

  if (problemCount > 0) throw new BatchRejectedError(problems, problemCount, index);
  const tenants = await writer.finish();

  return { received: index, stored: writer.stored, duplicates: writer.duplicates, tenants };
}
