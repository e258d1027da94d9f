import { condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { eventsIngestedSignal } from './sweep-messages';

export interface SweepDetectionsInput {
  /** How long to wait for an ingest signal before sweeping anyway, in ms. */
  sweepEveryMs: number;
  /** Continue as new after this many sweeps (history stays small); tests use a small number. */
  sweepsPerRun?: number;
}

/**
 * A sweep is one activity; it retries for as long as the store is down,
 * since a sweep skipped is detection delayed. Heartbeats per tenant let a
 * killed worker's sweep be retried within a minute.
 */
const { runDetectionSweep } = proxyActivities<Activities>({
  startToCloseTimeout: '10 minutes',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** About 10 events a sweep (signal, timer, activity): 500 sweeps stay far below Temporal's history limits. */
const DEFAULT_SWEEPS_PER_RUN = 500;

/**
 * The detection sweeper: one workflow for the namespace that sweeps new
 * audit events whenever ingest signals it and at least every `sweepEveryMs`.
 * The watermarks live in the store, not here, so a new run (continue-as-new,
 * or a fresh start after termination) carries on where the last sweep ended.
 */
export async function sweepDetections(input: SweepDetectionsInput): Promise<void> {
  let woken = false;
  setHandler(eventsIngestedSignal, () => {
    woken = true;
  });

  const sweeps = input.sweepsPerRun ?? DEFAULT_SWEEPS_PER_RUN;
  for (let done = 0; done < sweeps && !workflowInfo().continueAsNewSuggested; done += 1) {
    woken = false;
    const report = await runDetectionSweep();
    if (report.more) continue;
    await condition(() => woken, input.sweepEveryMs);
  }

  await continueAsNew<typeof sweepDetections>(input);
}
