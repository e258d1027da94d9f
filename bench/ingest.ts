/**
 * `npm run bench:ingest`: loads 1,000,000 generated audit events into
 * PostgreSQL through breachline's ingest, and in the same run the same rows
 * through a raw COPY into a bare table (no constraints, no indexes, no
 * validation, no hashing), then prints both rates and their ratio.
 *
 * Both paths start from the same NDJSON file and parse it with JSON.parse, so
 * the difference is what breachline adds: validation, canonical form, the
 * hash chain, duplicate checks, and the table's two indexes.
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

async function* copyRows(): AsyncGenerator<string> {
  let batch = '';
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(FILE), crlfDelay: Infinity })) {
    const e = JSON.parse(line) as Record<string, unknown>;
    batch += `${[
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

async function rawCopy(): Promise<number> {
  const client = new pg.Client({ connectionString: URL, options: `-c search_path=${SCHEMA}` });
  await client.connect();
  await client.query('DROP TABLE IF EXISTS bare');
  await client.query('CHECKPOINT');
  await client.query(`CREATE TABLE bare (tenant_id text, id uuid, occurred_at timestamptz, user_id text,
    ip_address inet, user_agent text, action text, resource_type text, resource_id text, patient_id text,
    phi_accessed boolean, outcome text, details jsonb)`);
  const started = performance.now();
  await pipeline(Readable.from(copyRows()), client.query(copyFrom('COPY bare FROM STDIN')));
  const seconds = (performance.now() - started) / 1000;
  const { rows } = await client.query<{ n: string }>('SELECT count(*) AS n FROM bare');
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
    const raws: number[] = [];
    const ingests: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      raws.push(await rawCopy());
      ingests.push(await breachlineIngest());
    }
    const raw = Math.min(...raws);
    const ingest = Math.min(...ingests);
    console.log(
      `runs: raw COPY ${raws.map((s) => s.toFixed(2)).join(', ')} s; ingest ${ingests.map((s) => s.toFixed(2)).join(', ')} s`,
    );
    const rate = (seconds: number): string => `${Math.round(EVENTS / seconds).toLocaleString('en-US')} events/s`;
    console.log(`raw COPY into a bare table: ${raw.toFixed(2)} s, ${rate(raw)}`);
    console.log(`breachline ingest:          ${ingest.toFixed(2)} s, ${rate(ingest)}`);
    console.log(`ratio (ingest / raw COPY):  ${(raw / ingest).toFixed(2)}`);
  } finally {
    await admin.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; DROP SCHEMA IF EXISTS ${SCHEMA}_store CASCADE`);
    await admin.close();
  }
}

void main();
