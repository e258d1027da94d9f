import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, log, setHandler } from '@temporalio/workflow';
import type { z } from 'zod';
import { alertSchema } from '../src/incidents/alert';
import {
  type IncidentState,
  type IncidentStatus,
  isEnded,
  recordAlert,
  toStatus,
} from '../src/incidents/incident-state';
import * as actions from '../src/incidents/responder-actions';
import * as requests from '../src/incidents/responder-requests';
import { advance, permissionRefusal, ResponderAction } from '../src/incidents/transitions';
import * as messages from './messages';

/**
 * The incident workflow's message handlers. Handlers only change the state
 * (pure and synchronous); the workflow's main loop does all the I/O that
 * follows, so no handler is ever left running when the workflow ends.
 */

/** The state a run holds, and a counter the main loop waits on. */
export interface IncidentRun {
  state: IncidentState;
  changes: number;
}

export const now = (): string => new Date().toISOString();

export function change(run: IncidentRun, next: IncidentState): void {
  run.state = advance(next, now());
  run.changes += 1;
}

/** Rejects an update before it reaches history; Temporal requires validators to be synchronous. */
function refuse(reason: string): never {
  throw ApplicationFailure.nonRetryable(reason, 'RequestRefused');
}

interface ActionSpec<Schema extends z.ZodType> {
  action: ResponderAction;
  schema: Schema;
  refusal?: (state: IncidentState, request: z.output<Schema>) => string | undefined;
  apply: (state: IncidentState, request: z.output<Schema>, at: string) => IncidentState;
}

function parse<Schema extends z.ZodType>(spec: ActionSpec<Schema>, raw: unknown): z.output<Schema> {
  const parsed = spec.schema.safeParse(raw);
  if (!parsed.success) refuse(`Invalid ${spec.action} request: ${requests.describeIssues(parsed.error)}`);
  return parsed.data;
}

function register<Schema extends z.ZodType<{ actorId: string; role: requests.AcknowledgeRequest['role'] }>>(
  run: IncidentRun,
  definition: UpdateDefinition<IncidentStatus, [z.input<Schema>]>,
  spec: ActionSpec<Schema>,
): void {
  const validator = (raw: z.input<Schema>) => {
    const request = parse(spec, raw);
    const refusal = permissionRefusal(run.state, spec.action, request.role) ?? spec.refusal?.(run.state, request);
    if (refusal) refuse(`Cannot ${spec.action}: ${refusal}`);
  };
  const handler = (raw: z.input<Schema>) => {
    const request = parse(spec, raw);
    change(run, spec.apply(run.state, request, now()));
    log.info('Incident changed by a responder', {
      incidentId: run.state.incidentId,
      action: spec.action,
      actorId: request.actorId,
    });
    return toStatus(run.state);
  };
  setHandler(definition, handler, { validator });
}

function registerAlerts(run: IncidentRun): void {
  setHandler(messages.alertSignal, (raw) => {
    const parsed = alertSchema.safeParse(raw);
    if (!parsed.success || parsed.data.tenantId !== run.state.tenantId || isEnded(run.state)) {
      log.warn('Dropped an alert that failed validation or came after the end', { incidentId: run.state.incidentId });
      return;
    }
    change(run, recordAlert(run.state, parsed.data, now()));
  });
}

export function registerHandlers(run: IncidentRun): void {
  const A = ResponderAction;
  registerAlerts(run);
  setHandler(messages.statusQuery, () => toStatus(run.state));

  register(run, messages.acknowledgeUpdate, {
    action: A.acknowledge,
    schema: requests.acknowledgeRequestSchema,
    refusal: actions.acknowledgeRefusal,
    apply: actions.acknowledge,
  });
  register(run, messages.assignUpdate, {
    action: A.assign,
    schema: requests.assignRequestSchema,
    apply: actions.assign,
  });
  register(run, messages.addNoteUpdate, {
    action: A.addNote,
    schema: requests.noteRequestSchema,
    apply: actions.addNote,
  });
  register(run, messages.approveContainmentUpdate, {
    action: A.approveContainment,
    schema: requests.containmentDecisionSchema,
    refusal: actions.decisionRefusal,
    apply: (state, request, at) => actions.decideContainment(state, request, true, at),
  });
  register(run, messages.rejectContainmentUpdate, {
    action: A.rejectContainment,
    schema: requests.containmentDecisionSchema,
    refusal: actions.decisionRefusal,
    apply: (state, request, at) => actions.decideContainment(state, request, false, at),
  });
  register(run, messages.attachEvidenceUpdate, {
    action: A.attachEvidence,
    schema: requests.attachEvidenceRequestSchema,
    refusal: actions.attachEvidenceRefusal,
    apply: actions.attachEvidence,
  });
  register(run, messages.submitAssessmentUpdate, {
    action: A.submitAssessment,
    schema: requests.submitAssessmentRequestSchema,
    refusal: (_state, request) => actions.assessmentRefusal(request),
    apply: actions.submitAssessment,
  });
  register(run, messages.setPopulationUpdate, {
    action: A.setPopulation,
    schema: requests.setPopulationRequestSchema,
    apply: actions.setPopulation,
  });
  register(run, messages.setFactsUpdate, {
    action: A.setFacts,
    schema: requests.setFactsRequestSchema,
    refusal: (_state, request) => actions.setFactsRefusal(request),
    apply: actions.setFacts,
  });
  register(run, messages.startNotificationUpdate, {
    action: A.startNotification,
    schema: requests.startNotificationRequestSchema,
    refusal: actions.startNotificationRefusal,
    apply: actions.startNotification,
  });
  register(run, messages.markFalsePositiveUpdate, {
    action: A.markFalsePositive,
    schema: requests.markFalsePositiveRequestSchema,
    apply: actions.markFalsePositive,
  });
  register(run, messages.closeUpdate, {
    action: A.close,
    schema: requests.closeRequestSchema,
    refusal: actions.closeRefusal,
    apply: actions.close,
  });
}
