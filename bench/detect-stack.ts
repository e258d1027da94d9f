/**
 * The stack the latency half of `npm run bench:detect` runs on: an
 * in-memory Temporal dev server of its own, a worker with the PRM rule pack
 * (so its sweeps raise alerts), an SMTP sink and an SMS outbox for the pages
 * incidents send, and an audit store in a scratch PostgreSQL schema. The
 * configuration is loaded the way production loads one, in test mode with
 * random keys.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { wakeSweeper } from '../src/client/detection';
import { loadConfig } from '../src/config/load-config';
import type { Config } from '../src/config/schema';
import { createLogger, type Logger } from '../src/logging/logger';
import { createSmtpMailer } from '../src/messaging/mailer';
import { startSmtpSink } from '../src/messaging/smtp-sink';
import { createOutboxSmsSender } from '../src/messaging/sms';
import { type Database, openPostgres } from '../src/store/database';
import { migrate } from '../src/store/migrate';
import { ensureTemporalBinaries } from '../src/temporal/binaries';
import { connectClient } from '../src/temporal/connection';
import { startDevServer } from '../src/temporal/dev-server';
import { installTemporalRuntime } from '../src/temporal/runtime';
import { createWorker } from '../src/worker/create-worker';

export interface DetectStack {
  config: Readonly<Config>;
  client: Client;
  store: Database;
  stop(): Promise<void>;
}

type Stop = () => Promise<void> | void;

/** A TCP port that was free a moment ago on 127.0.0.1. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function benchConfig(smtpUrl: string, temporalAddress: string): Readonly<Config> {
  const dir = mkdtempSync(join(tmpdir(), 'breachline-bench-'));
  const file = join(dir, 'breachline.yaml');
  writeFileSync(file, 'escalation:\n  levels:\n    - after: 30m\n      email: [level1@hospital.test]\n');

  return loadConfig({
    BREACHLINE_MODE: 'test',
    BREACHLINE_CONFIG: file,
    BREACHLINE_DATA_DIR: dir,
    LOG_LEVEL: 'warn',
    BREACHLINE_ENCRYPTION_KEYS: `bench-1:${randomBytes(32).toString('base64')}`,
    BREACHLINE_ENCRYPTION_KEY_ID: 'bench-1',
    SMTP_URL: smtpUrl,
    MAIL_FROM: 'breachline@hospital.test',
    TEMPORAL_ADDRESS: temporalAddress,
    TEMPORAL_TASK_QUEUE: `bench-detect-${process.pid}`,
    BREACHLINE_CHECKPOINT_KEY: randomBytes(24).toString('base64'),
  });
}

/** A migrated store in a schema of its own, dropped again on stop. */
async function openScratchStore(url: string, schema: string, stopping: Stop[]): Promise<Database> {
  const admin = openPostgres(url);
  await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  stopping.push(async () => {
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.close();
  });
  const store = openPostgres(url, { searchPath: schema });
  stopping.push(() => store.close());
  await migrate(store);

  return store;
}

async function startPieces(databaseUrl: string, logger: Logger, stopping: Stop[]): Promise<Omit<DetectStack, 'stop'>> {
  const { cli } = ensureTemporalBinaries(process.env, (line) => console.log(`[temporal] ${line}`));
  const server = await startDevServer({ cliPath: cli, port: await freePort(), namespace: 'default' });
  stopping.push(() => server.stop());
  const sink = await startSmtpSink(mkdtempSync(join(tmpdir(), 'breachline-bench-outbox-')));
  stopping.push(() => sink.close());
  const config = benchConfig(sink.url, server.address);
  const mailer = createSmtpMailer(sink.url, config.mail.from);
  stopping.push(() => mailer.close());
  const store = await openScratchStore(databaseUrl, `bench_detect_${process.pid}_latency`, stopping);

  const connection = await NativeConnection.connect({ address: server.address });
  stopping.push(() => connection.close());
  const client = await connectClient(config, server.address);
  stopping.push(() => client.connection.close());
  const sms = createOutboxSmsSender(mkdtempSync(join(tmpdir(), 'breachline-bench-sms-')));
  const worker = await createWorker({ config, connection, client, logger, mailer, sms, store });
  const running = worker.run();
  stopping.push(async () => {
    worker.shutdown();
    await running;
  });
  await wakeSweeper(client, config);

  return { config, client, store };
}

/** Starts everything; on failure, or on `stop()`, takes down what was started, last first. */
export async function startDetectStack(databaseUrl: string): Promise<DetectStack> {
  const logger = createLogger({ level: 'warn', destination: process.stderr });
  installTemporalRuntime(logger);
  const stopping: Stop[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stopOne of stopping.reverse().splice(0)) await stopOne();
  };

  try {
    const stack = await startPieces(databaseUrl, logger, stopping);
    return { ...stack, stop: stopAll };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
