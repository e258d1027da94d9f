import type { Random } from './random';
import type { Step } from './steps';

/**
 * Lays groups of steps out in a time span. Steps within a group (one visit
 * to a chart) follow each other seconds apart; the idle time left over is
 * split between groups by exponential weights, so a day has the bursts and
 * lulls of real work rather than a metronome.
 */

export interface Placed {
  at: number;
  step: Step;
}

/** Seconds between clicks inside one chart. */
const CLICK_GAP_MS: readonly [number, number] = [3_000, 35_000];

/** Busy time never fills more than this share of the span, so there is always some idle time to spread. */
const MAX_BUSY_SHARE = 0.8;

export function layOut(groups: readonly (readonly Step[])[], from: number, to: number, random: Random): Placed[] {
  const gaps = groups.map((group) => group.map((_, i) => (i === 0 ? 0 : random.between(...CLICK_GAP_MS))));
  const busy = gaps.flat().reduce((sum, gap) => sum + gap, 0);
  const span = Math.max(0, to - from);
  const scale = busy > span * MAX_BUSY_SHARE ? (span * MAX_BUSY_SHARE) / busy : 1;
  // One weight more than there are groups: the idle stretch after the last group.
  const weights = [...groups.map(() => random.exponential(1)), random.exponential(1)];
  const idle = (span - busy * scale) / weights.reduce((sum, weight) => sum + weight, 0);

  const placed: Placed[] = [];
  let cursor = from;
  groups.forEach((group, g) => {
    cursor += (weights[g] ?? 0) * idle;
    group.forEach((step, i) => {
      cursor += (gaps[g]?.[i] ?? 0) * scale;
      placed.push({ at: Math.round(cursor), step });
    });
  });

  return placed;
}
