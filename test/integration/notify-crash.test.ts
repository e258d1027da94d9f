import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config';
import type { Config } from '../../src/config/schema';
import { createContactCipher } from '../../src/notification/population/contact-cipher';
import type { Individual } from '../../src/notification/population/individual';
import { createPopulation } from '../../src/notification/population/population-store';
import { type Database, openPostgres } from '../../src/store/database';
import { migrate } from '../../src/store/migrate';
import { connectClient } from '../../src/temporal/connection';
import { notifyWorkflowId } from '../../workflows/notification-messages';
import type { notifyAffectedIndividuals } from '../../workflows/notify-affected-individuals';
import { individual } from '../notification/support/individuals';
import { sampleNoticeFacts } from '../notification/support/sample-notice';
import { type CountingSmtpServer, startCountingSmtpServer } from '../support/counting-smtp-server';
import { installQuietRuntime, uniqueName, workflowBundle } from '../support/temporal';

/**
 * The fan-out's promise under crashes: a real worker in a child process,
 * on the shared dev server, against PostgreSQL and a real SMTP server that
 * counts messages by Message-ID, is killed with SIGKILL several times in the
 * middle of notifying a few thousand individuals and started again each
 * time. At the end every individual has exactly one settled delivery per
 * planned channel, and the duplicate emails the server received are no
 * more than the notices claimed but not settled at the kills (those the
 * worker may have handed to the relay without recording it).
 */

const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const INDIVIDUALS = 3_000;
const KILLS = 3;
/** Emails the relay must take from each worker before it is killed: well inside the fan-out. */
const SENDS_BEFORE_KILL = 400;
const WORKER_SCRIPT = join(__dirname, '..', 'support', 'notify-worker-process.ts');

let smtp: CountingSmtpServer;
let admin: Database;
let store: Database;
let client: Client;
let config: Readonly<Config>;
let env: Record<string, string>;
const schema = `notify_crash_${process.pid}_${Date.now()}`;

function workerConfigFile(dir: string): string {
  const file = join(dir, 'breachline.yaml');
  const yaml = [
    'escalation:',
    '  levels:',
    '    - after: 30m',
    '      email: [level1@hospital.test]',
    'notification:',
    '  limits:',
    '    email: { perSecond: 100000, concurrency: 40 }',
    '    sms: { perSecond: 100000, concurrency: 20 }',
    '    mail: { perSecond: 1000, concurrency: 2 }',
  ].join('\n');
  writeFileSync(file, `${yaml}\n`);
  return file;
}

beforeAll(async () => {
  installQuietRuntime();
  smtp = await startCountingSmtpServer();
  admin = openPostgres(DATABASE_URL);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  store = openPostgres(DATABASE_URL, { searchPath: schema });
  await migrate(store);

  const dir = mkdtempSync(join(tmpdir(), 'notify-crash-'));
  const bundleFile = join(dir, 'workflow-bundle.js');
  writeFileSync(bundleFile, (await workflowBundle()).code);
  env = {
    BREACHLINE_MODE: 'test',
    BREACHLINE_CONFIG: workerConfigFile(dir),
    BREACHLINE_DATA_DIR: dir,
    LOG_LEVEL: 'error',
    BREACHLINE_ENCRYPTION_KEYS: `crash-1:${randomBytes(32).toString('base64')}`,
    BREACHLINE_ENCRYPTION_KEY_ID: 'crash-1',
    SMTP_URL: smtp.url,
    MAIL_FROM: 'privacy@st-elsewhere.test',
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_TASK_QUEUE: uniqueName('notify-crash'),
    DATABASE_URL,
    BREACHLINE_CHECKPOINT_KEY: randomBytes(24).toString('base64'),
    WORKER_STORE_SCHEMA: schema,
    WORKER_BUNDLE: bundleFile,
  };
  config = loadConfig(env);
  client = await connectClient(config, env.TEMPORAL_ADDRESS ?? '');
});

afterAll(async () => {
  await client.connection.close();
  await store.close();
  await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.close();
  await smtp.close();
});

/** Every 20th person by letter only, every 10th texted as well, the rest by email. */
function population(): Individual[] {
  return Array.from({ length: INDIVIDUALS }, (_, index) => {
    const n = index + 1;
    if (n % 20 === 0) return individual(n, { emailConsent: false, mobile: undefined });
    return individual(n, n % 10 === 1 ? {} : { mobile: undefined });
  });
}

async function startWorker(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', WORKER_SCRIPT], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((ready, failed) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('worker ready')) ready();
    });
    child.once('exit', (code) => failed(new Error(`the worker exited (${code}) before it was ready`)));
  });
  return child;
}

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function claimedNotSettled(): Promise<number> {
  const { rows } = await store.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM notification_deliveries WHERE status IN ('sending', 'retrying')",
  );
  return rows[0]?.n ?? 0;
}

describe('the fan-out under SIGKILL', () => {
  it('ends with exactly one settled delivery per individual and channel, and no more duplicates than sends in flight', async () => {
    const people = population();
    const incidentId = uniqueName('incident-crash');
    const origin = { incidentId, tenantId: 'st-elsewhere', source: 'json' };
    const populationId = await createPopulation(store, createContactCipher(config.encryption), origin, people);
    const handle = await client.workflow.start<typeof notifyAffectedIndividuals>('notifyAffectedIndividuals', {
      workflowId: notifyWorkflowId(incidentId),
      taskQueue: config.temporal.taskQueue,
      args: [
        {
          incidentId,
          populationId,
          notice: sampleNoticeFacts(),
          tuning: { batchSize: 150, chunkSize: 20, parallelBatches: 4, heartbeatTimeoutMs: 2_000, retryInitialMs: 500 },
        },
      ],
    });

    const inFlightAtKills: number[] = [];
    for (let kill = 0; kill < KILLS; kill += 1) {
      const worker = await startWorker();
      const base = smtp.total();
      await until(() => smtp.total() >= base + SENDS_BEFORE_KILL, 60_000);
      worker.kill('SIGKILL');
      await once(worker, 'exit');
      inFlightAtKills.push(await claimedNotSettled());
    }
    const last = await startWorker();
    const result = await handle.result();
    last.kill('SIGTERM');
    await once(last, 'exit');

    const emailed = people.filter((person) => person.emailConsent).length;
    const texted = people.filter((person) => person.mobile).length;
    const lettered = people.length - emailed;
    const { rows } = await store.query<{ channel: string; status: string; n: number; people: number }>(
      `SELECT channel, status, count(*)::int AS n, count(DISTINCT individual_id)::int AS people
       FROM notification_deliveries WHERE incident_id = $1 GROUP BY channel, status ORDER BY channel`,
      [incidentId],
    );
    const duplicates = smtp.duplicates();
    const allowed = inFlightAtKills.reduce((sum, n) => sum + n, 0);
    console.log(
      `notify crash test: ${KILLS} kills, claimed-not-settled at each kill ${inFlightAtKills.join(', ')}; ` +
        `${smtp.total()} emails received for ${emailed} individuals, ${duplicates} duplicates (at most ${allowed} allowed)`,
    );

    expect(rows).toEqual([
      { channel: 'email', status: 'sent', n: emailed, people: emailed },
      { channel: 'mail', status: 'sent', n: lettered, people: lettered },
      { channel: 'sms', status: 'sent', n: texted, people: texted },
    ]);
    expect(smtp.received.size).toBe(emailed);
    expect(duplicates).toBeLessThanOrEqual(allowed);
    expect(result).toMatchObject({ state: 'finished', total: INDIVIDUALS, queued: 0, failed: 0 });
    expect(result.sent).toBe(emailed + texted + lettered);
  });
});
