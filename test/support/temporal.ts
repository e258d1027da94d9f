import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import type { WorkflowBundle } from '@temporalio/worker';
import type { EncryptionKeyring } from '../../src/temporal/encryption-codec';
import { createLogger, type Logger } from '../../src/logging/logger';
import { installTemporalRuntime } from '../../src/temporal/runtime';
import { bundleWorkflows } from '../../src/worker/bundle-workflows';

let bundle: Promise<WorkflowBundle> | undefined;

/** The workflow bundle, built once per test process: webpack takes seconds. */
export function workflowBundle(): Promise<WorkflowBundle> {
  bundle ??= bundleWorkflows(memoryLogger('warn').logger);
  return bundle;
}

/** A fresh random keyring, as production would have: nothing in a test relies on the development key. */
export function randomKeyring(id = 'test-1'): EncryptionKeyring {
  return { keys: new Map([[id, randomBytes(32)]]), currentKeyId: id };
}

/** A logger that keeps its JSON lines in memory, for tests that read what was logged. */
export function memoryLogger(level: 'debug' | 'info' | 'warn' = 'warn'): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(...chunk.toString().split('\n').filter(Boolean));
      done();
    },
  });
  return { logger: createLogger({ level, destination }), lines };
}

/** Installs the runtime with a quiet logger, so SDK chatter does not flood test output. */
export function installQuietRuntime(): void {
  installTemporalRuntime(memoryLogger('warn').logger);
}

let counter = 0;

/** A task queue or workflow id no other test uses. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${counter}`;
}
