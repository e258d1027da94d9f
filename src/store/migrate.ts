import { join } from 'node:path';
import Postgrator from 'postgrator';
import type { Database } from './database';

const MIGRATIONS = join(__dirname, 'migrations', '*.sql').replaceAll('\\', '/');

/**
 * Brings the schema up to the newest migration (postgrator, plain SQL files
 * in ./migrations). Safe to run at every start: applied versions are
 * recorded in the `schemaversion` table and skipped.
 */
export async function migrate(db: Database): Promise<{ from: number; to: number }> {
  const where = await db.query<{ schema: string; database: string }>(
    'SELECT current_schema() AS schema, current_database() AS database',
  );
  const { schema, database } = where.rows[0] ?? { schema: 'public', database: 'postgres' };
  const postgrator = new Postgrator({
    migrationPattern: MIGRATIONS,
    driver: 'pg',
    database,
    currentSchema: schema,
    execQuery: (sql) => db.query(sql),
    execSqlScript: (script) => db.exec(script),
  });

  const from = await postgrator.getDatabaseVersion();
  const applied = await postgrator.migrate();

  return { from, to: applied.at(-1)?.version ?? from };
}
