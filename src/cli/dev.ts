import { loadConfig } from '../config/load-config';
import { createLogger } from '../logging/logger';
import { startLocalStack } from './stack';

/**
 * The whole stack in the foreground. Ctrl-C (or SIGTERM) reaches the Temporal
 * runtime's signal handler, which shuts the worker down; the stack then stops
 * the mail sink and the dev server.
 */
export async function runDev(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });
  if (config.mode === 'development') logger.warn('Development mode: built-in keys and contacts; never use real PHI');

  const stack = await startLocalStack(config, logger, { allowDevServer: true, serveApi: true });
  logger.info(
    {
      temporal: stack.address,
      ui: stack.uiUrl,
      api: stack.apiUrl,
      outbox: stack.outboxDir,
      temporalCli: stack.temporalCli,
    },
    'breachline is running; press Ctrl-C to stop',
  );

  await stack.running;
  logger.info('Stopped');
}
