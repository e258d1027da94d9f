import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { IncidentStatus } from '../incidents/incident-state';
import type { StartNotificationRequest } from '../incidents/responder-requests';
import type { FanOutControlRequest } from '../notification/fan-out-control';
import type { NotificationProgress } from '../notification/progress';
import { startNotificationUpdate } from '../../workflows/messages';
import {
  notificationProgressQuery,
  notifyWorkflowId,
  pauseNotificationUpdate,
  resumeNotificationUpdate,
} from '../../workflows/notification-messages';
import { RequestRefusedError } from './incidents';

/**
 * Legal's side of notifying an incident's affected individuals: start it
 * from the incident, then follow, pause and resume the fan-out workflow,
 * which outlives the incident, so these work on closed incidents too.
 */

async function update<Result, Request>(
  client: Client,
  workflowId: string,
  incidentId: string,
  definition: UpdateDefinition<Result, [Request]>,
  request: Request,
): Promise<Result> {
  try {
    return await client.workflow.getHandle(workflowId).executeUpdate(definition, { args: [request] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw new RequestRefusedError(incidentId, definition.name, error.cause?.message ?? 'refused');
    }
    if (error instanceof WorkflowNotFoundError) {
      throw new RequestRefusedError(incidentId, definition.name, `No running workflow for ${incidentId}`);
    }
    throw error;
  }
}

/** Asks the incident to start notifying its population with this notice; refused without a population or role. */
export function startNotification(
  client: Client,
  incidentId: string,
  request: StartNotificationRequest,
): Promise<IncidentStatus> {
  return update(client, incidentId, incidentId, startNotificationUpdate, request);
}

export async function getNotificationProgress(client: Client, incidentId: string): Promise<NotificationProgress> {
  try {
    return await client.workflow.getHandle(notifyWorkflowId(incidentId)).query(notificationProgressQuery);
  } catch (error) {
    if (!(error instanceof WorkflowNotFoundError)) throw error;
    throw new RequestRefusedError(incidentId, 'status', `No notification for ${incidentId}: start it first`);
  }
}

export function pauseNotification(
  client: Client,
  incidentId: string,
  request: FanOutControlRequest,
): Promise<NotificationProgress> {
  return update(client, notifyWorkflowId(incidentId), incidentId, pauseNotificationUpdate, request);
}

export function resumeNotification(
  client: Client,
  incidentId: string,
  request: FanOutControlRequest,
): Promise<NotificationProgress> {
  return update(client, notifyWorkflowId(incidentId), incidentId, resumeNotificationUpdate, request);
}
