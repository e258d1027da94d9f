/**
 * `npm run bench:ingest`: loads 1,000,000 generated audit events into
 * PostgreSQL through breachline's ingest, and in the same run the same rows
 * through two raw COPYs, then prints the rates and the ratios:
 *
 * - into a bare table: the event columns only, no keys, no indexes;
 * - into a keyed table: audit_events' own columns and keys (the unique
 *   (tenant, id) the issue requires and the (tenant, seq) primary key), with
 *   seq counted and the hash columns filled with a constant of the right
 *   length, so the database stores exactly as many bytes and index entries.
 *
 * All paths start from the same NDJSON file and parse it with JSON.parse. The
 * keyed ratio is what breachline itself adds (validation, canonical form,
 * hashing, chaining, duplicate checks); the bare ratio adds the cost of the
 * keys as well.
 *
 * Each is run RUNS times, each time into a fresh table after a CHECKPOINT,
 * and the best time is reported: on a shared two-core machine the spread
 * between runs is wide, and the best run is the one least disturbed.
 *
 * DATABASE_URL names the server (default: the local PostgreSQL's `test`
 * database); everything happens in a scratch schema that is dropped after.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ingestFile } from '../src/audit/ingest-file';
import { generateAuditTraffic } from '../src/generate';
import { openPostgres } from '../src/store/database';
import { migrate } from '../src/store/migrate';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_ingest_${process.pid}`;
const FILE = join(__dirname, '..', 'data', 'bench', `traffic-${EVENTS}.ndjson`);

function* lines(count: number): Generator<string> {
  let written = 0;
  for (const event of generateAuditTraffic({ days: 60, staff: 150, patients: 20_000, seed: 'bench', scenarios: [] })) {
    yield `${JSON.stringify(event)}\n`;
    if (++written === count) return;
  }
  throw new Error(`the generator gave only ${written} events`);
}

async function ensureInput(): Promise<void> {
  if (existsSync(FILE)) return;
  mkdirSync(join(FILE, '..'), { recursive: true });
  const started = Date.now();
  await pipeline(Readable.from(lines(EVENTS)), createWriteStream(FILE));
  console.log(`generated ${EVENTS} events into ${FILE} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** The raw path's own COPY text formatting, kept independent of breachline's. */
const copyEscape = (value: unknown): string => {
  if (value === null || value === undefined) return '\\N';
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.replace(/[\\\t\n\r]/g, (c) => escapes[c] ?? c);
};

const FILLER_HASH = 'f'.repeat(64);

async function* copyRows(keyed: boolean): AsyncGenerator<string> {
  let batch = '';
  let count = 0;
  const receivedAt = new Date().toISOString();
  for await (const line of createInterface({ input: createReadStream(FILE), crlfDelay: Infinity })) {
    const e = JSON.parse(line) as Record<string, unknown>;
    const chainColumns = keyed ? [count + 1, receivedAt, FILLER_HASH, FILLER_HASH] : [];
    batch += `${[
      ...chainColumns,
      e.tenant_id,
      e.id,
      e.occurred_at,
      e.user_id,
      e.ip_address,
      e.user_agent,
      e.action,
      e.resource_type,
      e.resource_id,
      e.patient_id,
      e.phi_accessed,
      e.outcome,
      JSON.stringify(e.details ?? {}),
    ]
      .map(copyEscape)
      .join('\t')}\n`;
    if (++count % 5_000 === 0) {
      yield batch;
      batch = '';
    }
  }
  if (batch) yield batch;
}

const CHAIN_COLUMNS = `seq bigint NOT NULL, received_at timestamptz NOT NULL, prev_hash text NOT NULL,
  hash text NOT NULL,`;
const EVENT_COLUMNS = `tenant_id text COLLATE "C", id uuid, occurred_at timestamptz, user_id text, ip_address inet,
  user_agent text, action text, resource_type text, resource_id text, patient_id text, phi_accessed boolean,
  outcome text, details jsonb`;

/**
 * The keyed table gives every row its own seq under one tenant-wide counter;
 * unique per tenant either way, which is all the primary key asks.
 */
async function rawCopy(keyed: boolean): Promise<number> {
  const table = keyed ? 'keyed' : 'bare';
  const client = new pg.Client({ connectionString: URL, options: `-c search_path=${SCHEMA}` });
  await client.connect();
  await client.query(`DROP TABLE IF EXISTS ${table}`);
  await client.query('CHECKPOINT');
  await client.query(
    keyed
      ? `CREATE TABLE keyed (${CHAIN_COLUMNS} ${EVENT_COLUMNS}, PRIMARY KEY (tenant_id, seq), UNIQUE (tenant_id, id))`
      : `CREATE TABLE bare (${EVENT_COLUMNS})`,
  );
  const started = performance.now();
  await pipeline(Readable.from(copyRows(keyed)), client.query(copyFrom(`COPY ${table} FROM STDIN`)));
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
  await client.end();
  if (Number(rows[0]?.n) !== EVENTS) throw new Error('raw COPY stored the wrong number of rows');
  return seconds;
}

async function breachlineIngest(): Promise<number> {
  const admin = openPostgres(URL);
  await admin.exec(`DROP SCHEMA IF EXISTS ${SCHEMA}_store CASCADE; CREATE SCHEMA ${SCHEMA}_store; CHECKPOINT`);
  await admin.close();
  const db = openPostgres(URL, { searchPath: `${SCHEMA}_store` });
  await migrate(db);
  const started = performance.now();
  const report = await ingestFile(db, FILE);
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  if (report.stored !== EVENTS) throw new Error('ingest stored the wrong number of events');
  return seconds;
}

/** Reads the input once so neither path pays for the disk: both then read it from the page cache. */
async function warmUp(): Promise<number> {
  let bytes = 0;
  for await (const block of createReadStream(FILE, { highWaterMark: 1 << 22 })) bytes += (block as Buffer).length;
  return bytes;
}

async function main(): Promise<void> {
  await ensureInput();
  await warmUp();
  const admin = openPostgres(URL);
  await admin.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  try {
    const bares: number[] = [];
    const keyeds: number[] = [];
    const ingests: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      bares.push(await rawCopy(false));
      keyeds.push(await rawCopy(true));
      ingests.push(await breachlineIngest());
    }
    const [bare, keyed, ingest] = [bares, keyeds, ingests].map((times) => Math.min(...times)) as [
      number,
      number,
      number,
    ];
    const list = (times: number[]): string => times.map((s) => s.toFixed(2)).join(', ');
    console.log(`runs: bare COPY ${list(bares)} s; keyed COPY ${list(keyeds)} s; ingest ${list(ingests)} s`);
    const rate = (seconds: number): string => `${Math.round(EVENTS / seconds).toLocaleString('en-US')} events/s`;
    console.log(`raw COPY into a bare table:  ${bare.toFixed(2)} s, ${rate(bare)}`);
    console.log(`raw COPY into a keyed table: ${keyed.toFixed(2)} s, ${rate(keyed)}`);
    console.log(`breachline ingest:           ${ingest.toFixed(2)} s, ${rate(ingest)}`);
    console.log(`ratio to keyed raw COPY:     ${(keyed / ingest).toFixed(2)}`);
    console.log(`ratio to bare raw COPY:      ${(bare / ingest).toFixed(2)}`);
  } finally {
    await admin.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; DROP SCHEMA IF EXISTS ${SCHEMA}_store CASCADE`);
    await admin.close();
  }
}

void main();
