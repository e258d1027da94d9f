import { PGlite } from '@electric-sql/pglite';
import { type Database, openPostgres, wrapPglite } from '../../src/store/database';
import { migrate } from '../../src/store/migrate';

export interface TestStore {
  db: Database;
  dispose(): Promise<void>;
}

export interface Backend {
  name: 'pglite' | 'postgres';
  open(): Promise<TestStore>;
}

let schemaCounter = 0;
let pgliteTemplate: Promise<PGlite> | undefined;

/** Starting PGlite and migrating takes seconds; tests clone one migrated instance instead. */
function migratedPglite(): Promise<PGlite> {
  pgliteTemplate ??= PGlite.create().then(async (instance) => {
    await migrate(wrapPglite(instance));
    return instance;
  });
  return pgliteTemplate;
}

async function openPostgresSchema(url: string): Promise<TestStore> {
  schemaCounter += 1;
  const schema = `breachline_test_${process.pid}_${Date.now()}_${schemaCounter}`;
  const admin = openPostgres(url);
  await admin.exec(`CREATE SCHEMA ${schema}`);
  const db = openPostgres(url, { searchPath: schema });
  await migrate(db);

  return {
    db,
    async dispose() {
      await db.close();
      await admin.exec(`DROP SCHEMA ${schema} CASCADE`);
      await admin.close();
    },
  };
}

/** A fresh, migrated embedded store: for tests that need a store but do not test it. */
export async function openPgliteTestStore(): Promise<TestStore> {
  const db = wrapPglite(await (await migratedPglite()).clone());
  return { db, dispose: () => db.close() };
}

/**
 * The backends the store suite runs on: embedded PGlite always, and the
 * PostgreSQL named by DATABASE_URL when it is set (CI sets it), each test in
 * a schema of its own.
 */
export function storeBackends(): Backend[] {
  const backends: Backend[] = [{ name: 'pglite', open: openPgliteTestStore }];
  const url = process.env.DATABASE_URL;
  if (url) backends.push({ name: 'postgres', open: () => openPostgresSchema(url) });
  return backends;
}
