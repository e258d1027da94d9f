import { ApplicationFailure } from '@temporalio/activity';
import { z } from 'zod';
import type { Config } from '../src/config/schema';
import { adminCallFor, containmentRequestId } from '../src/containment/admin-api';
import {
  type AdminReply,
  AdminApiRejectedError,
  AdminApiUnavailableError,
  createAdminClient,
} from '../src/containment/admin-client';
import {
  type ContainmentPlan,
  type ContainmentSubject,
  type ContainmentTarget,
  containmentTargetSchema,
  type Playbook,
  type PlaybookAction,
  playbookActionSchema,
  planContainment as planFromPlaybook,
} from '../src/containment/playbook';
import {
  ContainmentFailure,
  type ContainmentKind,
  ContainmentOperation,
  ContainmentOutcome,
  targetTypeOf,
} from '../src/containment/vocabulary';
import { tenantIdSchema } from '../src/incidents/alert';
import type { Logger } from '../src/logging/logger';

/**
 * Containment as activities: plan an incident's actions from the playbook,
 * then apply (or undo) each one through the platform admin API. Each call is
 * idempotent by a request id derived from the incident and the action's
 * index, so Temporal may retry freely; retry with containmentActivityOptions
 * (src/containment/vocabulary.ts), which names the failure types not to retry.
 */

export interface ContainmentDependencies {
  containment: Config['containment'];
  playbook: Playbook;
  logger: Logger;
}

export interface PlanContainmentRequest {
  ruleId: string;
  subject: ContainmentSubject;
}

export interface ContainmentActionRequest {
  incidentId: string;
  tenantId: string;
  /** The action's position in the incident's containment list, unique within the incident. */
  actionIndex: number;
  action: PlaybookAction;
  target: ContainmentTarget;
}

/** What was done, for the timeline and the evidence store: references only, no PHI. */
export interface ContainmentRecord {
  incidentId: string;
  actionIndex: number;
  kind: ContainmentKind;
  operation: ContainmentOperation;
  target: ContainmentTarget;
  requestId: string;
  outcome: ContainmentOutcome;
  /** False when the target was already in that state (suspended before, say). */
  changed: boolean;
  /** Null when no call was made (an undo that cannot be done). */
  httpStatus: number | null;
  /** The platform answered from its idempotency store: an earlier attempt had already acted. */
  idempotentReplay: boolean;
  requestedAt: string;
  completedAt: string;
  /** When the platform says the action took effect. */
  effectiveAt: string | null;
}

const actionRequestSchema = z
  .object({
    incidentId: z.string().regex(/^[A-Za-z0-9._:-]{1,180}$/, 'must be 1 to 180 letters, digits or . _ : -'),
    tenantId: tenantIdSchema,
    actionIndex: z.number().int().min(0),
    action: playbookActionSchema,
    target: containmentTargetSchema,
  })
  .strict()
  .refine((request) => targetTypeOf[request.action.kind] === request.target.type, {
    path: ['target', 'type'],
    error: 'does not fit the action kind',
  });

/** The longest wait between attempts, the same as containmentActivityOptions' maximumInterval. */
const MAX_RETRY_DELAY_MS = 60_000;

function invalidRequest(error: z.ZodError): ApplicationFailure {
  const fields = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
  return ApplicationFailure.create({
    type: ContainmentFailure.invalidRequest,
    message: `Invalid containment request: ${fields}`,
    nonRetryable: true,
  });
}

/** Client errors become typed failures, so the retry policy can tell lasting from passing. */
function toFailure(error: unknown, requestId: string): unknown {
  if (error instanceof AdminApiRejectedError) {
    return ApplicationFailure.create({
      type: ContainmentFailure.rejected,
      message: error.message,
      nonRetryable: true,
      details: [{ requestId, status: error.status, reason: error.reason }],
    });
  }
  if (error instanceof AdminApiUnavailableError) {
    return ApplicationFailure.create({
      type: ContainmentFailure.unavailable,
      message: error.message,
      details: [{ requestId, status: error.status ?? null, reason: error.reason }],
      // The platform's Retry-After is honoured up to the policy's one-minute cap: an attacker keeps working meanwhile.
      ...(error.retryAfterMs ? { nextRetryDelay: Math.min(error.retryAfterMs, MAX_RETRY_DELAY_MS) } : {}),
    });
  }
  return error;
}

function notConfigured(): ApplicationFailure {
  return ApplicationFailure.create({
    type: ContainmentFailure.notConfigured,
    message: 'Containment is not configured: set PRM_ADMIN_URL and PRM_SIGNING_SECRET',
    nonRetryable: true,
  });
}

type StartedRecord = Pick<
  ContainmentRecord,
  'incidentId' | 'actionIndex' | 'kind' | 'operation' | 'target' | 'requestId' | 'requestedAt'
>;

function started(request: ContainmentActionRequest, operation: ContainmentOperation): StartedRecord {
  return {
    incidentId: request.incidentId,
    actionIndex: request.actionIndex,
    kind: request.action.kind,
    operation,
    target: request.target,
    requestId: containmentRequestId(request.incidentId, request.actionIndex, operation),
    requestedAt: new Date().toISOString(),
  };
}

function notReversible(record: StartedRecord): ContainmentRecord {
  return {
    ...record,
    outcome: ContainmentOutcome.notReversible,
    changed: false,
    httpStatus: null,
    idempotentReplay: false,
    completedAt: record.requestedAt,
    effectiveAt: null,
  };
}

function completed(record: StartedRecord, reply: AdminReply): ContainmentRecord {
  return {
    ...record,
    outcome: record.operation === ContainmentOperation.apply ? ContainmentOutcome.applied : ContainmentOutcome.undone,
    changed: reply.response.changed,
    httpStatus: reply.status,
    idempotentReplay: reply.idempotentReplay,
    completedAt: new Date().toISOString(),
    effectiveAt: reply.response.effectiveAt,
  };
}

/** Log fields that identify an action without naming its target. */
function logFields(record: StartedRecord) {
  const { incidentId, actionIndex, kind, operation, requestId } = record;
  return { incidentId, actionIndex, kind, operation, requestId };
}

export function createContainmentActivities(deps: ContainmentDependencies) {
  const { adminApiUrl, signingSecret } = deps.containment;
  const client = adminApiUrl && signingSecret ? createAdminClient({ baseUrl: adminApiUrl, signingSecret }) : undefined;

  async function perform(raw: ContainmentActionRequest, operation: ContainmentOperation): Promise<ContainmentRecord> {
    const parsed = actionRequestSchema.safeParse(raw);
    if (!parsed.success) throw invalidRequest(parsed.error);
    const record = started(parsed.data, operation);
    const call = adminCallFor(record.kind, operation, record.target, { ...parsed.data, requestId: record.requestId });
    if (!call) return notReversible(record);
    if (!client) throw notConfigured();

    const reply = await client.send(call).catch((error: unknown) => {
      deps.logger.warn({ ...logFields(record), failure: (error as Error).name }, 'Containment call failed');
      throw toFailure(error, record.requestId);
    });

    const done = completed(record, reply);
    deps.logger.info(
      { ...logFields(record), httpStatus: done.httpStatus, changed: done.changed, replay: done.idempotentReplay },
      'Containment action carried out',
    );
    return done;
  }

  return {
    /** The playbook's actions for one alert's rule, aimed at its subject. */
    planContainment(request: PlanContainmentRequest): Promise<ContainmentPlan> {
      return Promise.resolve(planFromPlaybook(deps.playbook, request.ruleId, request.subject));
    },

    executeContainmentAction(request: ContainmentActionRequest): Promise<ContainmentRecord> {
      return perform(request, ContainmentOperation.apply);
    },

    /** Undoes an applied action (the incident was a false positive); revoked sessions stay revoked. */
    undoContainmentAction(request: ContainmentActionRequest): Promise<ContainmentRecord> {
      return perform(request, ContainmentOperation.undo);
    },
  };
}
