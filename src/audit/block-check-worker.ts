import { parentPort, workerData } from 'node:worker_threads';
import { packChecks, type PackedChecks } from './packed-checks';
import { parseLines } from './ndjson-lines';
import { checkRecord } from './validate-record';

/**
 * Runs inside a worker thread (see check-blocks-in-workers.ts): checks the
 * NDJSON blocks it is sent, each made of whole lines, and sends each back
 * checked, in the order they came. Records are numbered from 0 within a
 * block; the sender knows where each block starts.
 */

export interface BlockWorkerInput {
  tenantId?: string;
}

export type BlockWorkerMessage =
  { kind: 'checked'; checks: PackedChecks; records: number } | { kind: 'failed'; message: string };

function run(port: NonNullable<typeof parentPort>, input: BlockWorkerInput): void {
  // A byte-order mark is kept, as the single-thread reader keeps it: each block decodes as if it began a file.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

  port.on('message', (block: Uint8Array) => {
    try {
      const records = parseLines(decoder.decode(block).split('\n'));
      const checks = packChecks(records.map((raw, index) => checkRecord(raw, index, input.tenantId)));
      port.postMessage({ kind: 'checked', checks, records: records.length } satisfies BlockWorkerMessage);
    } catch (error) {
      const message = error instanceof Error ? error.message : 'checking failed';
      port.postMessage({ kind: 'failed', message } satisfies BlockWorkerMessage);
    }
  });
}

if (parentPort) run(parentPort, workerData as BlockWorkerInput);
