import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ingest } from '../../src/audit/ingest';
import { wakeSweeper } from '../../src/client/detection';
import { getIncidentStatus, listIncidents } from '../../src/client/incidents';
import type { Config } from '../../src/config/schema';
import { createSmtpMailer, type Mailer } from '../../src/messaging/mailer';
import { type SmtpSink, startSmtpSink } from '../../src/messaging/smtp-sink';
import { createOutboxSmsSender } from '../../src/messaging/sms';
import { connectClient } from '../../src/temporal/connection';
import { createWorker } from '../../src/worker/create-worker';
import { DETECTION_SWEEPER_ID } from '../../workflows/sweep-messages';
import { auditEvents } from '../support/audit-events';
import { openPgliteTestStore, type TestStore } from '../support/stores';
import { installQuietRuntime, memoryLogger, uniqueName, workflowBundle } from '../support/temporal';
import { loadTestConfig } from '../support/test-config';

/** Detection end to end: events ingested, the sweeper woken, an incident opened by the rule pack. */

const address = inject('temporalAddress');
const TENANT = 'sweep-hospital';
const WAIT = { timeout: 30_000, interval: 250 };

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
  config = loadTestConfig({ smtpUrl: sink.url, taskQueue: uniqueName('detection'), temporalAddress: address });
  mailer = createSmtpMailer(sink.url, config.mail.from);
  connection = await NativeConnection.connect({ address });
  client = await connectClient(config, address);
  worker = await createWorker({
    config,
    connection,
    client,
    mailer,
    sms: createOutboxSmsSender(mkdtempSync(join(tmpdir(), 'breachline-sms-'))),
    store: store.db,
    logger: memoryLogger().logger,
    workflowBundle: await workflowBundle(),
  });
  workerRun = worker.run();
});

afterAll(async () => {
  await client.workflow.getHandle(DETECTION_SWEEPER_ID).terminate('test finished');
  worker.shutdown();
  await workerRun;
  await connection.close();
  await client.connection.close();
  mailer.close();
  await sink.close();
  await store.dispose();
});

/** One user reads 120 distinct patients' charts in 40 minutes of the last full hour (the rule's windows are clock hours). */
function snoopingSpree() {
  const hour = 3_600_000;
  const start = Math.floor(Date.now() / hour) * hour - hour;
  return auditEvents(120, 0, { user_id: 'stf-0417', tenant_id: TENANT }).map((event, index) => ({
    ...event,
    occurred_at: new Date(start + index * 20_000).toISOString(),
  }));
}

describe('detection on the dev server', () => {
  it('opens an incident from a rule that fires over ingested events, and alerts on those events only once', async () => {
    await ingest(store.db, snoopingSpree());

    await wakeSweeper(client, config);
    const incidentId = await vi.waitFor(async () => {
      const [found] = await listIncidents(client, { tenantId: TENANT, ruleId: 'prm-mass-record-access' });
      expect(found).toBeDefined();
      return found?.incidentId ?? '';
    }, WAIT);
    const opened = await getIncidentStatus(client, incidentId);
    await wakeSweeper(client, config);
    await wakeSweeper(client, config);
    const sweeper = client.workflow.getHandle(DETECTION_SWEEPER_ID);
    await vi.waitFor(async () => {
      const history = await sweeper.fetchHistory();
      const sweeps = (history.events ?? []).filter((event) => event.activityTaskCompletedEventAttributes);
      expect(sweeps.length).toBeGreaterThanOrEqual(2);
    }, WAIT);

    expect(opened.ruleIds).toContain('prm-mass-record-access');
    expect(opened.severity).toBe('high');
    expect((await getIncidentStatus(client, incidentId)).alertCount).toBe(opened.alertCount);
    await client.workflow.getHandle(incidentId).terminate('test finished');
  });
});
