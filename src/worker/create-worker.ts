import { type NativeConnection, Worker, type WorkflowBundle } from '@temporalio/worker';
import type { Client } from '@temporalio/client';
import { createActivities } from '../../activities';
import { raiseAlert } from '../client/incidents';
import { loadSweepRules } from '../detection/sweep/rule-pack';
import type { Alert } from '../incidents/alert';
import type { Config } from '../config/schema';
import { loadPlaybookFile } from '../containment/load-playbook';
import type { Logger } from '../logging/logger';
import type { Mailer } from '../messaging/mailer';
import type { SmsSender } from '../messaging/sms';
import { createNotificationServices } from '../notification/fan-out/notification-services';
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
  /** Lets the detection sweep open incidents; without it sweeps find nothing to do (tests that do not sweep). */
  client?: Client;
}

/** A worker for breachline's task queue: every workflow and activity, with payload encryption. */
export async function createWorker(setup: WorkerSetup): Promise<Worker> {
  const { config, client } = setup;
  const logger = setup.logger.child({ component: 'activities' });
  const detection = client
    ? {
        ruleSet: await loadSweepRules(config, logger),
        raiseAlert: (alert: Alert) => raiseAlert(client, config, alert),
        ...(config.detection.timeZone ? { sweepTimeZone: config.detection.timeZone } : {}),
      }
    : {};
  const activities = createActivities({
    ...detection,
    mailer: setup.mailer,
    sms: setup.sms,
    store: setup.store,
    levels: config.escalation.levels,
    containment: config.containment,
    legal: config.legal,
    notification: createNotificationServices(config),
    playbook: loadPlaybookFile(),
    logger,
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
