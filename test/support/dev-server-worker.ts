import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { inject } from 'vitest';
import type { Config } from '../../src/config/schema';
import { createSmtpMailer } from '../../src/messaging/mailer';
import { type SmtpSink, startSmtpSink } from '../../src/messaging/smtp-sink';
import { createOutboxSmsSender } from '../../src/messaging/sms';
import { connectClient } from '../../src/temporal/connection';
import { createWorker } from '../../src/worker/create-worker';
import { openPgliteTestStore, type TestStore } from './stores';
import { installQuietRuntime, memoryLogger, uniqueName, workflowBundle } from './temporal';
import { type TestConfigOptions, loadTestConfig } from './test-config';

/**
 * A real worker on the shared dev server, on a task queue of its own, with
 * an embedded store, an SMTP sink and an SMS outbox: what the integration
 * tests run against.
 */

export interface DevServerWorker {
  address: string;
  config: Readonly<Config>;
  client: Client;
  store: TestStore;
  sink: SmtpSink;
  stop(): Promise<void>;
}

export interface DevServerWorkerOptions {
  escalation?: TestConfigOptions['escalation'];
  /** Changes the loaded config, e.g. to add legal contacts or the PRM simulator's URL. */
  configure?: (config: Readonly<Config>, store: TestStore) => Readonly<Config> | Promise<Readonly<Config>>;
  /** Give the worker a client, so the detection sweep can open incidents. */
  detection?: boolean;
}

export async function startDevServerWorker(options: DevServerWorkerOptions = {}): Promise<DevServerWorker> {
  installQuietRuntime();
  const address = inject('temporalAddress');
  const store = await openPgliteTestStore();
  const sink = await startSmtpSink(mkdtempSync(join(tmpdir(), 'breachline-outbox-')));
  const loaded = loadTestConfig({
    smtpUrl: sink.url,
    taskQueue: uniqueName('dev-server'),
    temporalAddress: address,
    ...(options.escalation ? { escalation: options.escalation } : {}),
  });
  const config = options.configure ? await options.configure(loaded, store) : loaded;

  const mailer = createSmtpMailer(sink.url, config.mail.from);
  const connection = await NativeConnection.connect({ address });
  const client = await connectClient(config, address);
  const worker = await createWorker({
    config,
    connection,
    ...(options.detection ? { client } : {}),
    mailer,
    sms: createOutboxSmsSender(mkdtempSync(join(tmpdir(), 'breachline-sms-'))),
    store: store.db,
    logger: memoryLogger().logger,
    workflowBundle: await workflowBundle(),
  });
  const running = worker.run();

  return {
    address,
    config,
    client,
    store,
    sink,
    async stop() {
      worker.shutdown();
      await running;
      await connection.close();
      await client.connection.close();
      mailer.close();
      await sink.close();
      await store.dispose();
    },
  };
}
