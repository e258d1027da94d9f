import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  log,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { alertSchema } from '../src/incidents/alert';
import * as incident from '../src/incidents/incident-state';
import { acknowledgeRequestSchema, closeRequestSchema, describeIssues } from '../src/incidents/responder-requests';
import { acknowledgeUpdate, alertSignal, closeUpdate, statusQuery } from './messages';

export interface HandleIncidentInput {
  incidentId: string;
  tenantId: string;
  /** When to page each escalation level, in ms after the incident opened, ascending. */
  escalationDelaysMs: number[];
}

/**
 * Paging keeps retrying: an unpaged on-call is worse than a late page. The
 * interval caps at five minutes so a mail outage of an hour costs at most
 * five minutes of extra delay once it ends.
 */
const { pageOnCall } = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
});

const now = (): string => new Date().toISOString();

/** Rejects an update before it reaches history; Temporal requires validators to be synchronous. */
function refuse(reason: string): never {
  throw ApplicationFailure.nonRetryable(reason, 'RequestRefused');
}

/**
 * One run per incident, from its first alert to closure. Today it triages:
 * it gathers alerts, pages the escalation levels in turn until a responder
 * acknowledges, and ends when a responder closes it. Containment, evidence,
 * assessment and notification are not built yet.
 */
export async function handleIncident(input: HandleIncidentInput): Promise<incident.IncidentStatus> {
  let state = incident.openIncident(input.incidentId, input.tenantId, now());

  setHandler(alertSignal, (raw) => {
    const parsed = alertSchema.safeParse(raw);
    if (!parsed.success || parsed.data.tenantId !== input.tenantId) {
      log.warn('Dropped an alert that failed validation', { incidentId: input.incidentId });
      return;
    }
    state = incident.recordAlert(state, parsed.data, now());
  });

  setHandler(statusQuery, () => incident.toStatus(state));

  setHandler(
    acknowledgeUpdate,
    (request) => {
      state = incident.acknowledge(state, request, now());
      log.info('Incident acknowledged', { incidentId: input.incidentId, responderId: request.responderId });
      return incident.toStatus(state);
    },
    {
      validator: (request) => {
        const parsed = acknowledgeRequestSchema.safeParse(request);
        if (!parsed.success) refuse(`Invalid acknowledge request: ${describeIssues(parsed.error)}`);
        const refusal = incident.acknowledgeRefusal(state);
        if (refusal) refuse(`Cannot acknowledge: ${refusal}`);
      },
    },
  );

  setHandler(
    closeUpdate,
    (request) => {
      state = incident.close(state, request, now());
      log.info('Incident closed', { incidentId: input.incidentId, responderId: request.responderId });
      return incident.toStatus(state);
    },
    {
      validator: (request) => {
        const parsed = closeRequestSchema.safeParse(request);
        if (!parsed.success) refuse(`Invalid close request: ${describeIssues(parsed.error)}`);
        const refusal = incident.closeRefusal(state);
        if (refusal) refuse(`Cannot close: ${refusal}`);
      },
    },
  );

  await escalateUntilAcknowledged();
  await condition(() => state.closed !== undefined);
  await condition(allHandlersFinished);

  return incident.toStatus(state);

  async function escalateUntilAcknowledged(): Promise<void> {
    const openedAtMs = Date.parse(state.openedAt);
    for (const [level, delayMs] of input.escalationDelaysMs.entries()) {
      const waitMs = openedAtMs + delayMs - Date.now();
      if (await condition(() => state.acknowledged !== undefined, Math.max(waitMs, 1))) return;

      await pageOnCall({
        incidentId: input.incidentId,
        tenantId: input.tenantId,
        level,
        severity: state.severity,
        ruleIds: state.ruleIds,
        openedAt: state.openedAt,
      });
      state = incident.recordEscalation(state, level, now());
      log.info('Incident unacknowledged; paged escalation level', {
        incidentId: input.incidentId,
        escalationLevel: level + 1,
      });
    }
  }
}
