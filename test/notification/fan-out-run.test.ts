import { describe, expect, it } from 'vitest';
import {
  carryOver,
  completeBatch,
  firstCarry,
  progressOf,
  requeueBatch,
  startRun,
  takeNextBatch,
} from '../../src/notification/fan-out-run';
import { emptyTally, type FanOutTally } from '../../src/notification/progress';

function tally(individuals: number, emailsSent: number): FanOutTally {
  const result = emptyTally();
  result.individuals = individuals;
  result.channels.email.sent = emailsSent;
  return result;
}

describe('fan-out bookkeeping', () => {
  it('advances the cursor only over batches done in order, holding one finished early until the gap closes', () => {
    const run = startRun('inc-1', 'pop-1', 10, firstCarry(25));
    const starts = [takeNextBatch(run), takeNextBatch(run), takeNextBatch(run), takeNextBatch(run)];
    expect(starts).toEqual([0, 10, 20, undefined]);

    completeBatch(run, 10, { tally: tally(10, 10), attempt: 1 });
    expect(run.cursor).toBe(0);
    expect(progressOf(run)).toMatchObject({ sent: 10, queued: 15, batchesInFlight: 2 });

    completeBatch(run, 0, { tally: tally(10, 9), attempt: 3 });
    expect(run.cursor).toBe(20);
    completeBatch(run, 20, { tally: tally(5, 5), attempt: 1 });
    expect(progressOf(run)).toMatchObject({ cursor: 25, queued: 0, sent: 24, batchRetries: 2, batchesInFlight: 0 });
  });

  it('runs a batch cancelled by a pause again before any new one', () => {
    const run = startRun('inc-1', 'pop-1', 10, firstCarry(40));
    takeNextBatch(run);
    takeNextBatch(run);
    requeueBatch(run, 10);
    requeueBatch(run, 0);

    expect([takeNextBatch(run), takeNextBatch(run), takeNextBatch(run)]).toEqual([0, 10, 20]);
  });

  it('carries the cursor and the counts below it into the next run, and a batch done above it is run again', () => {
    const run = startRun('inc-1', 'pop-1', 10, firstCarry(30));
    takeNextBatch(run);
    takeNextBatch(run);
    completeBatch(run, 10, { tally: tally(10, 10), attempt: 1 });
    completeBatch(run, 0, { tally: tally(10, 10), attempt: 1 });
    takeNextBatch(run);

    const carried = carryOver(run);
    expect(carried).toMatchObject({ cursor: 20, generation: 1, total: 30 });
    expect(carried.tally.individuals).toBe(20);

    const next = startRun('inc-1', 'pop-1', 10, carried);
    expect(takeNextBatch(next)).toBe(20);
  });
});
