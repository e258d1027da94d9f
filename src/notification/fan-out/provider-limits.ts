import Bottleneck from 'bottleneck';
import type { Channel } from '../vocabulary';

/**
 * One limiter per provider, shared by every batch a worker runs, so the
 * configured rate holds however many batches run at once. A rate is per
 * worker process: with several workers on the task queue, divide the
 * provider's allowance among them. Above ten a second the allowance is
 * refilled every 100 ms (never more than the rate in any such window);
 * below, sends are spaced evenly.
 */

export interface ProviderLimit {
  /** Sends started per second at most. */
  perSecond: number;
  /** Sends in flight at once at most (for SMTP, keep it near the pool's connections times a few). */
  concurrency: number;
}

export type ProviderLimits = Record<Channel, ProviderLimit>;

export type ProviderLimiters = Record<Channel, Bottleneck>;

const REFILL_MS = 100;
const REFILLS_PER_SECOND = 1000 / REFILL_MS;

export function createLimiter(limit: ProviderLimit): Bottleneck {
  if (limit.perSecond <= REFILLS_PER_SECOND) {
    return new Bottleneck({ maxConcurrent: limit.concurrency, minTime: Math.ceil(1000 / limit.perSecond) });
  }
  const perRefill = Math.floor(limit.perSecond / REFILLS_PER_SECOND);

  return new Bottleneck({
    maxConcurrent: limit.concurrency,
    reservoir: perRefill,
    reservoirRefreshAmount: perRefill,
    reservoirRefreshInterval: REFILL_MS,
  });
}

export function createProviderLimiters(limits: ProviderLimits): ProviderLimiters {
  return { mail: createLimiter(limits.mail), email: createLimiter(limits.email), sms: createLimiter(limits.sms) };
}

/** Stops the limiters' refill timers, so a worker that shuts down can exit. */
export async function stopProviderLimiters(limiters: ProviderLimiters): Promise<void> {
  await Promise.all(Object.values(limiters).map((limiter) => limiter.stop({ dropWaitingJobs: true })));
}
