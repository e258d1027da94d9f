/**
 * A breachline worker in a process of its own, for the notification crash
 * test (test/integration/notify-crash.test.ts), which kills it with SIGKILL.
 * It is configured the way production is, from the environment and
 * BREACHLINE_CONFIG, plus:
 *
 * - WORKER_STORE_SCHEMA: the PostgreSQL schema at DATABASE_URL to use;
 * - WORKER_BUNDLE: a prebuilt workflow bundle file, so a restart takes a
 *   second instead of a webpack run.
 *
 * It prints `worker ready` once it polls, and runs until killed; on SIGTERM
 * the runtime drains it and the process exits.
 */
import { readFileSync } from 'node:fs';
import { NativeConnection } from '@temporalio/worker';
import { loadConfig } from '../../src/config/load-config';
import { createLogger } from '../../src/logging/logger';
import { createSmtpMailer } from '../../src/messaging/mailer';
import { createOutboxSmsSender } from '../../src/messaging/sms';
import { openPostgres } from '../../src/store/database';
import { installTemporalRuntime } from '../../src/temporal/runtime';
import { createWorker } from '../../src/worker/create-worker';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, destination: process.stderr });
  installTemporalRuntime(logger);
  const { database, mail, temporal, dataDir } = config;
  if (!database.url || !mail.smtpUrl || !temporal.address) {
    throw new Error('DATABASE_URL, SMTP_URL and TEMPORAL_ADDRESS are required');
  }
  const schema = process.env.WORKER_STORE_SCHEMA;
  const bundle = process.env.WORKER_BUNDLE;

  const worker = await createWorker({
    config,
    connection: await NativeConnection.connect({ address: temporal.address }),
    logger,
    mailer: createSmtpMailer(mail.smtpUrl, mail.from),
    sms: createOutboxSmsSender(`${dataDir}/sms-outbox`),
    store: openPostgres(database.url, schema ? { searchPath: schema } : {}),
    ...(bundle ? { workflowBundle: { code: readFileSync(bundle, 'utf8') } } : {}),
  });
  console.log('worker ready');
  // The pools left open (store, mail, connection) would keep the process alive after the drain.
  await worker.run();
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
