import { describe, expect, it } from 'vitest';
import { createLimiter } from '../../src/notification/fan-out/provider-limits';

/** Starts `count` jobs through a limiter and answers when each started, in ms from the first call. */
async function startTimes(perSecond: number, concurrency: number, count: number): Promise<number[]> {
  const limiter = createLimiter({ perSecond, concurrency });
  const begun = performance.now();
  const times = await Promise.all(
    Array.from({ length: count }, () => limiter.schedule(() => Promise.resolve(performance.now() - begun))),
  );
  await limiter.stop();
  return times.sort((a, b) => a - b);
}

describe('provider limiters', () => {
  // Lower bounds only: a loaded machine can only make the limiter look slower, never faster.
  it('starts no more sends than the rate allows above ten a second (refilled every 100 ms)', async () => {
    const times = await startTimes(40, 10, 44);

    expect(times.at(-1)).toBeGreaterThanOrEqual(950);
  });

  it('spaces sends evenly at ten a second or less', async () => {
    const times = await startTimes(5, 5, 6);

    expect(times.at(-1)).toBeGreaterThanOrEqual(950);
    for (let index = 1; index < times.length; index += 1) {
      expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeGreaterThanOrEqual(180);
    }
  });

  it('keeps no more sends in flight than the concurrency', async () => {
    const limiter = createLimiter({ perSecond: 10_000, concurrency: 3 });
    let running = 0;
    let most = 0;
    const job = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running -= 1;
    };

    await Promise.all(Array.from({ length: 30 }, () => limiter.schedule(job)));

    expect(most).toBe(3);
  });
});
