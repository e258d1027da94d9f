import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { Config } from '../config/schema';
import { type Alert, alertSchema } from '../incidents/alert';
import type { IncidentStatus } from '../incidents/incident-state';
import type { AcknowledgeRequest, CloseRequest } from '../incidents/responder-requests';
import type { handleIncident } from '../../workflows/handle-incident';
import { acknowledgeUpdate, alertSignal, closeUpdate, statusQuery } from '../../workflows/messages';
import { incidentIdFor } from './incident-id';

/** Thrown when the incident workflow refuses a responder's request; the message says why. */
export class RequestRefusedError extends Error {
  constructor(
    readonly incidentId: string,
    readonly action: string,
    reason: string,
  ) {
    super(reason);
    this.name = 'RequestRefusedError';
  }
}

/**
 * Opens the incident an alert belongs to, or feeds it to the open one:
 * signal-with-start under an id derived from the dedup key makes repeated
 * alerts land on one incident.
 */
export async function raiseAlert(client: Client, config: Readonly<Config>, alert: Alert): Promise<string> {
  const valid = alertSchema.parse(alert);
  const incidentId = incidentIdFor(valid.tenantId, valid.dedupKey);

  await client.workflow.signalWithStart<typeof handleIncident, [Alert]>('handleIncident', {
    workflowId: incidentId,
    taskQueue: config.temporal.taskQueue,
    args: [
      {
        incidentId,
        tenantId: valid.tenantId,
        escalationDelaysMs: config.escalation.levels.map((level) => level.after),
      },
    ],
    signal: alertSignal,
    signalArgs: [valid],
  });

  return incidentId;
}

export async function getIncidentStatus(client: Client, incidentId: string): Promise<IncidentStatus> {
  return client.workflow.getHandle(incidentId).query(statusQuery);
}

/** Turns the workflow's refusal of an update into a RequestRefusedError carrying its reason. */
async function refusalsAsErrors(
  incidentId: string,
  action: string,
  run: () => Promise<IncidentStatus>,
): Promise<IncidentStatus> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw new RequestRefusedError(incidentId, action, error.cause?.message ?? 'refused');
    }
    if (error instanceof WorkflowNotFoundError) {
      throw new RequestRefusedError(incidentId, action, `Cannot ${action}: no open incident ${incidentId}`);
    }
    throw error;
  }
}

export function acknowledgeIncident(
  client: Client,
  incidentId: string,
  request: AcknowledgeRequest,
): Promise<IncidentStatus> {
  const handle = client.workflow.getHandle(incidentId);
  return refusalsAsErrors(incidentId, 'acknowledge', () =>
    handle.executeUpdate(acknowledgeUpdate, { args: [request] }),
  );
}

export function closeIncident(client: Client, incidentId: string, request: CloseRequest): Promise<IncidentStatus> {
  const handle = client.workflow.getHandle(incidentId);
  return refusalsAsErrors(incidentId, 'close', () => handle.executeUpdate(closeUpdate, { args: [request] }));
}
