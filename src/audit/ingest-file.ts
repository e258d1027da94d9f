import type { Database } from '../store/database';
import { checkFileInWorker } from './check-in-worker';
import { type IngestOptions, type IngestReport, ingestChecked, ingestStream } from './ingest';
import { type InputFormat, readRecords } from './read-records';

export interface IngestFileOptions extends IngestOptions {
  format?: InputFormat;
}

/**
 * Stores an audit file. On PostgreSQL the records are read and checked on a
 * worker thread while this thread writes; PGlite writes with multi-row
 * INSERTs, which need the event objects a worker does not hand back, so there
 * the file is checked inline.
 */
export function ingestFile(db: Database, path: string, options: IngestFileOptions = {}): Promise<IngestReport> {
  const input = { path, format: options.format, tenantId: options.tenantId };
  if (db.backend === 'postgres') return ingestChecked(db, () => checkFileInWorker(input), options);

  return ingestStream(db, () => lazily(() => readRecords(path, input)), options);
}

async function* lazily(open: () => Promise<AsyncIterable<unknown[]>>): AsyncGenerator<unknown[]> {
  yield* await open();
}
