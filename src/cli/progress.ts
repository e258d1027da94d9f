import { SingleBar } from 'cli-progress';

export interface Progress {
  update(count: number): void;
  stop(): void;
}

/** A live count with a rate on a terminal's stderr; silent when stderr is not a terminal (CI, pipes). */
export function progress(label: string, total?: number): Progress {
  if (!process.stderr.isTTY) return { update: () => undefined, stop: () => undefined };

  const format = total
    ? `${label} [{bar}] {percentage}% | {value}/{total} | {rate}/s | eta {eta}s`
    : `${label} {value} records | {rate}/s`;
  const bar = new SingleBar({ format, stream: process.stderr, hideCursor: true, fps: 5 });
  const started = Date.now();
  bar.start(total ?? 0, 0, { rate: 0 });

  return {
    update(count) {
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(count, { rate: Math.round(count / seconds) });
    },
    stop: () => bar.stop(),
  };
}
