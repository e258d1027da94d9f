/**
 * `npm run bench:notify`: notifies BENCH_INDIVIDUALS (default 100,000)
 * individuals by email through a local SMTP server, via a Temporal dev
 * server of its own, a worker in this process and a scratch PostgreSQL
 * schema, and prints messages/s. In the same run it sends the same messages
 * (same renderer, same pooled nodemailer settings, the same SMTP server)
 * from a plain loop with no Temporal, no store and no encryption, and prints
 * that rate and the ratio of the two.
 *
 * The SMTP server (smtp-server, counting messages by Message-ID and keeping
 * none) runs in this process for both, so it takes the same share of the
 * CPU from each. The plain loop keeps as many sends in flight as the fan-out
 * can at most (parallel batches × chunk size). A warm-up of the plain loop
 * runs first, so neither path pays for cold code.
 *
 * DATABASE_URL names the server (default: the local PostgreSQL's `test`
 * database); the scratch schema is dropped after.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../src/config/load-config';
import type { Config } from '../src/config/schema';
import { createLogger } from '../src/logging/logger';
import { createSmtpMailer } from '../src/messaging/mailer';
import { createOutboxSmsSender } from '../src/messaging/sms';
import { noticeEmail } from '../src/notification/content/notice-email';
import { DEFAULT_TUNING } from '../src/notification/fan-out-run';
import { noticeMessageId } from '../src/notification/fan-out/notice-senders';
import type { NoticeFacts } from '../src/notification/notice-facts';
import { createContactCipher } from '../src/notification/population/contact-cipher';
import type { Individual } from '../src/notification/population/individual';
import { createPopulation } from '../src/notification/population/population-store';
import { openPostgres } from '../src/store/database';
import { migrate } from '../src/store/migrate';
import { ensureTemporalBinaries } from '../src/temporal/binaries';
import { connectClient } from '../src/temporal/connection';
import { startDevServer } from '../src/temporal/dev-server';
import { installTemporalRuntime } from '../src/temporal/runtime';
import { createWorker } from '../src/worker/create-worker';
import { notifyWorkflowId } from '../workflows/notification-messages';
import type { notifyAffectedIndividuals } from '../workflows/notify-affected-individuals';
import { startCountingSmtpServer } from '../test/support/counting-smtp-server';
import { freePort } from '../test/support/free-port';

const INDIVIDUALS = Number(process.env.BENCH_INDIVIDUALS ?? 100_000);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 2_000);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_notify_${process.pid}`;
const FROM = 'privacy@st-elsewhere.test';
const IN_FLIGHT = DEFAULT_TUNING.parallelBatches * DEFAULT_TUNING.chunkSize;

/** Acceptance targets from issue 7. */
const RATE_TARGET = 500;
const RATIO_TARGET = 0.5;

const notice: NoticeFacts = {
  entityName: 'St. Elsewhere Hospital',
  whatHappened: {
    en: 'A staff account viewed records without a work reason.',
    es: 'Una cuenta vio historias sin motivo.',
  },
  breachDate: '2026-03-02',
  discoveryDate: '2026-03-09',
  phiTypes: ['fullName', 'dateOfBirth', 'diagnosis'],
  entityActions: { en: 'We disabled the account.', es: 'Desactivamos la cuenta.' },
  contact: {
    tollFreeNumber: '1-800-555-0142',
    email: 'privacy@st-elsewhere.test',
    website: 'https://st-elsewhere.test/notice',
    postalAddress: 'Privacy Office, 1 Hospital Way, Boston, MA 02115',
  },
};

function people(count: number, prefix: string): Individual[] {
  const address = { lines: ['12 Elm St'], city: 'Boston', region: 'MA', postalCode: '02115', country: 'US' };
  return Array.from({ length: count }, (_, n) => ({
    id: `${prefix}-${n + 1}`,
    name: `Patient ${n + 1}`,
    language: n % 3 === 0 ? ('es' as const) : ('en' as const),
    email: `patient${n + 1}@example.test`,
    emailConsent: true,
    address,
    deceased: false,
  }));
}

function benchConfig(smtpUrl: string, temporalAddress: string): Readonly<Config> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-notify-'));
  const file = join(dir, 'breachline.yaml');
  const yaml = [
    'escalation:',
    '  levels:',
    '    - after: 30m',
    '      email: [level1@hospital.test]',
    'notification:',
    '  limits:',
    // Unlimited for the bench: the figure is what the fan-out can do, not what a relay allows.
    `    email: { perSecond: 1000000, concurrency: ${IN_FLIGHT} }`,
  ].join('\n');
  writeFileSync(file, `${yaml}\n`);

  return loadConfig({
    BREACHLINE_MODE: 'test',
    BREACHLINE_CONFIG: file,
    BREACHLINE_DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    BREACHLINE_ENCRYPTION_KEYS: `bench-1:${randomBytes(32).toString('base64')}`,
    BREACHLINE_ENCRYPTION_KEY_ID: 'bench-1',
    SMTP_URL: smtpUrl,
    MAIL_FROM: FROM,
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `bench-notify-${process.pid}`,
    BREACHLINE_CHECKPOINT_KEY: randomBytes(24).toString('base64'),
  });
}

/** The plain loop: render and send each message with at most IN_FLIGHT in flight; seconds taken. */
async function plainLoop(smtpUrl: string, recipients: Individual[]): Promise<number> {
  const mailer = createSmtpMailer(smtpUrl, FROM);
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    for (let index = next++; index < recipients.length; index = next++) {
      const person = recipients[index] as Individual;
      const messageId = noticeMessageId('plain-loop', person.id, 'st-elsewhere.test');
      const to = { name: person.name, address: person.email ?? '' };
      await mailer.send(noticeEmail(notice, to, person.language, messageId));
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, lane));
  const seconds = (performance.now() - started) / 1000;
  mailer.close();

  return seconds;
}

type Stop = () => Promise<void> | void;

async function fanOut(
  smtpUrl: string,
  stopping: Stop[],
): Promise<{ seconds: number; sent: number; generation: number }> {
  const logger = createLogger({ level: 'warn', destination: process.stderr });
  installTemporalRuntime(logger);
  const { cli } = ensureTemporalBinaries(process.env, (line) => console.log(`[temporal] ${line}`));
  const server = await startDevServer({ cliPath: cli, port: await freePort(), namespace: 'default' });
  stopping.push(() => server.stop());
  const config = benchConfig(smtpUrl, server.address);

  const admin = openPostgres(DATABASE_URL);
  await admin.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  stopping.push(async () => {
    await admin.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.close();
  });
  const store = openPostgres(DATABASE_URL, { searchPath: SCHEMA });
  stopping.push(() => store.close());
  await migrate(store);

  const loading = performance.now();
  const incidentId = `incident-bench-notify-${process.pid}`;
  const origin = { incidentId, tenantId: 'st-elsewhere', source: 'json' };
  const cipher = createContactCipher(config.encryption);
  const populationId = await createPopulation(store, cipher, origin, people(INDIVIDUALS, 'pat'));
  console.log(
    `stored ${INDIVIDUALS} individuals, encrypted, in ${((performance.now() - loading) / 1000).toFixed(1)} s`,
  );

  const mailer = createSmtpMailer(smtpUrl, FROM);
  stopping.push(() => mailer.close());
  const connection = await NativeConnection.connect({ address: server.address });
  stopping.push(() => connection.close());
  const client = await connectClient(config, server.address);
  stopping.push(() => client.connection.close());
  const sms = createOutboxSmsSender(mkdtempSync(join(tmpdir(), 'breachline-bench-sms-')));
  const worker = await createWorker({ config, connection, logger, mailer, sms, store });
  const running = worker.run();
  stopping.push(async () => {
    worker.shutdown();
    await running;
  });

  const started = performance.now();
  const result = await client.workflow.execute<typeof notifyAffectedIndividuals>('notifyAffectedIndividuals', {
    workflowId: notifyWorkflowId(incidentId),
    taskQueue: config.temporal.taskQueue,
    args: [{ incidentId, populationId, notice }],
  });

  return {
    seconds: (performance.now() - started) / 1000,
    sent: result.channels.email.sent,
    generation: result.generation,
  };
}

async function main(): Promise<void> {
  const smtp = await startCountingSmtpServer();
  const stopping: Stop[] = [() => smtp.close()];
  try {
    await plainLoop(smtp.url, people(WARM_UP, 'warm'));
    smtp.received.clear();

    const temporal = await fanOut(smtp.url, stopping);
    const temporalReceived = smtp.received.size;
    smtp.received.clear();
    const plainSeconds = await plainLoop(smtp.url, people(INDIVIDUALS, 'pat'));
    const plainReceived = smtp.received.size;

    const temporalRate = temporal.sent / temporal.seconds;
    const plainRate = plainReceived / plainSeconds;
    const ratio = temporalRate / plainRate;
    const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
    console.log(`notification fan-out via Temporal (dev server, PostgreSQL, ${IN_FLIGHT} sends in flight at most)`);
    console.log(
      `    ${temporal.sent} emails (${temporalReceived} distinct at the server) in ${temporal.seconds.toFixed(1)} s`,
    );
    console.log(
      `    ${temporalRate.toFixed(0)} messages/s; ran in ${temporal.generation + 1} workflow runs (continue-as-new)`,
    );
    console.log(`plain nodemailer loop, same messages and pool settings, ${IN_FLIGHT} in flight`);
    console.log(`    ${plainReceived} emails in ${plainSeconds.toFixed(1)} s: ${plainRate.toFixed(0)} messages/s`);
    console.log(`ratio ${ratio.toFixed(2)}`);
    console.log(`    target >= ${RATE_TARGET} messages/s: ${verdict(temporalRate >= RATE_TARGET)}`);
    console.log(`    target >= ${RATIO_TARGET} of the plain loop: ${verdict(ratio >= RATIO_TARGET)}`);
  } finally {
    for (const stop of stopping.reverse()) await stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
