import { ApplicationFailure, Context } from '@temporalio/activity';
import type { Logger } from '../src/logging/logger';
import type { Mailer } from '../src/messaging/mailer';
import type { SmsSender } from '../src/messaging/sms';
import { countDeliveries, type StatusCounts } from '../src/notification/fan-out/delivery-store';
import { createNoticeSender } from '../src/notification/fan-out/notice-senders';
import { type BatchReport, type BatchRequest, notifyBatch } from '../src/notification/fan-out/notify-batch';
import type { NotificationServices } from '../src/notification/fan-out/notification-services';
import { NotificationFailure } from '../src/notification/notification-failure';
import { readPopulation } from '../src/notification/population/population-store';
import type { Database } from '../src/store/database';

/**
 * The side effects of notifying an incident's affected individuals. The
 * workflow hands over only ids, ordinals and counts; the individuals are
 * read, decrypted and written to here, inside one batch, and never leave
 * the worker except to their providers.
 */

export interface NotificationDependencies {
  mailer: Mailer;
  sms: SmsSender;
  store: Database;
  logger: Logger;
  notification: NotificationServices;
}

export interface PopulationRequest {
  incidentId: string;
  populationId: string;
}

export interface BatchActivityReport extends BatchReport {
  /** The attempt of the activity that produced this report (1 when nothing was retried). */
  attempt: number;
}

/** Heartbeats go out this often while a batch runs (the SDK throttles them further), waits in a limiter included. */
const HEARTBEAT_EVERY_MS = 1_000;

async function readPopulationSize(store: Database, request: PopulationRequest): Promise<number> {
  const population = await readPopulation(store, request.populationId);
  if (!population) {
    throw ApplicationFailure.nonRetryable(
      `No population ${request.populationId} in the store`,
      NotificationFailure.populationNotFound,
    );
  }
  if (population.incidentId !== request.incidentId) {
    throw ApplicationFailure.nonRetryable(
      `Population ${request.populationId} belongs to another incident, not ${request.incidentId}`,
      NotificationFailure.populationMismatch,
    );
  }

  return population.size;
}

export function createNotificationActivities(deps: NotificationDependencies) {
  const { store, logger } = deps;
  const { cipher, limiters, letters, messageIdDomain } = deps.notification;
  const send = createNoticeSender({ mailer: deps.mailer, sms: deps.sms, letters, messageIdDomain });

  return {
    /** How many individuals the population holds, after checking it is the incident's. */
    async readPopulationSize(request: PopulationRequest): Promise<number> {
      return readPopulationSize(store, request);
    },

    /**
     * One batch of the fan-out (src/notification/fan-out/notify-batch.ts).
     * Notices that failed transiently after their quick retries fail the
     * batch, retryably: the next attempt sends only what is unsettled.
     */
    async sendNoticeBatch(request: BatchRequest): Promise<BatchActivityReport> {
      const context = Context.current();
      const heartbeat = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
      const batchDeps = {
        store,
        cipher,
        send,
        limiters,
        letters,
        logger,
        throwIfCancelled: () => context.cancellationSignal.throwIfAborted(),
      };
      try {
        const report = await notifyBatch(batchDeps, request);
        if (report.unsettled > 0) {
          logger.warn(
            { incidentId: request.incidentId, unsettled: report.unsettled },
            'Notices deferred; batch retries',
          );
          throw ApplicationFailure.retryable(
            `${report.unsettled} notices failed transiently after ${request.afterOrdinal}; the batch will be retried`,
            NotificationFailure.noticesDeferred,
          );
        }
        return { ...report, attempt: context.info.attempt };
      } finally {
        clearInterval(heartbeat);
      }
    },

    /** Every delivery of the incident by channel and status, as the store has it now (callbacks included). */
    async countNoticeDeliveries(request: PopulationRequest): Promise<StatusCounts> {
      return countDeliveries(store, request.incidentId);
    },
  };
}
