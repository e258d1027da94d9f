import { loadConfig } from '../config/load-config';
import { createLogger } from '../logging/logger';
import { startLocalStack } from './stack';

/** A worker alone, for production: the Temporal server and the mail relay are configured, never started. */
export async function runWorker(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel });

  const stack = await startLocalStack(config, logger, { allowDevServer: false });
  await stack.running;
  logger.info('Worker stopped');
}
