import PQueue from 'p-queue';
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

export type ProviderLimiters = Record<Channel, ProviderLimiter>;

const REFILL_MS = 100;
const REFILLS_PER_SECOND = 1000 / REFILL_MS;

/** A provider's allowance in force: sends go through `schedule`, which starts each when the rate and concurrency allow. */
export interface ProviderLimiter {
  schedule<T>(send: () => Promise<T>): Promise<T>;
  /** Refuses new sends and drops waiting ones (they reject); sends already started finish. */
  stop(): Promise<void>;
}

export class LimiterStoppedError extends Error {
  constructor() {
    super('The provider limiter was stopped before this send started');
    this.name = 'LimiterStoppedError';
  }
}

/**
 * On p-queue: rates of ten a second or less space sends evenly; higher ones
 * refill an allowance every 100 ms. (Bottleneck, used before, yields to a
 * timer on every job under a lock, which capped one worker near 400 sends
 * a second whatever the allowance.)
 */
export function createLimiter(limit: ProviderLimit): ProviderLimiter {
  const spaced = limit.perSecond <= REFILLS_PER_SECOND;
  const queue = new PQueue({
    concurrency: limit.concurrency,
    interval: spaced ? Math.ceil(1000 / limit.perSecond) : REFILL_MS,
    intervalCap: spaced ? 1 : Math.floor(limit.perSecond / REFILLS_PER_SECOND),
  });
  const waiting = new Set<(error: Error) => void>();
  let stopped = false;

  return {
    schedule<T>(send: () => Promise<T>): Promise<T> {
      if (stopped) return Promise.reject(new LimiterStoppedError());
      return new Promise<T>((resolve, reject) => {
        waiting.add(reject);
        queue
          .add(async () => {
            waiting.delete(reject);
            return send();
          })
          .then(resolve, reject);
      });
    },
    async stop() {
      stopped = true;
      queue.clear();
      for (const reject of waiting) reject(new LimiterStoppedError());
      waiting.clear();
      await queue.onIdle();
    },
  };
}

export function createProviderLimiters(limits: ProviderLimits): ProviderLimiters {
  return { mail: createLimiter(limits.mail), email: createLimiter(limits.email), sms: createLimiter(limits.sms) };
}

export async function stopProviderLimiters(limiters: ProviderLimiters): Promise<void> {
  await Promise.all(Object.values(limiters).map((limiter) => limiter.stop()));
}
