import type { Database } from '../store/database';
import { checkNdjsonInWorkers } from './check-blocks-in-workers';
import { checkFileInWorker } from './check-in-worker';
import { type IngestOptions, type IngestReport, ingestChecked, ingestStream } from './ingest';
import { FileLayout, fileLayout, type InputFormat, readRecords } from './read-records';

export interface IngestFileOptions extends IngestOptions {
  format?: InputFormat;
}

/**
 * Stores an audit file. On PostgreSQL the records are read and checked on
 * worker threads while this thread writes: NDJSON, which splits at any line,
 * on two, in blocks; a JSON array or FHIR file on one. PGlite writes with
 * multi-row INSERTs, which need the event objects a worker does not hand
 * back, so there the file is checked inline.
 */
export async function ingestFile(db: Database, path: string, options: IngestFileOptions = {}): Promise<IngestReport> {
  const input = { path, format: options.format, tenantId: options.tenantId };
  if (db.backend !== 'postgres') return ingestStream(db, () => lazily(() => readRecords(path, input)), options);

  const layout = await fileLayout(path, options.format);
  const checked =
    layout === FileLayout.ndjson ? () => checkNdjsonInWorkers(path, options.tenantId) : () => checkFileInWorker(input);
  return ingestChecked(db, checked, options);
}

async function* lazily(open: () => Promise<AsyncIterable<unknown[]>>): AsyncGenerator<unknown[]> {
  yield* await open();
}
