import { Command, InvalidArgumentError } from 'commander';
import { ConfigError, loadConfig } from '../config/load-config';
import type { Config } from '../config/schema';
import { createLogger } from '../logging/logger';
import { startPrmSimulator } from '../prm-simulator/server';
import { openStore } from '../store/open-store';

/** Where the simulator listens when neither --port nor PRM_ADMIN_URL says otherwise. */
const DEFAULT_PORT = 7480;

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError('must be a port number');
  return port;
}

/** The port of the configured admin API URL, so the worker and the simulator agree without flags. */
function configuredPort(config: Readonly<Config>): number {
  const url = config.containment.adminApiUrl;
  if (!url) return DEFAULT_PORT;
  const { port, protocol } = new URL(url);
  return port ? Number(port) : protocol === 'https:' ? 443 : 80;
}

function untilStopped(): Promise<void> {
  return new Promise((stopped) => {
    process.once('SIGINT', () => stopped());
    process.once('SIGTERM', () => stopped());
  });
}

/**
 * Runs the PRM admin API simulator against the configured audit store until
 * Ctrl-C. With the embedded store (PGlite) it holds the data folder, so no
 * other breachline command can use that store meanwhile; with PostgreSQL both
 * can run side by side.
 */
async function runPrmSimulator(options: { port?: number }): Promise<void> {
  const config = loadConfig();
  const secret = config.containment.signingSecret;
  if (!secret) {
    const setting = 'containment.signingSecret (PRM_SIGNING_SECRET)';
    throw new ConfigError([{ setting, problem: 'required to run the simulator' }]);
  }
  const logger = createLogger({ level: config.logLevel });

  const db = await openStore(config);
  try {
    const simulator = await startPrmSimulator({ secret, db, port: options.port ?? configuredPort(config), logger });
    logger.info({ url: simulator.url }, 'PRM admin API simulator listening; press Ctrl-C to stop');
    await untilStopped();
    await simulator.stop();
  } finally {
    await db.close();
  }
  logger.info('PRM simulator stopped; its suspensions and blocks are forgotten');
}

export function prmSimulatorCommand(): Command {
  return new Command('prm-simulator')
    .description('Run a simulated PRM admin API that enforces containment and records user traffic in the store')
    .option('--port <port>', 'port to listen on (default: that of PRM_ADMIN_URL, else 7480)', parsePort)
    .action(runPrmSimulator);
}
