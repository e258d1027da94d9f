import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { FanOutControlRequest } from '../src/notification/fan-out-control';
import type { NotificationProgress } from '../src/notification/progress';

/** How far the fan-out is: individuals done and queued, notices sent, delivered, failed, fallen back. */
export const notificationProgressQuery = defineQuery<NotificationProgress>('notificationProgress');

/** Stops sending: running batches stop after the chunk they are sending; answered with the progress. */
export const pauseNotificationUpdate = defineUpdate<NotificationProgress, [FanOutControlRequest]>('pauseNotification');

/** Sends again from where the pause left off. */
export const resumeNotificationUpdate = defineUpdate<NotificationProgress, [FanOutControlRequest]>(
  'resumeNotification',
);

/** The id of an incident's notification workflow: one per incident, derived from its id alone (no PHI). */
export function notifyWorkflowId(incidentId: string): string {
  return `notify-${incidentId}`;
}
