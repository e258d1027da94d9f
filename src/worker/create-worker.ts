import { type NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { Config } from '../config/schema';
import { loadPlaybookFile } from '../containment/load-playbook';
import type { Logger } from '../logging/logger';
import type { Mailer } from '../messaging/mailer';
import type { SmsSender } from '../messaging/sms';
import type { Database } from '../store/database';
import { createDataConverter } from '../temporal/data-converter';
import { bundleWorkflows } from './bundle-workflows';

export interface WorkerSetup {
  config: Readonly<Config>;
  connection: NativeConnection;
  logger: Logger;
  mailer: Mailer;
  sms: SmsSender;
  /** The audit and evidence store, already migrated; the caller closes it after the worker stops. */
  store: Database;
  /** A prebuilt bundle; without one the workflows are bundled here (a few seconds). */
  workflowBundle?: WorkflowBundle;
}

/** A worker for breachline's task queue: every workflow and activity, with payload encryption. */
export async function createWorker(setup: WorkerSetup): Promise<Worker> {
  const { config } = setup;
  const activities = createActivities({
    mailer: setup.mailer,
    sms: setup.sms,
    store: setup.store,
    levels: config.escalation.levels,
    containment: config.containment,
    legal: config.legal,
    playbook: loadPlaybookFile(),
    logger: setup.logger.child({ component: 'activities' }),
  });

  return Worker.create({
    connection: setup.connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    workflowBundle: setup.workflowBundle ?? (await bundleWorkflows(setup.logger)),
    activities,
    dataConverter: createDataConverter(config.encryption),
  });
}
