import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config/schema';
import { type Database, openPglite, openPostgres } from './database';
import { migrate } from './migrate';

/** The configured store, migrated to the newest schema: PostgreSQL at DATABASE_URL, else PGlite in the data folder. */
export async function openStore(config: Readonly<Config>): Promise<Database> {
  if (!config.database.url) mkdirSync(config.dataDir, { recursive: true });
  const db = config.database.url ? openPostgres(config.database.url) : await openPglite(join(config.dataDir, 'pglite'));
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
