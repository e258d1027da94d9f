import type { Client } from '@temporalio/client';
import { loadConfig } from '../config/load-config';
import type { Config } from '../config/schema';
import { connectClient } from '../temporal/connection';

/** Runs `work` with a client of the configured server (TEMPORAL_ADDRESS, or the local dev server's port). */
export async function withClient<T>(work: (client: Client, config: Readonly<Config>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const address = config.temporal.address ?? `127.0.0.1:${config.temporal.devServerPort}`;
  const client = await connectClient(config, address);
  try {
    return await work(client, config);
  } finally {
    await client.connection.close();
  }
}
