import { Client, Connection } from '@temporalio/client';
import type { Config } from '../config/schema';
import { createDataConverter } from './data-converter';

/** A client that encrypts every payload it sends, for the configured namespace. */
export async function connectClient(config: Readonly<Config>, address: string): Promise<Client> {
  const connection = await Connection.connect({ address });
  return new Client({
    connection,
    namespace: config.temporal.namespace,
    dataConverter: createDataConverter(config.encryption),
  });
}
