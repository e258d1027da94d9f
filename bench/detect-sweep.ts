/**
 * The sweep half of `npm run bench:detect`: 1,000,000 generated events are
 * stored through breachline's ingest in a scratch PostgreSQL schema, then
 * the whole PRM rule pack is evaluated over all of them as one sweep would
 * (afterSeq 0, uptoSeq the head), beside a plain sequential scan of the same
 * table in the same run.
 *
 * After the load the table is vacuumed and analysed, as autovacuum would do
 * soon after a bulk insert in production, so the planner has statistics and
 * the first timed query does not pay for setting hint bits. The scan is run
 * once to warm the cache, then timed RUNS times; the sweep is timed RUNS
 * times; the best of each is reported (a shared machine's spread is wide).
 * Then each rule is timed once on its own, so a slow rule is visible.
 */
import { createWriteStream, existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { ingestFile } from '../src/audit/ingest-file';
import { evaluateRule, evaluateRules, type RuleSet } from '../src/detection/evaluate-rules';
import { loadFieldMapping } from '../src/detection/field-mapping';
import { loadRules } from '../src/detection/load-rules';
import { formatProblem } from '../src/detection/rule-problem';
import { ruleKey } from '../src/detection/sigma-rule';
import { DEFAULT_RULES_DIR } from '../src/detection/sweep/rule-pack';
import type { SweepScope } from '../src/detection/sweep-scope';
import { generateAuditTraffic, type GenerateOptionsInput, resolveOptions } from '../src/generate';
import { type Database, openPostgres } from '../src/store/database';
import { migrate } from '../src/store/migrate';

/** The same traffic as bench/ingest.ts, so the two benches share one input file. */
const TRAFFIC: GenerateOptionsInput = { days: 60, staff: 150, patients: 20_000, seed: 'bench', scenarios: [] };

export interface SweepOptions {
  databaseUrl: string;
  events: number;
  runs: number;
}

export interface RuleTiming {
  ruleId: string;
  seconds: number;
  alerts: number;
}

export interface SweepFigures {
  loadSeconds: number;
  alertingRules: number;
  timeZone: string;
  scope: SweepScope;
  scanPlan: string;
  scans: number[];
  sweeps: number[];
  alerts: number;
  perRule: RuleTiming[];
}

const seconds = (since: number): number => (performance.now() - since) / 1000;

function* lines(count: number): Generator<string> {
  let written = 0;
  for (const event of generateAuditTraffic(TRAFFIC)) {
    yield `${JSON.stringify(event)}\n`;
    if (++written === count) return;
  }
  throw new Error(`the generator gave only ${written} events`);
}

/** Generates the input unless it is there; written under a temporary name first, so a half file is never reused. */
async function ensureInput(events: number): Promise<string> {
  const file = join(__dirname, '..', 'data', 'bench', `traffic-${events}.ndjson`);
  if (existsSync(file)) return file;
  mkdirSync(join(file, '..'), { recursive: true });
  const started = performance.now();
  const partial = `${file}.${process.pid}.partial`;
  await pipeline(Readable.from(lines(events)), createWriteStream(partial));
  renameSync(partial, file);
  console.log(`generated ${events} events into ${file} in ${seconds(started).toFixed(1)} s`);

  return file;
}

async function loadEvents(db: Database, file: string, events: number): Promise<number> {
  await migrate(db);
  const started = performance.now();
  const report = await ingestFile(db, file);
  if (report.stored !== events) throw new Error(`ingest stored ${report.stored} events, not ${events}`);
  const loaded = seconds(started);
  await db.exec('VACUUM (ANALYZE) audit_events');

  return loaded;
}

async function loadRuleSet(): Promise<RuleSet> {
  const loaded = await loadRules(DEFAULT_RULES_DIR, loadFieldMapping());
  if (loaded.problems.length > 0)
    throw new Error(`rule pack problems:\n${loaded.problems.map(formatProblem).join('\n')}`);

  return { rules: loaded.rules, mapping: loaded.mapping };
}

/** Index scans of every kind off for this one transaction: what is left is the sequential scan. */
const SEQUENTIAL_ONLY = ['enable_indexscan', 'enable_bitmapscan', 'enable_indexonlyscan'].map(
  (setting) => `SET LOCAL ${setting} = off`,
);

async function sequentialScan(db: Database, explain = false): Promise<{ seconds: number; plan: string }> {
  return db.transaction(async (tx) => {
    for (const statement of SEQUENTIAL_ONLY) await tx.query(statement);
    const sql = 'SELECT count(*) AS n FROM audit_events';
    const started = performance.now();
    const { rows } = await tx.query<{ n: number; 'QUERY PLAN'?: string }>(explain ? `EXPLAIN ${sql}` : sql);
    const took = seconds(started);
    const plan = rows.map((row) => row['QUERY PLAN'] ?? '').filter((line) => /Scan/.test(line));

    return {
      seconds: took,
      plan: plan
        .map((line) =>
          line
            .replace(/\s+\(cost.*$/, '')
            .replace(/^\s*->\s*/, '')
            .trim(),
        )
        .join('; '),
    };
  });
}

async function timeSweep(db: Database, ruleSet: RuleSet, scope: SweepScope): Promise<[number, number]> {
  const started = performance.now();
  const matches = await evaluateRules(db, ruleSet, scope);

  return [seconds(started), matches.length];
}

async function timeEachRule(db: Database, ruleSet: RuleSet, scope: SweepScope): Promise<RuleTiming[]> {
  const timings: RuleTiming[] = [];
  for (const rule of ruleSet.rules.filter((candidate) => candidate.alerts)) {
    const started = performance.now();
    const matches = await evaluateRule(db, rule, ruleSet.mapping, scope);
    timings.push({ ruleId: ruleKey(rule), seconds: seconds(started), alerts: matches.length });
  }

  return timings;
}

async function headSeq(db: Database): Promise<number> {
  const { rows } = await db.query<{ head: number }>('SELECT max(seq) AS head FROM audit_chain_heads');

  return rows[0]?.head ?? 0;
}

async function measure(db: Database, file: string, options: SweepOptions): Promise<SweepFigures> {
  const loadSeconds = await loadEvents(db, file, options.events);
  const ruleSet = await loadRuleSet();
  const { timeZone } = resolveOptions(TRAFFIC);
  const scope: SweepScope = { afterSeq: 0, uptoSeq: await headSeq(db), timeZone };

  const scanPlan = (await sequentialScan(db, true)).plan;
  await sequentialScan(db);
  const scans: number[] = [];
  for (let run = 0; run < options.runs; run += 1) scans.push((await sequentialScan(db)).seconds);
  const sweeps: number[] = [];
  let alerts = 0;
  for (let run = 0; run < options.runs; run += 1) {
    const [took, found] = await timeSweep(db, ruleSet, scope);
    sweeps.push(took);
    alerts = found;
  }
  const perRule = await timeEachRule(db, ruleSet, scope);
  const alertingRules = ruleSet.rules.filter((rule) => rule.alerts).length;

  return { loadSeconds, alertingRules, timeZone, scope, scanPlan, scans, sweeps, alerts, perRule };
}

/** Loads the events into a scratch schema, takes the figures, and drops the schema. */
export async function measureSweep(options: SweepOptions): Promise<SweepFigures> {
  const file = await ensureInput(options.events);
  const schema = `bench_detect_${process.pid}_sweep`;
  const admin = openPostgres(options.databaseUrl);
  await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE; CREATE SCHEMA ${schema}`);
  const db = openPostgres(options.databaseUrl, { searchPath: schema });
  try {
    return await measure(db, file, options);
  } finally {
    await db.close();
    await admin.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.close();
  }
}
