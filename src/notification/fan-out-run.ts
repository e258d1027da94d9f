import {
  addTallies,
  emptyTally,
  type FanOutTally,
  FanOutPhase,
  type NotificationProgress,
  type PauseRecord,
} from './progress';

/**
 * The bookkeeping of a fan-out as the workflow keeps it: which batches are
 * running, which are done, and the cursor below which every individual is
 * done. Batches are fixed ranges of ordinals (after `start`, up to
 * `batchSize`), so a batch finished out of order is kept until the ones
 * before it finish; only the cursor and the tally below it are carried
 * across continue-as-new, and a batch done above it is simply run again
 * (it finds its notices settled and sends nothing). Pure, and free of Node
 * built-ins: the workflow runs it.
 */

export interface FanOutTuning {
  /** Individuals per batch activity. */
  batchSize: number;
  /** Notices claimed, sent and settled together inside a batch: at most this many in flight unrecorded per batch. */
  chunkSize: number;
  /** Batches running at once. */
  parallelBatches: number;
  /** A batch not heard from for this long is presumed dead (its worker crashed) and run again elsewhere. */
  heartbeatTimeoutMs: number;
  /** The first wait before a failed or timed-out batch is tried again; it doubles up to five minutes. */
  retryInitialMs: number;
}

/**
 * 500 individuals a batch keeps a 100,000-person fan-out at 200 batches
 * (about 1,200 history events); 4 at once keep a pooled relay busy while
 * one batch waits on the store; 50 a chunk bounds what a crash can send
 * twice to 200 notices.
 */
export const DEFAULT_TUNING: FanOutTuning = {
  batchSize: 500,
  chunkSize: 50,
  parallelBatches: 4,
  heartbeatTimeoutMs: 10_000,
  retryInitialMs: 5_000,
};

/** What a run hands to the next when it continues as new. */
export interface CarriedFanOut {
  total: number;
  cursor: number;
  tally: FanOutTally;
  batchRetries: number;
  paused?: PauseRecord;
  generation: number;
}

export interface BatchResult {
  tally: FanOutTally;
  /** The attempt that produced it; attempts past the first were retries. */
  attempt: number;
}

export interface FanOutRun extends CarriedFanOut {
  incidentId: string;
  populationId: string;
  batchSize: number;
  /** The next batch start never launched. */
  nextStart: number;
  /** Batch starts to run again (cancelled by a pause), lowest first. */
  requeued: number[];
  inFlight: Set<number>;
  done: Map<number, FanOutTally>;
  finished: boolean;
}

export function startRun(
  incidentId: string,
  populationId: string,
  batchSize: number,
  carried: CarriedFanOut,
): FanOutRun {
  return {
    ...carried,
    incidentId,
    populationId,
    batchSize,
    nextStart: carried.cursor,
    requeued: [],
    inFlight: new Set(),
    done: new Map(),
    finished: false,
  };
}

export function firstCarry(total: number): CarriedFanOut {
  return { total, cursor: 0, tally: emptyTally(), batchRetries: 0, generation: 0 };
}

const batchEnd = (run: FanOutRun, start: number) => Math.min(start + run.batchSize, run.total);

/** The next batch to launch, marked in flight; undefined when none is left to launch. */
export function takeNextBatch(run: FanOutRun): number | undefined {
  const start = run.requeued.shift() ?? (run.nextStart < run.total ? run.nextStart : undefined);
  if (start === undefined) return undefined;
  if (start === run.nextStart) run.nextStart = batchEnd(run, start);
  run.inFlight.add(start);

  return start;
}

export function completeBatch(run: FanOutRun, start: number, result: BatchResult): void {
  run.inFlight.delete(start);
  run.batchRetries += result.attempt - 1;
  run.done.set(start, result.tally);
  for (let tally = run.done.get(run.cursor); tally; tally = run.done.get(run.cursor)) {
    run.done.delete(run.cursor);
    run.tally = addTallies(run.tally, tally);
    run.cursor = batchEnd(run, run.cursor);
  }
}

/** A batch stopped by a pause: it runs again on resume, before any new one. */
export function requeueBatch(run: FanOutRun, start: number): void {
  run.inFlight.delete(start);
  run.requeued = [...run.requeued, start].sort((a, b) => a - b);
}

export function allSent(run: FanOutRun): boolean {
  return run.cursor >= run.total;
}

export function carryOver(run: FanOutRun): CarriedFanOut {
  const { total, cursor, tally, batchRetries, paused, generation } = run;

  return { total, cursor, tally, batchRetries, ...(paused ? { paused } : {}), generation: generation + 1 };
}

function phaseOf(run: FanOutRun): FanOutPhase {
  if (run.finished) return FanOutPhase.finished;
  return run.paused ? FanOutPhase.paused : FanOutPhase.running;
}

export function progressOf(run: FanOutRun): NotificationProgress {
  const tally = [...run.done.values()].reduce(addTallies, run.tally);
  const channels = Object.values(tally.channels);
  const sum = (pick: (channel: (typeof channels)[number]) => number) => channels.reduce((n, c) => n + pick(c), 0);

  return {
    incidentId: run.incidentId,
    populationId: run.populationId,
    state: phaseOf(run),
    total: run.total,
    cursor: run.cursor,
    queued: run.total - tally.individuals,
    sent: sum((c) => c.sent),
    delivered: sum((c) => c.delivered),
    failed: sum((c) => c.failed),
    fallenBack: tally.fallenBack,
    substituteNotice: tally.substituteNotice,
    noNextOfKinAddress: tally.noNextOfKinAddress,
    channels: tally.channels,
    batchesInFlight: run.inFlight.size,
    batchRetries: run.batchRetries,
    ...(run.paused ? { paused: run.paused } : {}),
    generation: run.generation,
  };
}
