import { createHash } from 'node:crypto';
import PQueue from 'p-queue';
import type { Database } from '../store/database';
import { type AlertRow, type CompiledQuery, compileRule, newEventsOf } from './compile-rule';
import type { FieldMapping } from './field-mapping';
import { ruleKey, type Rule, type SigmaLevel } from './sigma-rule';
import type { SweepScope } from './sweep-scope';

/**
 * Runs every alerting rule over one sweep and returns what fired: one
 * match per rule, tenant, group and window that holds an event new in
 * this sweep. A window that fired in an earlier sweep and gains events
 * fires again with the same dedup key, so its new events join the same
 * incident; an event itself is new in exactly one sweep.
 */

export interface RuleMatch {
  ruleId: string;
  ruleTitle: string;
  level: SigmaLevel;
  tenantId: string;
  /** Group-by field → value; for a plain detection rule, `{ user_id }`. */
  group: Record<string, string | null>;
  /** The tumbling window, start inclusive, end exclusive (ISO 8601, UTC). */
  window: { start: string; end: string };
  firstEventAt: string;
  lastEventAt: string;
  /** Distinct events in the window that took part (for a chained correlation, the event at which each inner one fired). */
  eventCount: number;
  /** Of those, the ones new in this sweep. */
  newEventCount: number;
  /** The first MAX_LISTED of them in time order. */
  eventIds: string[];
  maxSeq: number;
  /** Distinct values among the events, each list capped at MAX_LISTED. */
  subject: { userIds: string[]; ipAddresses: string[]; patientIds: string[] };
  /** sha256 over rule id, tenant, group values and window start: the same in every sweep and re-run. */
  dedupKey: string;
}

export interface RuleSet {
  rules: readonly Rule[];
  mapping: FieldMapping;
}

/**
 * On PostgreSQL two rules run at a time, each on its own connection: most
 * of a rule's time is one backend sorting or hashing, so a second backend
 * uses the other core. PGlite has one connection and runs them in turn.
 * The statements that read history start first: they are the longest, and
 * started last they would leave one core idle while the other finishes.
 */
const CONCURRENT_RULES = { postgres: 2, pglite: 1 } as const;

export async function evaluateRules(db: Database, ruleSet: RuleSet, scope: SweepScope = {}): Promise<RuleMatch[]> {
  const newEvents = await newEventsOf(db, scope);
  if (newEvents === null) return [];

  const compiled = ruleSet.rules
    .filter((candidate) => candidate.alerts)
    .map((rule) => ({ rule, query: compileRule(rule, ruleSet.mapping, scope, newEvents) }));
  const longestFirst = [...compiled].sort((a, b) => Number(b.query.readsHistory) - Number(a.query.readsHistory));

  const queue = new PQueue({ concurrency: CONCURRENT_RULES[db.backend] });
  const running = new Map(
    longestFirst.map((entry) => [entry, queue.add(() => runCompiled(db, entry.rule, ruleSet.mapping, entry.query))]),
  );
  // Returned in the rule set's order, whatever order they ran in.
  const perRule = await Promise.all(compiled.map((entry) => running.get(entry) ?? Promise.resolve([])));

  return perRule.flat();
}

export async function evaluateRule(
  db: Database,
  rule: Rule,
  mapping: FieldMapping,
  scope: SweepScope = {},
): Promise<RuleMatch[]> {
  const newEvents = await newEventsOf(db, scope);
  return newEvents === null ? [] : runCompiled(db, rule, mapping, compileRule(rule, mapping, scope, newEvents));
}

/**
 * How every rule statement runs, set for its transaction alone:
 *
 * - No JIT: PostgreSQL compiles these statements (their estimated cost is
 *   high) for about a second each, more than it saves on them.
 * - Room to sort and hash a sweep's events in memory.
 * - No nested loops or merge joins. The statements join sets of events,
 *   never single rows, and the statistics they are planned from are often
 *   stale (right after a bulk ingest, and always on PGlite, which has no
 *   autovacuum). Trusting them, the planner picked nested loops that ran
 *   for minutes, and merge joins that sorted a million rows to join a few.
 */
export const RULE_SETTINGS = [
  'SET LOCAL jit = off',
  "SET LOCAL work_mem = '256MB'",
  'SET LOCAL enable_nestloop = off',
  'SET LOCAL enable_mergejoin = off',
  'SET LOCAL max_parallel_workers_per_gather = 0',
];

async function runCompiled(
  db: Database,
  rule: Rule,
  mapping: FieldMapping,
  { sql, params }: CompiledQuery,
): Promise<RuleMatch[]> {
  const { rows } = await db.transaction(async (tx) => {
    for (const setting of RULE_SETTINGS) await tx.query(setting);
    return tx.query<AlertRow>(sql, params);
  });

  return rows.map((row) => toMatch(rule, mapping, row));
}

function toMatch(rule: Rule, mapping: FieldMapping, row: AlertRow): RuleMatch {
  const names = rule.kind === 'correlation' ? rule.groupBy : ['user_id'];
  const span = rule.kind === 'correlation' ? rule.timespanSeconds : mapping.alertWindowSeconds;
  const start = Number(row.window_start);
  const windowStart = new Date(start * 1000).toISOString();

  return {
    ruleId: ruleKey(rule),
    ruleTitle: rule.title,
    level: rule.level,
    tenantId: row.tenant_id,
    group: Object.fromEntries(names.map((name, index) => [name, row.group_values[index] ?? null])),
    window: { start: windowStart, end: new Date((start + span) * 1000).toISOString() },
    firstEventAt: row.first_at,
    lastEventAt: row.last_at,
    eventCount: Number(row.event_count),
    newEventCount: Number(row.new_event_count),
    eventIds: row.event_ids,
    maxSeq: Number(row.max_seq),
    subject: { userIds: row.user_ids ?? [], ipAddresses: row.ip_addresses ?? [], patientIds: row.patient_ids ?? [] },
    dedupKey: dedupKey(ruleKey(rule), row.tenant_id, row.group_values, windowStart),
  };
}

export function dedupKey(
  ruleId: string,
  tenantId: string,
  group: readonly (string | null)[],
  windowStart: string,
): string {
  return createHash('sha256')
    .update(JSON.stringify([ruleId, tenantId, group, windowStart]))
    .digest('hex');
}
