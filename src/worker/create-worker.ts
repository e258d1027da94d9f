import { join } from 'node:path';
import { type NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import { createActivities } from '../../activities';
import type { Config } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { Mailer } from '../messaging/mailer';
import { createDataConverter } from '../temporal/data-converter';
import { modulePath } from '../temporal/module-path';

export const WORKFLOWS_PATH = modulePath(join(__dirname, '..', '..', 'workflows'), 'index');

export interface WorkerSetup {
  config: Readonly<Config>;
  connection: NativeConnection;
  logger: Logger;
  mailer: Mailer;
  /** A prebuilt bundle; without one the worker bundles the workflows itself (a few seconds). */
  workflowBundle?: WorkflowBundle;
}

/** A worker for breachline's task queue: every workflow and activity, with payload encryption. */
export async function createWorker(setup: WorkerSetup): Promise<Worker> {
  const { config } = setup;
  const activities = createActivities({
    mailer: setup.mailer,
    levels: config.escalation.levels,
    logger: setup.logger.child({ component: 'activities' }),
  });

  return Worker.create({
    connection: setup.connection,
    namespace: config.temporal.namespace,
    taskQueue: config.temporal.taskQueue,
    ...(setup.workflowBundle ? { workflowBundle: setup.workflowBundle } : { workflowsPath: WORKFLOWS_PATH }),
    activities,
    dataConverter: createDataConverter(config.encryption),
  });
}
