import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { buildApiServer } from '../api/server';
import { ensureSmallBreachLogSchedule } from '../annual-log/schedule';
import { wakeSweeper } from '../client/detection';
import type { Config } from '../config/schema';
import type { Logger } from '../logging/logger';
import { createSmtpMailer } from '../messaging/mailer';
import { type SmtpSink, startSmtpSink } from '../messaging/smtp-sink';
import { createSmsSender } from '../messaging/create-sms-sender';
import { type PrmSimulator, startPrmSimulator } from '../prm-simulator/server';
import type { Database } from '../store/database';
import { openStore } from '../store/open-store';
import { ensureTemporalBinaries } from '../temporal/binaries';
import { connectClient } from '../temporal/connection';
import { type DevServer, startDevServer } from '../temporal/dev-server';
import { installTemporalRuntime } from '../temporal/runtime';
import { createWorker } from '../worker/create-worker';

/**
 * Everything breachline needs on one machine: a Temporal server (the dev
 * server with a SQLite file, unless TEMPORAL_ADDRESS names one), a mail relay
 * (the local SMTP sink, unless SMTP_URL names one) and a worker. Started in
 * that order and stopped in reverse.
 */
export interface LocalStack {
  address: string;
  uiUrl?: string;
  temporalCli?: string;
  outboxDir?: string;
  /** The simulated PRM platform containment acts on, when no admin API is configured. */
  platform?: PrmSimulator;
  /** The responder API's base URL, when the stack serves it. */
  apiUrl?: string;
  client: Client;
  worker: Worker;
  /** The store the worker uses; closed when the stack stops. */
  store: Database;
  /** Resolves when the worker has stopped, after a signal or `stop()`. */
  running: Promise<void>;
  stop(): Promise<void>;
}

export interface StackOptions {
  /** Start a dev server when no TEMPORAL_ADDRESS is configured; false requires one. */
  allowDevServer: boolean;
  /**
   * Start a PRM simulator of its own on a free port and point containment at
   * it, whatever admin API is configured: the demo's stack is self-contained.
   * Refused in production.
   */
  simulatePlatform?: boolean;
  /**
   * Serve the responder API from this process, on the configured host and
   * port. It shares the worker's store, which an embedded (PGlite) store
   * requires: one process per data folder.
   */
  serveApi?: boolean;
}

interface TemporalEndpoint {
  address: string;
  server?: DevServer;
  temporalCli?: string;
}

interface MailRelay {
  smtpUrl: string;
  sink?: SmtpSink;
}

async function startTemporal(
  config: Readonly<Config>,
  logger: Logger,
  options: StackOptions,
): Promise<TemporalEndpoint> {
  if (config.temporal.address) return { address: config.temporal.address };
  if (!options.allowDevServer) throw new Error('TEMPORAL_ADDRESS is required: this command does not start a server');

  const binaries = ensureTemporalBinaries(process.env, (line) => console.error(line));
  const server = await startDevServer({
    cliPath: binaries.cli,
    dataDir: config.dataDir,
    port: config.temporal.devServerPort,
    uiPort: config.temporal.uiPort,
    namespace: config.temporal.namespace,
  });
  logger.info({ temporal: server.address, ui: server.uiUrl, db: server.dbFile }, 'Temporal dev server started');
  return { address: server.address, server, temporalCli: binaries.cli };
}

async function startMail(config: Readonly<Config>, logger: Logger): Promise<MailRelay> {
  if (config.mail.smtpUrl) return { smtpUrl: config.mail.smtpUrl };
  if (config.mode === 'production') throw new Error('SMTP_URL is required in production');

  const sink = await startSmtpSink(join(config.dataDir, 'outbox'));
  logger.info({ outbox: sink.outboxDir }, 'Mail goes to the local SMTP sink');
  return { smtpUrl: sink.url, sink };
}

/**
 * The PRM simulator in this process, sharing the store (PGlite allows one
 * process per data folder), with a fresh random signing secret; the worker
 * is pointed at it.
 */
async function startPlatform(config: Readonly<Config>, store: Database, logger: Logger) {
  const secret = randomBytes(32).toString('hex');
  const platform = await startPrmSimulator({ secret, db: store, logger });
  logger.info({ url: platform.url }, 'Containment acts on the PRM simulator');
  const workerConfig = { ...config, containment: { adminApiUrl: platform.url, signingSecret: secret } };
  return { platform, workerConfig };
}

function wantsSimulator(config: Readonly<Config>, options: StackOptions): boolean {
  if (options.simulatePlatform !== true) return false;
  if (config.mode === 'production') throw new Error('The PRM simulator does not run in production');
  return true;
}

export async function startLocalStack(
  config: Readonly<Config>,
  logger: Logger,
  options: StackOptions,
): Promise<LocalStack> {
  installTemporalRuntime(logger);
  const stopping: (() => Promise<void> | void)[] = [];
  const stopAll = async (): Promise<void> => {
    for (const stopOne of stopping.reverse().splice(0)) await stopOne();
  };

  try {
    const temporal = await startTemporal(config, logger, options);
    const { server } = temporal;
    if (server) stopping.push(() => server.stop());

    const mail = await startMail(config, logger);
    const { sink } = mail;
    if (sink) stopping.push(() => sink.close());
    const mailer = createSmtpMailer(mail.smtpUrl, config.mail.from);
    stopping.push(() => mailer.close());

    const sms = createSmsSender(config);
    const store = await openStore(config);
    stopping.push(() => store.close());

    const connection = await NativeConnection.connect({ address: temporal.address });
    stopping.push(() => connection.close());
    const client = await connectClient(config, temporal.address);
    stopping.push(() => client.connection.close());

    const schedule = await ensureSmallBreachLogSchedule(client, config);
    logger.debug({ schedule }, 'Small-breach log schedule in place');

    let workerConfig = config;
    let platform: PrmSimulator | undefined;
    if (wantsSimulator(config, options)) {
      ({ platform, workerConfig } = await startPlatform(config, store, logger));
      const started = platform;
      stopping.push(() => started.stop());
    }

    const worker = await createWorker({ config: workerConfig, connection, logger, mailer, sms, store, client });
    let apiUrl: string | undefined;
    if (options.serveApi === true) {
      const afterIngest = () => wakeSweeper(client, config);
      const api = await buildApiServer({ config, db: store, client, logger, afterIngest });
      apiUrl = await api.listen({ host: config.api.host, port: config.api.port });
      stopping.push(() => api.close());
      logger.info({ url: apiUrl }, 'Responder API listening');
    }

    const finished = worker.run().finally(stopAll);
    await wakeSweeper(client, config);
    logger.info({ taskQueue: config.temporal.taskQueue, namespace: config.temporal.namespace }, 'Worker running');

    return {
      address: temporal.address,
      uiUrl: server?.uiUrl,
      temporalCli: temporal.temporalCli,
      outboxDir: sink?.outboxDir,
      platform,
      apiUrl,
      client,
      worker,
      store,
      running: finished,
      async stop() {
        if (worker.getState() === 'RUNNING') worker.shutdown();
        await finished;
      },
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
