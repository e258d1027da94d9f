import { parentPort, workerData } from 'node:worker_threads';
import { BatchRejectedError } from './ingest';
import { type InputFormat, readRecords } from './read-records';
import { packChecks, type PackedChecks } from './packed-checks';
import { checkRecord } from './validate-record';

/**
 * Runs inside a worker thread (see check-in-worker.ts): reads an audit file,
 * parses and checks each record, and hands the checked chunks to the main
 * thread one per request, so the file is never read further ahead than the
 * writer can follow.
 */

export interface CheckWorkerInput {
  path: string;
  format?: InputFormat;
  tenantId?: string;
}

export type CheckWorkerMessage =
  | { kind: 'chunk'; checks: PackedChecks }
  | { kind: 'done' }
  | { kind: 'rejected'; problems: BatchRejectedError['problems']; problemCount: number; received: number }
  | { kind: 'failed'; message: string };

async function run(port: NonNullable<typeof parentPort>, input: CheckWorkerInput): Promise<void> {
  const chunks = (await readRecords(input.path, input))[Symbol.asyncIterator]();
  let index = 0;

  port.on('message', () => {
    void chunks.next().then(
      (next) => {
        if (next.done) {
          port.postMessage({ kind: 'done' } satisfies CheckWorkerMessage);
          return;
        }
        // The event objects stay here: the writer needs only their strings, which cross threads cheaply.
        const checks = packChecks(next.value.map((raw) => checkRecord(raw, index++, input.tenantId)));
        port.postMessage({ kind: 'chunk', checks } satisfies CheckWorkerMessage);
      },
      (error: unknown) => {
        port.postMessage(
          error instanceof BatchRejectedError
            ? { kind: 'rejected', problems: error.problems, problemCount: error.problemCount, received: error.received }
            : { kind: 'failed', message: error instanceof Error ? error.message : 'reading failed' },
        );
      },
    );
  });
}

if (parentPort) void run(parentPort, workerData as CheckWorkerInput);
