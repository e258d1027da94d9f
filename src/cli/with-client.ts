import type { Client } from '@temporalio/client';
import { loadConfig } from '../config/load-config';
import type { Config } from '../config/schema';
import { connectClient } from '../temporal/connection';

/** Thrown when no Temporal server answers at the address a command would use. */
export class TemporalUnreachableError extends Error {
  constructor(
    readonly address: string,
    hint: string,
    cause: unknown,
  ) {
    super(`No Temporal server answers at ${address}: ${hint}`, { cause });
    this.name = 'TemporalUnreachableError';
  }
}

/** Runs `work` with a client of the configured server (TEMPORAL_ADDRESS, or the local dev server's port). */
export async function withClient<T>(work: (client: Client, config: Readonly<Config>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const address = config.temporal.address ?? `127.0.0.1:${config.temporal.devServerPort}`;
  const client = await connectClient(config, address).catch((error: unknown) => {
    const hint = config.temporal.address
      ? 'is TEMPORAL_ADDRESS right?'
      : 'start it with `npm run dev`, or set TEMPORAL_ADDRESS';
    throw new TemporalUnreachableError(address, hint, error);
  });
  try {
    return await work(client, config);
  } finally {
    await client.connection.close();
  }
}
