import {
  allHandlersFinished,
  condition,
  continueAsNew,
  log,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import { type IncidentState, type IncidentStatus, openIncident, toStatus } from '../src/incidents/incident-state';
import { nextWork } from '../src/incidents/next-work';
import { searchAttributesFor, searchAttributesKey } from '../src/incidents/search-attributes';
import { type IncidentRun, now, registerHandlers } from './incident-handlers';
import { performStep, recordTimeline } from './incident-steps';

export interface HandleIncidentInput {
  incidentId: string;
  tenantId: string;
  /** When to page each escalation level, in ms after the incident opened (or the action was planned), ascending. */
  escalationDelaysMs: number[];
  /** The state a previous run handed over when it continued as new. */
  carried?: IncidentState;
  /** Continue as new past this many history events even before the server suggests it; tests use a small one. */
  historyLimit?: number;
}

/**
 * One run per incident, from its first alert to closure or false positive.
 * Responders act through updates (incident-handlers.ts), which only change
 * the state; this loop then asks src/incidents/next-work.ts what is due
 * (plan or run containment, capture evidence, page someone), does it, and
 * otherwise sleeps until the next page or the next change. Every timeline
 * entry is written to the audit store before the next step.
 *
 * Incidents run for months, so a deployed change must not alter the commands
 * an open run has already issued: such a change goes behind
 * `patched('<what changed>')`, keeping the old path for old runs, and
 * test/workflows/replay.test.ts replays recorded histories against this code
 * to catch one that does not.
 */
export async function handleIncident(input: HandleIncidentInput): Promise<IncidentStatus> {
  const run: IncidentRun = {
    state: input.carried ?? openIncident(input.incidentId, input.tenantId, now()),
    changes: 0,
  };
  registerHandlers(run);
  let published = '';

  for (;;) {
    await recordTimeline(run);
    published = publishSearchAttributes(run.state, input.escalationDelaysMs, published);

    const work = nextWork(run.state, input.escalationDelaysMs, Date.now());
    if (work.kind === 'finish') break;
    if (work.kind !== 'wait') {
      await performStep(run, work);
      continue;
    }

    await waitForChange(run, work.untilMs);
    if (historyIsLong(input)) await handOver(run, input);
  }

  await condition(allHandlersFinished);
  await recordTimeline(run);
  log.info('Incident ended', { incidentId: run.state.incidentId, phase: run.state.phase });

  return toStatus(run.state);
}

function historyIsLong(input: HandleIncidentInput): boolean {
  const info = workflowInfo();
  return info.continueAsNewSuggested || (input.historyLimit !== undefined && info.historyLength >= input.historyLimit);
}

async function waitForChange(run: IncidentRun, untilMs: number | undefined): Promise<void> {
  const seen = run.changes;
  if (untilMs === undefined) await condition(() => run.changes !== seen);
  else await condition(() => run.changes !== seen, Math.max(untilMs - Date.now(), 1));
}

/** Upserts the search attributes when they changed since `published`; returns what is published now. */
function publishSearchAttributes(state: IncidentState, delaysMs: readonly number[], published: string): string {
  const attributes = searchAttributesFor(state, delaysMs);
  const key = searchAttributesKey(attributes);
  if (key !== published) upsertSearchAttributes(attributes);
  return key;
}

/**
 * Continues as new with the state, once no handler is running: a long
 * incident's history would otherwise grow past Temporal's limits. Timers are
 * absolute times in the state, so nothing is lost in the hand-over.
 */
async function handOver(run: IncidentRun, input: HandleIncidentInput): Promise<never> {
  await condition(allHandlersFinished);
  await recordTimeline(run);
  log.info('Incident continues as new', {
    incidentId: run.state.incidentId,
    historyLength: workflowInfo().historyLength,
  });
  return continueAsNew<(input: HandleIncidentInput) => Promise<IncidentStatus>>({ ...input, carried: run.state });
}
