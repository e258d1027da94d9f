import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Context } from '@temporalio/activity';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import type { Activities } from '../../activities';
import { type BatchActivityReport, createNotificationActivities } from '../../activities/notification';
import { createSmtpMailer } from '../../src/messaging/mailer';
import { createOutboxSmsSender } from '../../src/messaging/sms';
import type { BatchRequest } from '../../src/notification/fan-out/notify-batch';
import { createLetterFolder } from '../../src/notification/fan-out/letter-folder';
import { createProviderLimiters } from '../../src/notification/fan-out/provider-limits';
import { createContactCipher } from '../../src/notification/population/contact-cipher';
import { createPopulation } from '../../src/notification/population/population-store';
import { emptyTally } from '../../src/notification/progress';
import { createDataConverter } from '../../src/temporal/data-converter';
import {
  notificationProgressQuery,
  notifyWorkflowId,
  pauseNotificationUpdate,
  resumeNotificationUpdate,
} from '../../workflows/notification-messages';
import type { notifyAffectedIndividuals } from '../../workflows/notify-affected-individuals';
import { individual } from '../notification/support/individuals';
import { sampleNoticeFacts } from '../notification/support/sample-notice';
import { startCountingSmtpServer } from '../support/counting-smtp-server';
import { openPgliteTestStore } from '../support/stores';
import { installQuietRuntime, memoryLogger, randomKeyring, uniqueName, workflowBundle } from '../support/temporal';

type FanOutActivities = Pick<Activities, 'readPopulationSize' | 'sendNoticeBatch' | 'countNoticeDeliveries'>;

const keyring = randomKeyring();
const dataConverter = createDataConverter(keyring);
const legal = { actorId: 'l.abara', role: 'legal' as const };
const WAIT = { timeout: 20_000, interval: 50 };

let env: TestWorkflowEnvironment;

// Time skipping is global to a test server; each test gets its own, as the obligations tests do.
beforeEach(async () => {
  installQuietRuntime();
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } },
    client: { dataConverter },
  });
});

afterEach(async () => {
  await env.teardown();
});

/** Fake batches that report every individual of their range as emailed; `hold` keeps a batch running until released. */
function fakeActivities(total: number, calls: BatchRequest[], hold?: (request: BatchRequest) => Promise<void>) {
  const activities: FanOutActivities = {
    readPopulationSize: () => Promise.resolve(total),
    countNoticeDeliveries: () => Promise.resolve({ email: { sent: total } }),
    async sendNoticeBatch(request): Promise<BatchActivityReport> {
      calls.push(request);
      await hold?.(request);
      const tally = emptyTally();
      tally.individuals = Math.min(request.limit, total - request.afterOrdinal);
      tally.channels.email.sent = tally.individuals;
      const lastOrdinal = request.afterOrdinal + tally.individuals;
      return {
        afterOrdinal: request.afterOrdinal,
        lastOrdinal,
        tally,
        unsettled: 0,
        attempt: Context.current().info.attempt,
      };
    },
  };
  return activities;
}

async function runWorker<T>(activities: FanOutActivities, taskQueue: string, work: () => Promise<T>): Promise<T> {
  const worker = await Worker.create({
    connection: env.nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
    dataConverter,
  });
  return worker.runUntil(work());
}

function start(taskQueue: string, incidentId: string, input: Partial<Parameters<typeof notifyAffectedIndividuals>[0]>) {
  return env.client.workflow.start<typeof notifyAffectedIndividuals>('notifyAffectedIndividuals', {
    workflowId: notifyWorkflowId(incidentId),
    taskQueue,
    args: [{ incidentId, populationId: 'pop-1', notice: sampleNoticeFacts(), ...input }],
  });
}

/** The reason an update was refused, as the validator gave it. */
async function refusal(update: Promise<unknown>): Promise<string> {
  const error = await update.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause?.message ?? '';
}

const starts = (calls: BatchRequest[]) => calls.map((call) => call.afterOrdinal);

describe('notifyAffectedIndividuals on the time-skipping server', () => {
  it('pages through the population in batches by cursor and answers the progress query along the way', async () => {
    const calls: BatchRequest[] = [];
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const activities = fakeActivities(25, calls, (request) => (request.afterOrdinal === 20 ? held : Promise.resolve()));
    const taskQueue = uniqueName('notify');

    const result = await runWorker(activities, taskQueue, async () => {
      const handle = await start(taskQueue, uniqueName('incident'), { tuning: { batchSize: 10, parallelBatches: 2 } });
      await expect.poll(() => handle.query(notificationProgressQuery), WAIT).toMatchObject({ cursor: 20, sent: 20 });
      expect(await handle.query(notificationProgressQuery)).toMatchObject({
        state: 'running',
        total: 25,
        queued: 5,
        batchesInFlight: 1,
      });
      release();
      return handle.result();
    });

    expect(starts(calls).sort((a, b) => a - b)).toEqual([0, 10, 20]);
    expect(calls.every((call) => call.limit === 10)).toBe(true);
    expect(result).toMatchObject({ state: 'finished', cursor: 25, queued: 0, sent: 25, batchesInFlight: 0 });
  });

  it('stops on pause, cancelling running batches, and on resume runs them again and goes on', async () => {
    const calls: BatchRequest[] = [];
    const gate = { resumed: false };
    // A batch heartbeats until the pause cancels it (the rejected `cancelled` ends it); after the resume batches finish.
    const hold = async () => {
      const context = Context.current();
      while (!gate.resumed) {
        context.heartbeat();
        await Promise.race([context.cancelled, new Promise((resolve) => setTimeout(resolve, 50))]);
      }
    };
    const activities = fakeActivities(40, calls, hold);
    const taskQueue = uniqueName('notify');

    const result = await runWorker(activities, taskQueue, async () => {
      const handle = await start(taskQueue, uniqueName('incident'), {
        tuning: { batchSize: 10, parallelBatches: 2, heartbeatTimeoutMs: 2_000 },
      });
      await expect.poll(() => calls.length, WAIT).toBe(2);

      const pausedProgress = await handle.executeUpdate(pauseNotificationUpdate, {
        args: [{ ...legal, reason: 'wrong toll-free number' }],
      });
      expect(pausedProgress).toMatchObject({
        state: 'paused',
        paused: { by: 'l.abara', reason: 'wrong toll-free number' },
      });
      await expect.poll(() => handle.query(notificationProgressQuery), WAIT).toMatchObject({ batchesInFlight: 0 });
      expect(calls).toHaveLength(2);
      expect(await refusal(handle.executeUpdate(pauseNotificationUpdate, { args: [legal] }))).toContain(
        'already paused',
      );

      gate.resumed = true;
      const resumed = await handle.executeUpdate(resumeNotificationUpdate, { args: [legal] });
      expect(resumed.state).toBe('running');
      return handle.result();
    });

    expect(starts(calls).slice(0, 2).sort()).toEqual([0, 10]);
    expect(starts(calls).sort((a, b) => a - b)).toEqual([0, 0, 10, 10, 20, 30]);
    expect(result).toMatchObject({ state: 'finished', sent: 40 });
    expect(result.paused).toBeUndefined();
  });

  it('refuses pause and resume from a role outside legal and the privacy office, before anything changes', async () => {
    const calls: BatchRequest[] = [];
    const taskQueue = uniqueName('notify');

    await runWorker(
      fakeActivities(10, calls, () => Context.current().cancelled),
      taskQueue,
      async () => {
        const handle = await start(taskQueue, uniqueName('incident'), { tuning: { batchSize: 10 } });
        const responder = { actorId: 'r.ortiz', role: 'responder' as const };
        expect(await refusal(handle.executeUpdate(pauseNotificationUpdate, { args: [responder] }))).toContain(
          'the responder role may not pause or resume notification',
        );
        expect(await refusal(handle.executeUpdate(resumeNotificationUpdate, { args: [legal] }))).toContain(
          'not paused',
        );
        expect((await handle.query(notificationProgressQuery)).state).toBe('running');
        await handle.terminate('test over');
      },
    );
  });

  it('continues as new before its history grows large, carrying the cursor, and runs each batch once', async () => {
    const calls: BatchRequest[] = [];
    const taskQueue = uniqueName('notify');

    const result = await runWorker(fakeActivities(60, calls), taskQueue, async () => {
      const handle = await start(taskQueue, uniqueName('incident'), {
        tuning: { batchSize: 5, parallelBatches: 2 },
        historyLimit: 25,
      });
      return handle.result();
    });

    expect(result.generation).toBeGreaterThanOrEqual(2);
    expect(starts(calls).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, n) => n * 5));
    expect(result).toMatchObject({ cursor: 60, sent: 60, queued: 0 });
  });
});

describe('notifyAffectedIndividuals with the real activities on the time-skipping server', () => {
  it('retries a batch whose notices the relay keeps deferring, with backoff, until it takes them', async () => {
    const smtp = await startCountingSmtpServer();
    const store = await openPgliteTestStore();
    const mailer = createSmtpMailer(smtp.url, 'privacy@st-elsewhere.test');
    const cipher = createContactCipher(keyring);
    let refusals = 0;
    // Three 451s exhaust the quick retries of the first attempt; the second attempt, after the backoff, gets through.
    smtp.refuse = () => (refusals++ < 3 ? 451 : undefined);
    const incidentId = uniqueName('incident');
    const people = [individual(1, { mobile: undefined }), individual(2, { mobile: undefined })];
    const populationId = await createPopulation(
      store.db,
      cipher,
      { incidentId, tenantId: 't', source: 'json' },
      people,
    );
    const fast = { perSecond: 10_000, concurrency: 10 };
    const activities = createNotificationActivities({
      mailer,
      sms: createOutboxSmsSender(mkdtempSync(join(tmpdir(), 'sms-'))),
      store: store.db,
      logger: memoryLogger().logger,
      notification: {
        cipher,
        limiters: createProviderLimiters({ email: fast, sms: fast, mail: fast }),
        letters: createLetterFolder(mkdtempSync(join(tmpdir(), 'letters-'))),
        messageIdDomain: 'st-elsewhere.test',
      },
    });
    const taskQueue = uniqueName('notify');

    try {
      const result = await runWorker(activities, taskQueue, async () =>
        (await start(taskQueue, incidentId, { populationId, tuning: { chunkSize: 1 } })).result(),
      );

      expect(result).toMatchObject({ state: 'finished', sent: 2, failed: 0, batchRetries: 1 });
      expect(smtp.total()).toBe(2);
      expect(smtp.duplicates()).toBe(0);
    } finally {
      mailer.close();
      await smtp.close();
      await store.dispose();
    }
  });

  it('gives up a bounced address and falls back to a letter, and says so in the progress', async () => {
    const smtp = await startCountingSmtpServer();
    const store = await openPgliteTestStore();
    const mailer = createSmtpMailer(smtp.url, 'privacy@st-elsewhere.test');
    const cipher = createContactCipher(keyring);
    const lettersDir = mkdtempSync(join(tmpdir(), 'letters-'));
    smtp.refuse = (address) => (address === 'patient2@example.test' ? 550 : undefined);
    const incidentId = uniqueName('incident');
    const people = [1, 2, 3].map((n) => individual(n, { mobile: undefined }));
    const populationId = await createPopulation(
      store.db,
      cipher,
      { incidentId, tenantId: 't', source: 'json' },
      people,
    );
    const fast = { perSecond: 10_000, concurrency: 10 };
    const activities = createNotificationActivities({
      mailer,
      sms: createOutboxSmsSender(mkdtempSync(join(tmpdir(), 'sms-'))),
      store: store.db,
      logger: memoryLogger().logger,
      notification: {
        cipher,
        limiters: createProviderLimiters({ email: fast, sms: fast, mail: fast }),
        letters: createLetterFolder(lettersDir),
        messageIdDomain: 'st-elsewhere.test',
      },
    });
    const taskQueue = uniqueName('notify');

    try {
      const result = await runWorker(activities, taskQueue, async () =>
        (await start(taskQueue, incidentId, { populationId })).result(),
      );

      expect(result).toMatchObject({ state: 'finished', failed: 1, fallenBack: 1, substituteNotice: 0 });
      expect(result.channels.email).toMatchObject({ sent: 2, failed: 1 });
      expect(result.channels.mail).toMatchObject({ sent: 1 });
      expect(readdirSync(join(lettersDir, incidentId))).toContain('letter-pat-2.pdf');
    } finally {
      mailer.close();
      await smtp.close();
      await store.dispose();
    }
  });
});
