/**
 * Detection latency, as issue 4 defines it: from an ingest call returning to
 * the incident workflow having started and completed its first activity
 * (recordTimelineEntry). Each alert is one break-glass read by a user seen
 * nowhere else, so it fires exactly one rule (prm-break-glass-access; a user
 * with no history trips none of the baseline rules) and opens an incident of
 * its own, whose id follows from the dedup key the sweep will compute.
 *
 * The end time is the ActivityTaskCompleted event's time in the incident's
 * history, written by the server, not the moment a poll saw it; the dev
 * server runs on this machine, so both clocks are the same clock. Alerts run
 * one after another, each after the previous one's incident has its first
 * activity done, so each sweep holds one new event.
 */
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import { tsToMs } from '@temporalio/common/lib/time';
import { ingest } from '../src/audit/ingest';
import { wakeSweeper } from '../src/client/detection';
import { incidentIdFor } from '../src/client/incident-id';
import { dedupKey } from '../src/detection/evaluate-rules';
import { loadFieldMapping } from '../src/detection/field-mapping';
import type { DetectStack } from './detect-stack';

const TENANT = 'bench-detect';
const RULE_ID = 'prm-break-glass-access';
const POLL_INTERVAL_MS = 20;
/** Far above the 1 s target: an alert this late means the pipeline is stuck, not slow. */
const ALERT_TIMEOUT_MS = 30_000;

/** Thrown when an alert's incident has no completed activity within ALERT_TIMEOUT_MS. */
export class AlertTimeoutError extends Error {
  constructor(
    readonly alertNumber: number,
    readonly incidentId: string,
  ) {
    super(`alert ${alertNumber}: incident ${incidentId} ran no activity within ${ALERT_TIMEOUT_MS} ms`);
    this.name = 'AlertTimeoutError';
  }
}

/** Wall-clock milliseconds with sub-millisecond resolution, comparable with the server's event times. */
const nowMs = (): number => performance.timeOrigin + performance.now();

function breakGlassRead(userId: string, occurredAt: Date): Record<string, unknown> {
  return {
    id: randomUUID(),
    occurred_at: occurredAt.toISOString(),
    tenant_id: TENANT,
    user_id: userId,
    ip_address: '10.41.0.7',
    user_agent: 'PRM-Web/5.2',
    action: 'read',
    resource_type: 'Patient',
    resource_id: 'pat-000001',
    patient_id: 'pat-000001',
    phi_accessed: true,
    outcome: 'success',
    details: { screen: 'chart-summary', break_glass: true, reason: 'emergency' },
  };
}

/** The incident a lone break-glass event opens: the rule's dedup key over user and epoch-aligned window. */
function incidentFor(userId: string, occurredAt: Date, windowSeconds: number): string {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(occurredAt.getTime() / windowMs) * windowMs).toISOString();

  return incidentIdFor(TENANT, dedupKey(RULE_ID, TENANT, [userId], windowStart));
}

/** When the workflow's first activity completed, by its history; undefined while it has none (or no workflow). */
async function firstActivityCompletedAt(client: Client, workflowId: string): Promise<number | undefined> {
  const handle = client.workflow.getHandle(workflowId);
  try {
    // Fetching the history of a workflow not started yet fails with a bare gRPC
    // error; describe() turns that case into WorkflowNotFoundError.
    await handle.describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw error;
  }
  const history = await handle.fetchHistory();
  const completed = history.events?.find((event) => event.activityTaskCompletedEventAttributes);

  return completed?.eventTime ? tsToMs(completed.eventTime) : undefined;
}

async function waitForFirstActivity(client: Client, alertNumber: number, incidentId: string): Promise<number> {
  const deadline = nowMs() + ALERT_TIMEOUT_MS;
  for (;;) {
    const completedAt = await firstActivityCompletedAt(client, incidentId);
    if (completedAt !== undefined) return completedAt;
    if (nowMs() > deadline) throw new AlertTimeoutError(alertNumber, incidentId);
    await sleep(POLL_INTERVAL_MS);
  }
}

/** One alert end to end; returns its latency in ms. */
async function measureAlert(stack: DetectStack, alertNumber: number, windowSeconds: number): Promise<number> {
  const userId = `bench-user-${process.pid}-${alertNumber}`;
  const occurredAt = new Date();
  await ingest(stack.store, [breakGlassRead(userId, occurredAt)]);
  const ingested = nowMs();
  await wakeSweeper(stack.client, stack.config);
  const completedAt = await waitForFirstActivity(
    stack.client,
    alertNumber,
    incidentFor(userId, occurredAt, windowSeconds),
  );

  return completedAt - ingested;
}

export interface LatencyOptions {
  alerts: number;
  /** Alerts run first and not counted: the first sweeps and workflow tasks pay for cold caches and JIT. */
  warmUp: number;
}

/** Latencies in ms of `options.alerts` alerts, in the order they ran. */
export async function measureLatencies(stack: DetectStack, options: LatencyOptions): Promise<number[]> {
  const { alertWindowSeconds } = loadFieldMapping();
  const latencies: number[] = [];
  for (let n = 0; n < options.warmUp + options.alerts; n += 1) {
    const latency = await measureAlert(stack, n, alertWindowSeconds);
    if (n >= options.warmUp) latencies.push(latency);
  }

  return latencies;
}
