import { on } from 'node:events';
import { Worker } from 'node:worker_threads';
import { modulePath } from '../temporal/module-path';
import type { CheckWorkerInput, CheckWorkerMessage } from './check-worker';
import { BatchRejectedError } from './ingest';
import { unpackChecks } from './packed-checks';
import { InputFileError } from './read-records';
import type { RecordCheck } from './validate-record';

const WORKER_MODULE = modulePath(__dirname, 'check-worker');
/**
 * Chunks the worker may check ahead of the writer. Enough to keep it busy
 * while the writer waits on the database; few enough (about 10,000 records)
 * to keep memory flat.
 */
const CHUNKS_AHEAD = 10;
/** Checking allocates many short-lived strings; a large young generation cut a checking thread's time by a fifth. */
export const CHECK_WORKER_LIMITS = { maxYoungGenerationSizeMb: 384 };

/**
 * Reads and checks an audit file on a second thread while the calling thread
 * chains and writes: parsing and validation cost about as much as everything
 * else together, so a bulk load runs nearly twice as fast. Yields the same
 * checked chunks, in the same order, as checking inline would.
 */
export async function* checkFileInWorker(input: CheckWorkerInput): AsyncGenerator<RecordCheck[]> {
  // tsx's hook makes the TypeScript module loadable in the new thread; with compiled .js it is harmless.
  const source = `require('tsx/cjs'); require(${JSON.stringify(WORKER_MODULE)});`;
  const worker = new Worker(source, {
    eval: true,
    workerData: input,
    resourceLimits: CHECK_WORKER_LIMITS,
  });
  // Yields each message; throws the worker's error if it fails. (Racing every message against one
  // long-lived failure promise would add a reaction to it per chunk, each holding its chunk until the end.)
  const messages = on(worker, 'message') as AsyncIterableIterator<[CheckWorkerMessage]>;

  try {
    for (let i = 0; i < CHUNKS_AHEAD; i += 1) worker.postMessage('more');
    for await (const [message] of messages) {
      if (message.kind === 'done') return;
      if (message.kind === 'rejected') {
        throw new BatchRejectedError(message.problems, message.problemCount, message.received);
      }
      if (message.kind === 'unreadable') throw new InputFileError(message.message);
      if (message.kind === 'failed') throw new Error(message.message);
      // One in, one more asked for: the window stays full while this chunk is written.
      worker.postMessage('more');
      yield unpackChecks(message.checks);
    }
  } finally {
    await worker.terminate();
  }
}
