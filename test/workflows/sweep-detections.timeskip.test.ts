import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterEach, beforeEach, describe, expect, inject, it, vi } from 'vitest';
import type { Activities } from '../../activities';
import type { SweepReport } from '../../activities/detection';
import type { sweepDetections } from '../../workflows/sweep-detections';
import { eventsIngestedSignal } from '../../workflows/sweep-messages';
import { installQuietRuntime, uniqueName, workflowBundle } from '../support/temporal';

const SECOND = 1000;
const WAIT = { timeout: 15_000, interval: 50 };
let env: TestWorkflowEnvironment;

beforeEach(async () => {
  installQuietRuntime();
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } },
  });
});

afterEach(async () => {
  await env.teardown();
});

/** Runs the sweeper with a sweep that records when it ran and answers from `reports` (then "nothing more"). */
async function withSweeper(
  reports: Partial<SweepReport>[],
  run: (sweeps: number[], handle: Awaited<ReturnType<typeof startSweeper>>) => Promise<void>,
  sweepsPerRun?: number,
) {
  const sweeps: number[] = [];
  const activities: Pick<Activities, 'runDetectionSweep'> = {
    runDetectionSweep: async () => {
      sweeps.push(await env.currentTimeMs());
      return { tenants: 1, events: 10, alerts: 0, more: false, ...reports.shift() };
    },
  };
  const taskQueue = uniqueName('sweeper');
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
  });
  await worker.runUntil(async () => run(sweeps, await startSweeper(taskQueue, sweepsPerRun)));
}

function startSweeper(taskQueue: string, sweepsPerRun?: number) {
  return env.client.workflow.signalWithStart<typeof sweepDetections>('sweepDetections', {
    workflowId: uniqueName('sweeper'),
    taskQueue,
    args: [{ sweepEveryMs: 30 * SECOND, ...(sweepsPerRun ? { sweepsPerRun } : {}) }],
    signal: eventsIngestedSignal,
  });
}

describe('the detection sweeper on the time-skipping server', () => {
  it('sweeps at start, then every interval while nothing is ingested', async () => {
    await withSweeper([], async (sweeps, handle) => {
      await vi.waitFor(() => expect(sweeps).toHaveLength(1), WAIT);
      const startedMs = sweeps[0] ?? 0;

      await env.sleep(29 * SECOND);
      expect(sweeps).toHaveLength(1);
      await env.sleep(2 * SECOND);
      await vi.waitFor(() => expect(sweeps).toHaveLength(2), WAIT);

      expect((sweeps[1] ?? 0) - startedMs).toBeGreaterThanOrEqual(30 * SECOND);
      await handle.terminate('test finished');
    });
  });

  it('sweeps at once when ingest signals, folding signals that come together into one sweep', async () => {
    await withSweeper([], async (sweeps, handle) => {
      await vi.waitFor(() => expect(sweeps).toHaveLength(1), WAIT);

      await Promise.all([1, 2, 3].map(() => handle.signal(eventsIngestedSignal)));
      await vi.waitFor(() => expect(sweeps.length).toBeGreaterThanOrEqual(2), WAIT);
      await new Promise((resolve) => setTimeout(resolve, 300));

      expect(sweeps.length).toBeLessThanOrEqual(3);
      expect((sweeps.at(-1) ?? 0) - (sweeps[0] ?? 0)).toBeLessThan(30 * SECOND);
      await handle.terminate('test finished');
    });
  });

  it('sweeps again at once while a backlog is left', async () => {
    await withSweeper([{ more: true }, { more: true }], async (sweeps, handle) => {
      await vi.waitFor(() => expect(sweeps).toHaveLength(3), WAIT);

      expect((sweeps[2] ?? 0) - (sweeps[0] ?? 0)).toBeLessThan(30 * SECOND);
      await handle.terminate('test finished');
    });
  });

  it('continues as new after its sweeps per run, and goes on sweeping', async () => {
    await withSweeper(
      [],
      async (sweeps, handle) => {
        await vi.waitFor(() => expect(sweeps).toHaveLength(1), WAIT);

        await env.sleep(65 * SECOND);
        await vi.waitFor(() => expect(sweeps.length).toBeGreaterThanOrEqual(3), WAIT);

        expect((await handle.describe()).runId).not.toBe(handle.signaledRunId);
        await handle.terminate('test finished');
      },
      2,
    );
  });
});
