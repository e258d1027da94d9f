import { setTimeout as sleep } from 'node:timers/promises';
import { classifySendError, failureCode } from '../../messaging/classify-send-error';
import { DeliveryStatus } from '../delivery-status';
import type { DeliveryKey, DeliveryOutcome } from './delivery-store';
import type { ProviderLimiter } from './provider-limits';

/**
 * One notice through its provider's limiter, with a couple of quick retries
 * for blips (a dropped pooled connection, a 421). A failure that outlasts
 * them is left `retrying`: the batch then fails as a whole and Temporal
 * retries it with a longer backoff (see notifyAffectedIndividuals), and that
 * attempt sends only what is still unsettled. A permanent failure is
 * settled `failed` at once: repeating it would only be refused again.
 */

export interface QuickRetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Wait before the second attempt; each later wait is four times the one before. */
  firstDelayMs: number;
}

/** Two quick retries, 250 ms then 1 s apart: long enough for a pool to reconnect, short against a batch. */
export const QUICK_RETRIES: QuickRetryPolicy = { attempts: 3, firstDelayMs: 250 };

export async function attemptDelivery(
  key: DeliveryKey,
  limiter: ProviderLimiter,
  send: () => Promise<string>,
  policy: QuickRetryPolicy = QUICK_RETRIES,
): Promise<DeliveryOutcome> {
  let delayMs = policy.firstDelayMs;
  for (let attempt = 1; ; attempt += 1) {
    try {
      const providerId = await limiter.schedule(send);
      return { ...key, status: DeliveryStatus.sent, providerId };
    } catch (error) {
      const failure = classifySendError(error);
      if (failure.permanent) return { ...key, status: DeliveryStatus.failed, errorCode: failureCode(failure) };
      if (attempt >= policy.attempts)
        return { ...key, status: DeliveryStatus.retrying, errorCode: failureCode(failure) };
      await sleep(delayMs);
      delayMs *= 4;
    }
  }
}
