import { PGlite, type PGliteInterface, types as pgliteTypes } from '@electric-sql/pglite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import lockfile from 'proper-lockfile';
import { from as copyFrom } from 'pg-copy-streams';
import type { TypeId } from 'pg-types';

/**
 * One query interface over the two backends: PostgreSQL through `pg` when
 * DATABASE_URL is set, otherwise PGlite (PostgreSQL compiled to WebAssembly)
 * in the data folder. Both run the same SQL. Results are normalised the same
 * way: bigints come back as numbers when they fit, dates as strings so the
 * process time zone can never shift them.
 */

export interface QueryResult<Row> {
  rows: Row[];
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /**
   * Streams rows in PostgreSQL's COPY text format into `COPY ... FROM STDIN`.
   * Only the PostgreSQL backend has it; PGlite callers use multi-row INSERTs.
   */
  copyFrom?(sql: string, data: string | Buffer): Promise<void>;
}

export interface Database extends Queryable {
  readonly backend: 'postgres' | 'pglite';
  /** Runs several statements separated by semicolons (migrations). */
  exec(sql: string): Promise<void>;
  /** Runs `work` in one transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** A lock not refreshed for this long belongs to a process that died; the next opener takes it over. */
const LOCK_STALE_MS = 30_000;

function parseBigint(text: string): number | bigint {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : BigInt(text);
}

function keepText(text: string): string {
  return text;
}

async function runOn<Row>(client: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]): Promise<QueryResult<Row>> {
  const result = await client.query(sql, params);
  return { rows: result.rows as Row[] };
}

function typeParser(oid: TypeId, format?: 'text' | 'binary'): (text: string) => unknown {
  if (oid === pg.types.builtins.INT8) return parseBigint;
  if (oid === pg.types.builtins.DATE) return keepText;
  return pg.types.getTypeParser(oid, format) as (text: string) => unknown;
}

export function openPostgres(connectionString: string, options: { searchPath?: string } = {}): Database {
  const pool = new pg.Pool({
    connectionString,
    ...(options.searchPath ? { options: `-c search_path=${options.searchPath}` } : {}),
    types: { getTypeParser: typeParser as typeof pg.types.getTypeParser },
  });

  return {
    backend: 'postgres',
    query: (sql, params) => runOn(pool, sql, params),
    exec: async (sql) => {
      await pool.query(sql);
    },
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: Queryable = {
          query: (sql, params) => runOn(client, sql, params),
          copyFrom: (sql, data) => pipeline(Readable.from([data]), client.query(copyFrom(sql))),
        };
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const pgliteParsers = { [pgliteTypes.INT8]: parseBigint, [pgliteTypes.DATE]: keepText };

/** Thrown when another process holds the embedded store; two writers would silently lose each other's data. */
export class StoreLockedError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `Another breachline process is using the embedded store in ${dataDir}. ` +
        'Wait for it to finish, or use PostgreSQL (DATABASE_URL) for concurrent access.',
    );
    this.name = 'StoreLockedError';
  }
}

/**
 * PGlite in `dataDir`, or in memory when it is absent. A PGlite folder has a
 * single owner: each process keeps its own copy of the database in memory and
 * writes it back, so a second process would overwrite the first one's
 * writes. A lock file (kept fresh while open, taken over once stale after a
 * crash) makes the second opener fail instead.
 */
export async function openPglite(dataDir?: string): Promise<Database> {
  if (dataDir === undefined) return wrapPglite(await PGlite.create());

  const release = await lockfile.lock(dataDir, { realpath: false, stale: LOCK_STALE_MS }).catch((error: unknown) => {
    throw (error as { code?: string }).code === 'ELOCKED' ? new StoreLockedError(dataDir) : error;
  });
  try {
    const db = wrapPglite(await PGlite.create(dataDir));
    return {
      ...db,
      async close() {
        await db.close();
        await release();
      },
    };
  } catch (error) {
    await release();
    throw error;
  }
}

/** A Database over an open PGlite instance (a clone, say); parsers are passed per query, so any instance will do. */
export function wrapPglite(db: PGliteInterface): Database {
  return {
    backend: 'pglite',
    query: (sql, params) => db.query(sql, params, { parsers: pgliteParsers }),
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (work) =>
      db.transaction((tx) => work({ query: (sql, params) => tx.query(sql, params, { parsers: pgliteParsers }) })),
    close: () => db.close(),
  };
}
