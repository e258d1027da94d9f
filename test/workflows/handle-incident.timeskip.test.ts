import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { Activities } from '../../activities';
import type { PageRequest } from '../../activities/escalation';
import { createDataConverter } from '../../src/temporal/data-converter';
import type { handleIncident } from '../../workflows/handle-incident';
import { acknowledgeUpdate, alertSignal, closeUpdate, statusQuery } from '../../workflows/messages';
import { sampleAlert } from '../support/alerts';
import { installQuietRuntime, randomKeyring, uniqueName, workflowBundle } from '../support/temporal';

const MINUTE = 60_000;
/** Real time allowed for an activity to run once its timer fired; generous for a loaded CI machine. */
const WAIT = { timeout: 15_000, interval: 50 };
const dataConverter = createDataConverter(randomKeyring());

let env: TestWorkflowEnvironment | undefined;

beforeAll(async () => {
  installQuietRuntime();
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } },
    client: { dataConverter },
  });
});

afterAll(async () => {
  await env?.teardown();
});

function testEnv(): TestWorkflowEnvironment {
  if (!env) throw new Error('the time-skipping environment did not start');
  return env;
}

/** Runs a worker whose pageOnCall records each page with the virtual time it happened at. */
async function withWorker(run: (pages: { level: number; atMs: number }[], taskQueue: string) => Promise<void>) {
  const pages: { level: number; atMs: number }[] = [];
  const activities: Pick<Activities, 'pageOnCall'> = {
    pageOnCall: async (request: PageRequest) => {
      pages.push({ level: request.level, atMs: await testEnv().currentTimeMs() });
      return { messageId: `<m-${request.level}>`, recipients: 1 };
    },
  };
  const taskQueue = uniqueName('timeskip');
  const worker = await Worker.create({
    connection: testEnv().nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
    dataConverter,
  });
  await worker.runUntil(run(pages, taskQueue));
}

function startIncident(taskQueue: string, escalationDelaysMs = [30 * MINUTE, 60 * MINUTE]) {
  const incidentId = uniqueName('incident');
  return testEnv().client.workflow.signalWithStart<typeof handleIncident, [ReturnType<typeof sampleAlert>]>(
    'handleIncident',
    {
      workflowId: incidentId,
      taskQueue,
      args: [{ incidentId, tenantId: 'st-elsewhere', escalationDelaysMs }],
      signal: alertSignal,
      signalArgs: [sampleAlert()],
    },
  );
}

describe('handleIncident on the time-skipping server', () => {
  it('pages each escalation level at its configured delay while nobody acknowledges', async () => {
    await withWorker(async (pages, taskQueue) => {
      const handle = await startIncident(taskQueue);
      const openedAtMs = await testEnv().currentTimeMs();
      const wallStart = performance.now();

      await testEnv().sleep(29 * MINUTE);
      expect(pages).toHaveLength(0);

      await testEnv().sleep(2 * MINUTE);
      await vi.waitFor(() => expect(pages).toHaveLength(1), WAIT);
      expect(pages[0]?.level).toBe(0);

      await testEnv().sleep(30 * MINUTE);
      await vi.waitFor(() => expect(pages).toHaveLength(2), WAIT);
      expect(pages[1]?.level).toBe(1);
      expect((pages[1]?.atMs ?? 0) - openedAtMs).toBeGreaterThanOrEqual(60 * MINUTE);

      await testEnv().sleep(6 * 60 * MINUTE);
      expect(pages).toHaveLength(2);
      const status = await handle.query(statusQuery);
      expect(status.escalationsSent).toBe(2);
      expect(status.timeline.filter((entry) => entry.action === 'escalated')).toHaveLength(2);

      const wallSeconds = (performance.now() - wallStart) / 1000;
      console.log(`escalation: 7 h 1 min of virtual time in ${wallSeconds.toFixed(3)} s of wall time`);
      await handle.terminate('test finished');
    });
  });

  it('stops escalating once a responder acknowledges', async () => {
    await withWorker(async (pages, taskQueue) => {
      const handle = await startIncident(taskQueue);

      await testEnv().sleep(31 * MINUTE);
      await vi.waitFor(() => expect(pages).toHaveLength(1), WAIT);
      const status = await handle.executeUpdate(acknowledgeUpdate, { args: [{ responderId: 'r.ortiz' }] });
      expect(status.acknowledged?.by).toBe('r.ortiz');

      await testEnv().sleep(3 * 60 * MINUTE);
      expect(pages).toHaveLength(1);

      await handle.executeUpdate(closeUpdate, { args: [{ responderId: 'r.ortiz', reason: 'contained' }] });
      const final = await handle.result();
      expect(final.phase).toBe('closed');
      expect(final.timeline.map((entry) => entry.action)).toEqual([
        'opened',
        'alert-received',
        'escalated',
        'acknowledged',
        'closed',
      ]);
    });
  });

  it('refuses invalid or out-of-turn requests and leaves the incident unchanged', async () => {
    await withWorker(async (_pages, taskQueue) => {
      const handle = await startIncident(taskQueue);
      const before = await handle.query(statusQuery);

      const badRequests = [
        { responderId: '' },
        { responderId: 'r.ortiz', extra: 1 },
        { note: 'no responder' },
      ] as unknown as { responderId: string }[];
      for (const request of badRequests) {
        const error: unknown = await handle
          .executeUpdate(acknowledgeUpdate, { args: [request] })
          .catch((caught: unknown) => caught);
        expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
        expect((error as WorkflowUpdateFailedError).cause?.message).toMatch(/^Invalid acknowledge request: /);
      }
      const closeRefusal: unknown = await handle
        .executeUpdate(closeUpdate, { args: [{ responderId: 'r.ortiz', reason: 'too early' }] })
        .catch((caught: unknown) => caught);
      expect((closeRefusal as WorkflowUpdateFailedError).cause?.message).toMatch(/must be acknowledged/);

      expect(await handle.query(statusQuery)).toEqual(before);

      await handle.executeUpdate(acknowledgeUpdate, { args: [{ responderId: 'r.ortiz' }] });
      const again: unknown = await handle
        .executeUpdate(acknowledgeUpdate, { args: [{ responderId: 'j.lee' }] })
        .catch((caught: unknown) => caught);
      expect((again as WorkflowUpdateFailedError).cause?.message).toMatch(/already acknowledged by r.ortiz/);
      await handle.terminate('test finished');
    });
  });

  it('counts a redelivered alert once and takes the highest severity', async () => {
    await withWorker(async (_pages, taskQueue) => {
      const handle = await startIncident(taskQueue);

      await handle.signal(alertSignal, sampleAlert());
      await handle.signal(
        alertSignal,
        sampleAlert({ alertId: 'alert-2', severity: 'critical', ruleId: 'prm-export-spike' }),
      );
      await handle.signal(alertSignal, sampleAlert({ alertId: 'alert-3', tenantId: 'another-tenant' }));

      const status = await handle.query(statusQuery);
      expect(status.alertCount).toBe(2);
      expect(status.severity).toBe('critical');
      expect(status.ruleIds).toEqual(['prm-mass-record-access', 'prm-export-spike']);
      await handle.terminate('test finished');
    });
  });
});
