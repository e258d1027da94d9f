import { parentPort, workerData } from 'node:worker_threads';
import { BatchRejectedError } from './ingest';
import { InputFileError, type InputFormat, readRecords } from './read-records';
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
  | { kind: 'unreadable'; message: string }
  | { kind: 'failed'; message: string };

function describeFailure(error: unknown): CheckWorkerMessage {
  if (error instanceof BatchRejectedError) {
    return { kind: 'rejected', problems: error.problems, problemCount: error.problemCount, received: error.received };
  }
  if (error instanceof InputFileError) return { kind: 'unreadable', message: error.message };
  return { kind: 'failed', message: error instanceof Error ? error.message : 'reading failed' };
}

function run(port: NonNullable<typeof parentPort>, input: CheckWorkerInput): void {
  // Opened on the first request, so a file that cannot be read is reported like any other failure.
  const chunks = (async function* () {
    yield* await readRecords(input.path, input);
  })();
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
        port.postMessage(describeFailure(error));
      },
    );
  });
}

if (parentPort) run(parentPort, workerData as CheckWorkerInput);
