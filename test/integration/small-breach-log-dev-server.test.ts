import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ensureSmallBreachLogSchedule, SMALL_BREACH_LOG_SCHEDULE_ID } from '../../src/annual-log/schedule';
import { recordSmallBreach } from '../../src/annual-log/small-breach-log';
import type { Config } from '../../src/config/schema';
import { createSmtpMailer, type Mailer } from '../../src/messaging/mailer';
import { type SmtpSink, startSmtpSink } from '../../src/messaging/smtp-sink';
import { createOutboxSmsSender } from '../../src/messaging/sms';
import { connectClient } from '../../src/temporal/connection';
import { createWorker } from '../../src/worker/create-worker';
import { openPgliteTestStore, type TestStore } from '../support/stores';
import { installQuietRuntime, memoryLogger, uniqueName, workflowBundle } from '../support/temporal';
import { loadTestConfig } from '../support/test-config';

const address = inject('temporalAddress');
const LAST_YEAR = new Date().getUTCFullYear() - 1;

let sink: SmtpSink;
let mailer: Mailer;
let connection: NativeConnection;
let config: Readonly<Config>;
let client: Client;
let worker: Worker;
let workerRun: Promise<void>;
let store: TestStore;

beforeAll(async () => {
  installQuietRuntime();
  store = await openPgliteTestStore();
  sink = await startSmtpSink(mkdtempSync(join(tmpdir(), 'breachline-outbox-')));
  const base = loadTestConfig({ smtpUrl: sink.url, taskQueue: uniqueName('annual-log'), temporalAddress: address });
  config = {
    ...base,
    legal: { ...base.legal, contacts: [{ name: 'Privacy counsel', email: 'counsel@hospital.test' }] },
  };
  mailer = createSmtpMailer(sink.url, config.mail.from);
  connection = await NativeConnection.connect({ address });
  client = await connectClient(config, address);
  worker = await createWorker({
    config,
    connection,
    mailer,
    sms: createOutboxSmsSender(mkdtempSync(join(tmpdir(), 'breachline-sms-'))),
    store: store.db,
    logger: memoryLogger().logger,
    workflowBundle: await workflowBundle(),
  });
  workerRun = worker.run();
});

afterAll(async () => {
  await client.schedule.getHandle(SMALL_BREACH_LOG_SCHEDULE_ID).delete();
  worker.shutdown();
  await workerRun;
  await connection.close();
  await client.connection.close();
  mailer.close();
  await sink.close();
  await store.dispose();
});

function messagesInOutbox(): string[] {
  // Quoted-printable folds long lines with a trailing '='; unfold them to read the text.
  return readdirSync(sink.outboxDir).map((file) =>
    readFileSync(join(sink.outboxDir, file), 'utf8').replace(/=\r?\n/g, ''),
  );
}

describe('the yearly small-breach log reminder', () => {
  it("is scheduled once, on four days before HHS's deadline, and reminds legal of last year's small breaches", async () => {
    for (const [n, individuals] of [
      [1, 40],
      [2, 212],
    ] as const) {
      const ids = { tenantId: 'st-elsewhere', incidentId: `incident-small-${n}` };
      const discoveredAt = `${LAST_YEAR}-0${n + 3}-10T14:00:00.000Z`;
      await recordSmallBreach(store.db, ids, {
        ...ids,
        discoveryYear: LAST_YEAR,
        individuals,
        discoveredAt,
        dueDate: `${LAST_YEAR + 1}-03-01`,
      });
    }

    expect(await ensureSmallBreachLogSchedule(client, config)).toBe('created');
    expect(await ensureSmallBreachLogSchedule(client, config)).toBe('exists');
    const schedule = client.schedule.getHandle(SMALL_BREACH_LOG_SCHEDULE_ID);
    const described = await schedule.describe();
    expect(described.spec.calendars?.map((day) => [day.month, day.dayOfMonth])).toHaveLength(4);

    await schedule.trigger();
    await vi.waitFor(() => expect(messagesInOutbox()).toHaveLength(1), { timeout: 30_000, interval: 250 });

    const [reminder] = messagesInOutbox();
    expect(reminder).toContain(`2 breaches under 500 discovered in ${LAST_YEAR}`);
    expect(reminder).toContain('incident-small-1');
    expect(reminder).toContain('252 individuals in all');
    expect(reminder).toMatch(/To: Privacy counsel <counsel@hospital\.test>/);
  });
});
