import { Runtime } from '@temporalio/worker';
import type { Logger } from '../logging/logger';
import { PinoTemporalLogger } from '../logging/temporal-logger';

let installed = false;

/**
 * Routes the Temporal runtime's logs (SDK and Rust core alike) through our
 * redacting logger. Must run before the first worker or native connection is
 * created, because the runtime is a process-wide singleton.
 */
export function installTemporalRuntime(logger: Logger): void {
  if (installed) return;
  Runtime.install({
    logger: new PinoTemporalLogger(logger.child({ component: 'temporal' })),
    telemetryOptions: { logging: { filter: { core: 'WARN', other: 'WARN' }, forward: {} } },
  });
  installed = true;
}
