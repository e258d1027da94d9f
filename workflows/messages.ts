import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Alert } from '../src/incidents/alert';
import type { IncidentStatus } from '../src/incidents/incident-state';
import type { AcknowledgeRequest, CloseRequest } from '../src/incidents/responder-requests';

/** A further alert for an open incident; signals cannot be refused, so bad ones are logged and dropped. */
export const alertSignal = defineSignal<[Alert]>('alert');

export const statusQuery = defineQuery<IncidentStatus>('status');

/** A responder takes ownership; answered with the new status. */
export const acknowledgeUpdate = defineUpdate<IncidentStatus, [AcknowledgeRequest]>('acknowledge');

/** A responder ends the incident; answered with the final status. */
export const closeUpdate = defineUpdate<IncidentStatus, [CloseRequest]>('close');
