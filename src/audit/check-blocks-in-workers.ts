import { Worker } from 'node:worker_threads';
import { modulePath } from '../temporal/module-path';
import type { BlockWorkerInput, BlockWorkerMessage } from './block-check-worker';
import { CHECK_WORKER_LIMITS } from './check-in-worker';
import { ndjsonBlocks } from './ndjson-blocks';
import { type PackedChecks, unpackChecks } from './packed-checks';
import type { RecordCheck } from './validate-record';

const WORKER_MODULE = modulePath(__dirname, 'block-check-worker');
/**
 * Two checking threads: on two cores, one alone was the slowest stage of a
 * bulk load, waited on for most of it while the database and the chaining
 * thread had time to spare.
 */
const WORKERS = 2;
/** Blocks (about a megabyte each) sent ahead of the writer: enough to keep both busy, few enough to keep memory flat. */
const BLOCKS_AHEAD = 6;

/**
 * One checking thread; blocks come back in the order they were sent. Once
 * the thread fails or exits, every block waiting on it, and any sent after,
 * fails with it rather than waiting for an answer that cannot come.
 */
class BlockChecker {
  private readonly worker: Worker;
  private readonly waiting: { resolve: (message: BlockWorkerMessage) => void; reject: (error: Error) => void }[] = [];
  private failure: Error | undefined;

  constructor(input: BlockWorkerInput) {
    // tsx's hook makes the TypeScript module loadable in the new thread; with compiled .js it is harmless.
    const source = `require('tsx/cjs'); require(${JSON.stringify(WORKER_MODULE)});`;
    this.worker = new Worker(source, { eval: true, workerData: input, resourceLimits: CHECK_WORKER_LIMITS });
    this.worker.on('message', (message: BlockWorkerMessage) => this.waiting.shift()?.resolve(message));
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', () => this.fail(new Error('a checking thread stopped')));
  }

  check(block: Uint8Array): Promise<BlockWorkerMessage> {
    const result = this.failure
      ? Promise.reject(this.failure)
      : new Promise<BlockWorkerMessage>((resolve, reject) => this.waiting.push({ resolve, reject }));
    if (!this.failure) this.worker.postMessage(block);
    // Awaited in turn by the caller; this keeps a failure from counting as unhandled before then.
    result.catch(() => undefined);
    return result;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiter of this.waiting.splice(0)) waiter.reject(this.failure);
  }
}

/** The block's checks with records numbered from `base`, the number of records before the block. */
function numberedFrom(checks: PackedChecks, base: number): PackedChecks {
  for (let i = 0; i < checks.indexes.length; i += 1) checks.indexes[i] = (checks.indexes[i] ?? 0) + base;
  for (const problem of checks.problems) problem.index += base;
  return checks;
}

/**
 * Checks a platform NDJSON file on two threads while the calling thread
 * chains and writes: the file is read in blocks of whole lines, handed to
 * the threads in turn, and the checked blocks are yielded in file order,
 * records numbered as checking inline would number them.
 */
export async function* checkNdjsonInWorkers(path: string, tenantId?: string): AsyncGenerator<RecordCheck[]> {
  const checkers = Array.from({ length: WORKERS }, () => new BlockChecker({ tenantId }));
  let sent = 0;
  const nextChecker = (): BlockChecker => checkers[sent++ % WORKERS] as BlockChecker;
  const blocks = ndjsonBlocks(path);
  const pending: Promise<BlockWorkerMessage>[] = [];
  let base = 0;
  let reading = true;

  try {
    for (;;) {
      while (reading && pending.length < BLOCKS_AHEAD) {
        const block = await blocks.next();
        if (block.done) reading = false;
        else pending.push(nextChecker().check(block.value));
      }

      const next = pending.shift();
      if (!next) return;
      const message = await next;
      if (message.kind === 'failed') throw new Error(message.message);
      yield unpackChecks(numberedFrom(message.checks, base));
      base += message.records;
    }
  } finally {
    await blocks.return(undefined);
    await Promise.all(checkers.map((checker) => checker.stop()));
  }
}
