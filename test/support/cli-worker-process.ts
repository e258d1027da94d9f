import { setTimeout as sleep } from 'node:timers/promises';
import { type RunningCli, runCli } from './cli';

/**
 * `breachline worker` in a child process, as production runs it, so a test
 * can SIGKILL it mid-activity and start another. A worker on PGlite finds
 * the store locked until the killed process's lock goes stale (30 s after
 * its last refresh); it then exits at once, so it is simply started again.
 */

/** Longer than the store lock's staleness, the workflow bundling and a loaded machine together. */
const START_TIMEOUT_MS = 120_000;
const LOCKED_RETRY_MS = 2_000;
const READY = /"msg":"Worker running"/;
const STORE_LOCKED = /Another breachline process is using the embedded store/;

/** Thrown when the worker neither becomes ready nor fails with the store lock within START_TIMEOUT_MS. */
export class WorkerStartError extends Error {
  constructor(readonly output: string) {
    super(`breachline worker did not start within ${START_TIMEOUT_MS} ms:\n${output}`);
    this.name = 'WorkerStartError';
  }
}

/** Starts `breachline worker` and resolves once it runs, retrying while a dead worker's store lock is fresh. */
export async function startWorkerProcess(env: NodeJS.ProcessEnv): Promise<RunningCli> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  let output = '';
  while (Date.now() < deadline) {
    const worker = runCli(['worker'], env);
    try {
      await worker.waitFor(READY, deadline - Date.now());
      return worker;
    } catch {
      output = worker.output();
      worker.child.kill('SIGKILL');
      if (!STORE_LOCKED.test(output)) break;
      await sleep(LOCKED_RETRY_MS);
    }
  }

  throw new WorkerStartError(output);
}

/** Stops the worker as an operator would (SIGTERM: drain, close the store) and resolves with its exit code. */
export async function stopWorkerProcess(worker: RunningCli): Promise<number | null> {
  if (worker.child.exitCode !== null || worker.child.signalCode !== null) return worker.child.exitCode;
  worker.child.kill('SIGTERM');

  return worker.exit();
}
