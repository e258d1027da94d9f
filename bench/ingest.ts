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
import { checkFileInWorker } from '../src/audit/check-in-worker';
import { ingestChecked } from '../src/audit/ingest';
import { generateAuditTraffic } from '../src/generate';
import { openPostgres } from '../src/store/database';
import { migrate } from '../src/store/migrate';

const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SCHEMA = `bench_ingest_${process.pid}`;
const FILE = join(__dirname, '..', 'data', 'bench', `traffic-${EVENTS}.ndjson`);

async function* lines(count: number): AsyncGenerator<string> {
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

const copyEscape = (value: unknown): string =>
  value === null || value === undefined
    ? '\\N'
    : String(value).replace(/[\\\t\n\r]/g, (c) => `\\${c === '\t' ? 't' : c === '\n' ? 'n' : c === '\r' ? 'r' : '\\'}`);

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
  const db = openPostgres(URL, { searchPath: SCHEMA });
  await migrate(db);
  const started = performance.now();
  const report = await ingestChecked(db, checkFileInWorker({ path: FILE }));
  const seconds = (performance.now() - started) / 1000;
  await db.close();
  if (report.stored !== EVENTS) throw new Error('ingest stored the wrong number of events');
  return seconds;
}

async function main(): Promise<void> {
  await ensureInput();
  const admin = openPostgres(URL);
  await admin.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE; CREATE SCHEMA ${SCHEMA}`);
  try {
    const raw = await rawCopy();
    const ingest = await breachlineIngest();
    const rate = (seconds: number): string => `${Math.round(EVENTS / seconds).toLocaleString('en-US')} events/s`;
    console.log(`raw COPY into a bare table: ${raw.toFixed(2)} s, ${rate(raw)}`);
    console.log(`breachline ingest:          ${ingest.toFixed(2)} s, ${rate(ingest)}`);
    console.log(`ratio (ingest / raw COPY):  ${(raw / ingest).toFixed(2)}`);
  } finally {
    await admin.exec(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`);
    await admin.close();
  }
}

void main();
