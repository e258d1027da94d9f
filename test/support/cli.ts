import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

export const BIN = join(__dirname, '..', '..', 'bin', 'breachline.js');

export interface RunningCli {
  child: ChildProcess;
  output: () => string;
  /** Resolves with the first output line that matches, or rejects when the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  exit(): Promise<number | null>;
}

/** Runs `breachline ARGS` as a user would, collecting stdout and stderr together. */
export function runCli(args: string[], env: NodeJS.ProcessEnv): RunningCli {
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, stdio: 'pipe' });
  let text = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer): void => {
    text += chunk.toString();
    for (const listener of listeners) listener();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = once(child, 'exit').then(([code]) => code as number | null);

  return {
    child,
    output: () => text,
    exit: () => exited,
    waitFor(pattern, timeoutMs = 90_000) {
      return new Promise((resolve, reject) => {
        const check = (): void => {
          const line = text.split('\n').find((candidate) => pattern.test(candidate));
          if (line !== undefined) finish(() => resolve(line));
        };
        const finish = (settle: () => void): void => {
          clearTimeout(timer);
          listeners.delete(check);
          settle();
        };
        const timer = setTimeout(
          () => finish(() => reject(new Error(`timed out waiting for ${pattern}\n${text}`))),
          timeoutMs,
        );
        listeners.add(check);
        void exited.then((code) => finish(() => reject(new Error(`exited with ${code} before ${pattern}\n${text}`))));
        check();
      });
    },
  };
}
