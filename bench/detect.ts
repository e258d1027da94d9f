/**
 * `npm run bench:detect`: the two detection figures issue 4 asks for.
 *
 * (a) Detection latency on a dev server of its own: from an ingest call
 *     returning to the incident workflow having run its first activity,
 *     p50/p95/p99 over BENCH_ALERTS alerts (detect-latency.ts says how).
 * (b) The full PRM rule pack swept over BENCH_EVENTS stored events on
 *     PostgreSQL, beside one sequential scan of the same table
 *     (detect-sweep.ts says how).
 *
 * Percentiles are nearest-rank: p95 of 200 is the 190th smallest. DATABASE_URL
 * names the server (default: the local PostgreSQL's `test` database); each
 * half works in a scratch schema that is dropped after.
 */
import { measureLatencies } from './detect-latency';
import { startDetectStack } from './detect-stack';
import { measureSweep, type SweepFigures } from './detect-sweep';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 200);
const WARM_UP = Number(process.env.BENCH_WARM_UP ?? 5);
const EVENTS = Number(process.env.BENCH_EVENTS ?? 1_000_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 2);
const DATABASE_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Acceptance targets from issue 4. */
const LATENCY_P95_TARGET_MS = 1_000;
const SWEEP_TARGET_SECONDS = 5;

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

const verdict = (met: boolean): string => (met ? 'met' : 'NOT met');
const list = (times: readonly number[], digits = 2): string => times.map((s) => s.toFixed(digits)).join(', ');

async function latencyHalf(): Promise<void> {
  const started = performance.now();
  const stack = await startDetectStack(DATABASE_URL);
  let latencies: number[];
  try {
    latencies = await measureLatencies(stack, { alerts: ALERTS, warmUp: WARM_UP });
  } finally {
    await stack.stop();
  }

  const sorted = [...latencies].sort((a, b) => a - b);
  const [p50, p95, p99] = [50, 95, 99].map((p) => percentile(sorted, p)) as [number, number, number];
  const mean = latencies.reduce((sum, ms) => sum + ms, 0) / latencies.length;
  console.log(`(a) detection latency, ingest returned → incident's first activity completed (dev server)`);
  console.log(`    ${latencies.length} alerts one at a time, after ${WARM_UP} not counted`);
  console.log(`    p50 ${p50.toFixed(0)} ms, p95 ${p95.toFixed(0)} ms, p99 ${p99.toFixed(0)} ms`);
  console.log(
    `    min ${(sorted[0] ?? 0).toFixed(0)} ms, mean ${mean.toFixed(0)} ms, max ${(sorted.at(-1) ?? 0).toFixed(0)} ms`,
  );
  console.log(`    target p95 < ${LATENCY_P95_TARGET_MS} ms: ${verdict(p95 < LATENCY_P95_TARGET_MS)}`);
  console.log(`    (${((performance.now() - started) / 1000).toFixed(1)} s with start-up)`);
}

function printSweep(figures: SweepFigures): void {
  const scan = Math.min(...figures.scans);
  const sweep = Math.min(...figures.sweeps);
  const { afterSeq, uptoSeq, timeZone } = figures.scope;
  console.log(`(b) full-pack sweep over ${EVENTS.toLocaleString('en-US')} stored events (PostgreSQL)`);
  console.log(`    loaded by breachline ingest in ${figures.loadSeconds.toFixed(1)} s, then VACUUM (ANALYZE)`);
  console.log(
    `    ${figures.alertingRules} alerting rules, scope afterSeq ${afterSeq} uptoSeq ${uptoSeq}, zone ${timeZone}`,
  );
  console.log(`    sequential scan, count(*) with index scans off (${figures.scanPlan})`);
  console.log(`      runs ${list(figures.scans, 3)} s after one warm-up; best ${scan.toFixed(3)} s`);
  console.log(`    full-pack sweep (evaluateRules): runs ${list(figures.sweeps)} s; best ${sweep.toFixed(2)} s`);
  console.log(`      ${figures.alerts} alerts; ratio to the sequential scan ${(sweep / scan).toFixed(1)}`);
  console.log(`    target < ${SWEEP_TARGET_SECONDS} s: ${verdict(sweep < SWEEP_TARGET_SECONDS)}`);
  console.log('    per rule (evaluateRule, one run each, slowest first):');
  const width = Math.max(...figures.perRule.map((rule) => rule.ruleId.length));
  for (const rule of [...figures.perRule].sort((a, b) => b.seconds - a.seconds)) {
    const share = ((rule.seconds / figures.perRule.reduce((sum, r) => sum + r.seconds, 0)) * 100).toFixed(0);
    console.log(
      `      ${rule.ruleId.padEnd(width)}  ${rule.seconds.toFixed(2).padStart(6)} s  ${share.padStart(3)}%  ${rule.alerts} alerts`,
    );
  }
}

async function sweepHalf(): Promise<void> {
  printSweep(await measureSweep({ databaseUrl: DATABASE_URL, events: EVENTS, runs: RUNS }));
}

/** BENCH_PARTS picks halves (`latency`, `sweep`); one that fails is reported and the other still runs. */
async function main(): Promise<void> {
  const started = performance.now();
  const parts = (process.env.BENCH_PARTS ?? 'latency,sweep').split(',');
  const halves = { latency: latencyHalf, sweep: sweepHalf };
  for (const [name, half] of Object.entries(halves).filter(([name]) => parts.includes(name))) {
    try {
      await half();
    } catch (error) {
      console.error(`the ${name} half failed:`, error);
      process.exitCode = 1;
    }
  }

  console.log(`wall time ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

void main();
