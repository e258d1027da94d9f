import { type Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { Config } from '../config/schema';
import { type Alert, alertSchema } from '../incidents/alert';
import type { IncidentStatus } from '../incidents/incident-state';
import type * as requests from '../incidents/responder-requests';
import * as search from '../incidents/search-attributes';
import type { handleIncident } from '../../workflows/handle-incident';
import * as messages from '../../workflows/messages';
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
    signal: messages.alertSignal,
    signalArgs: [valid],
  });

  return incidentId;
}

export async function getIncidentStatus(client: Client, incidentId: string): Promise<IncidentStatus> {
  return client.workflow.getHandle(incidentId).query(messages.statusQuery);
}

/** Sends one responder update; the workflow's refusal becomes a RequestRefusedError carrying its reason. */
async function act<Request>(
  client: Client,
  incidentId: string,
  definition: UpdateDefinition<IncidentStatus, [Request]>,
  request: Request,
): Promise<IncidentStatus> {
  try {
    return await client.workflow.getHandle(incidentId).executeUpdate(definition, { args: [request] });
  } catch (error) {
    if (error instanceof WorkflowUpdateFailedError) {
      throw new RequestRefusedError(incidentId, definition.name, error.cause?.message ?? 'refused');
    }
    if (error instanceof WorkflowNotFoundError) {
      throw new RequestRefusedError(
        incidentId,
        definition.name,
        `Cannot ${definition.name}: no open incident ${incidentId}`,
      );
    }
    throw error;
  }
}

type Act<Request> = (client: Client, incidentId: string, request: Request) => Promise<IncidentStatus>;

function action<Request>(definition: UpdateDefinition<IncidentStatus, [Request]>): Act<Request> {
  return (client, incidentId, request) => act(client, incidentId, definition, request);
}

export const acknowledgeIncident: Act<requests.AcknowledgeRequest> = action(messages.acknowledgeUpdate);
export const assignIncident: Act<requests.AssignRequest> = action(messages.assignUpdate);
export const addIncidentNote: Act<requests.NoteRequest> = action(messages.addNoteUpdate);
export const approveContainment: Act<requests.ContainmentDecision> = action(messages.approveContainmentUpdate);
export const rejectContainment: Act<requests.ContainmentDecision> = action(messages.rejectContainmentUpdate);
export const attachEvidence: Act<requests.AttachEvidenceRequest> = action(messages.attachEvidenceUpdate);
export const submitAssessment: Act<requests.SubmitAssessmentRequest> = action(messages.submitAssessmentUpdate);
export const setAffectedPopulation: Act<requests.SetPopulationRequest> = action(messages.setPopulationUpdate);
export const setIncidentFacts: Act<requests.SetFactsRequest> = action(messages.setFactsUpdate);
export const markFalsePositive: Act<requests.MarkFalsePositiveRequest> = action(messages.markFalsePositiveUpdate);
export const closeIncident: Act<requests.CloseRequest> = action(messages.closeUpdate);

export interface IncidentFilter {
  tenantId?: string;
  phase?: string;
  severity?: string;
  ruleId?: string;
  /** Discovered at or after this instant. */
  discoveredSince?: Date;
  /** Discovered before this instant. */
  discoveredUntil?: Date;
}

export interface IncidentListing {
  incidentId: string;
  status: string;
  phase?: string;
  severity?: string;
  tenantId?: string;
  rules: string[];
  discoveredAt?: Date;
  nextDeadline?: Date;
}

/** Filter values are slugs and vocabulary words; anything else could break out of the quoted literal. */
const QUERY_VALUE = /^[A-Za-z0-9._:-]{1,200}$/;

/** A visibility query (the same language as `temporal workflow list --query`) for incidents matching `filter`. */
export function incidentQuery(filter: IncidentFilter): string {
  const terms = ["WorkflowType = 'handleIncident'"];
  const add = (attribute: string, value: string | undefined) => {
    if (value === undefined) return;
    if (!QUERY_VALUE.test(value)) throw new RangeError(`${attribute} filter must be letters, digits or . _ : -`);
    terms.push(`${attribute} = '${value}'`);
  };
  add('IncidentTenant', filter.tenantId);
  add('IncidentPhase', filter.phase);
  add('IncidentSeverity', filter.severity);
  add('IncidentRules', filter.ruleId);
  // ISO instants from a Date hold only digits, letters and - : . so they are safe inside the quotes.
  if (filter.discoveredSince) terms.push(`IncidentDiscoveredAt >= '${filter.discoveredSince.toISOString()}'`);
  if (filter.discoveredUntil) terms.push(`IncidentDiscoveredAt < '${filter.discoveredUntil.toISOString()}'`);
  return terms.join(' AND ');
}

export interface ListOptions {
  /** At most this many; all by default. */
  limit?: number;
  /** Called with the count so far after each incident, for a progress display. */
  onListed?: (count: number) => void;
}

/** Incidents by their search attributes, newest first. Visibility lags a moment behind the workflows. */
export async function listIncidents(
  client: Client,
  filter: IncidentFilter = {},
  options: ListOptions = {},
): Promise<IncidentListing[]> {
  const limit = options.limit ?? Number.POSITIVE_INFINITY;
  const listed: IncidentListing[] = [];
  for await (const execution of client.workflow.list({ query: incidentQuery(filter) })) {
    if (listed.length >= limit) break;
    const attributes = execution.typedSearchAttributes;
    listed.push({
      incidentId: execution.workflowId,
      status: execution.status.name,
      phase: attributes.get(search.IncidentPhase),
      severity: attributes.get(search.IncidentSeverity),
      tenantId: attributes.get(search.IncidentTenant),
      rules: attributes.get(search.IncidentRules) ?? [],
      discoveredAt: attributes.get(search.IncidentDiscoveredAt),
      nextDeadline: attributes.get(search.IncidentNextDeadline),
    });
    options.onListed?.(listed.length);
  }
  return listed;
}
