import type { Queryable } from '../store/database';
import { CompileContext, type Instant } from './compile-context';
import { groupColumns, occurrences, qualifying, windows } from './compile-occurrences';
import type { FieldMapping } from './field-mapping';
import type { CorrelationRule, DetectionRule, Rule } from './sigma-rule';
import { SqlParams } from './sql-params';
import { ScopeSql, type SweepScope } from './sweep-scope';

/**
 * One statement per alerting rule that returns its alerts for a sweep:
 * one row per (tenant, group, window) that meets the rule and holds at
 * least one event new in this sweep (seq > afterSeq). A plain detection
 * rule groups its matches by user in windows of the mapping's
 * `alertWindow`; a correlation by its own group-by and timespan. Windows
 * are tumbling and epoch-aligned (compile-occurrences.ts says why).
 *
 * Only the sweep's own events, plus the earlier events that share a window
 * with them, are read: every part of the statement starts at the window
 * holding the earliest new event.
 */

export interface CompiledQuery {
  sql: string;
  params: unknown[];
  /** Whether the statement reads users' history (derived fields): such statements take the longest by far. */
  readsHistory: boolean;
}

/** The row shape the statement returns; see evaluate-rules.ts for what each becomes. */
export interface AlertRow {
  tenant_id: string;
  group_values: (string | null)[];
  /** bigint columns: node-postgres returns them as strings. */
  window_start: string | number;
  event_count: string | number;
  new_event_count: string | number;
  max_seq: string | number;
  event_ids: string[];
  user_ids: string[] | null;
  ip_addresses: string[] | null;
  patient_ids: string[] | null;
  first_at: string;
  last_at: string;
}

/** Event ids and subject values listed per alert; the counts are always complete. */
export const MAX_LISTED = 100;

/** When the sweep's new events occurred: the earliest and the latest occurred_at among them, in canonical UTC. */
export interface NewEvents {
  earliest: string;
  latest: string;
}

/**
 * `newEvents` (newEventsOf finds it) is found once per sweep rather than
 * in every statement. As values its bounds let the planner see how much of
 * the table a statement reads (all of it for a first sweep, a sliver
 * after), and the compiler choose how to read users' history.
 */
export function compileRule(rule: Rule, mapping: FieldMapping, scope: SweepScope, newEvents: NewEvents): CompiledQuery {
  const params = new SqlParams();
  const spanMs = Date.parse(newEvents.latest) - Date.parse(newEvents.earliest);
  const ctx = new CompileContext(params, mapping, new ScopeSql(scope, params), spanMs);
  const from = ctx.instant(newEvents.earliest);

  const shape = rule.kind === 'detection' ? perUserWindows(rule, from, ctx) : correlationWindows(rule, from, ctx);
  const sql = ctx.statement(summarySql(shape, ctx));

  return { sql, params: params.values, readsHistory: ctx.has('history') };
}

/** When the scope's new events occurred; null when there are none. */
export async function newEventsOf(db: Queryable, scope: SweepScope): Promise<NewEvents | null> {
  const params = new SqlParams();
  const fresh = new ScopeSql(scope, params).fresh('a');
  const utc = (sql: string): string => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const { rows } = await db.query<{ earliest: string | null; latest: string | null }>(
    `SELECT ${utc('min(a.occurred_at)')} AS earliest, ${utc('max(a.occurred_at)')} AS latest` +
      ` FROM audit_events a WHERE ${fresh}`,
    params.values,
  );
  const { earliest, latest } = rows[0] ?? {};

  return earliest && latest ? { earliest, latest } : null;
}

interface WindowShape {
  /** CTE of occurrences with tenant_id, g0.., bucket and the base columns. */
  windowed: string;
  /** CTE of the (tenant_id, g.., bucket) keys that meet the condition; absent when every window does. */
  qualifying: string | undefined;
  groups: number;
  spanSeconds: number;
}

function perUserWindows(rule: DetectionRule, earliestNew: Instant, ctx: CompileContext): WindowShape {
  const span = ctx.mapping.alertWindowSeconds;
  const matches = occurrences(rule, [], ctx.windowStart(earliestNew, span), ctx);
  const windowed = ctx.cte(
    'windows',
    `SELECT o.*, o.user_id AS g0, ${ctx.windowIndex('o.t', span)} AS bucket FROM ${matches} o`,
  );
  return { windowed, qualifying: undefined, groups: 1, spanSeconds: span };
}

function correlationWindows(rule: CorrelationRule, earliestNew: Instant, ctx: CompileContext): WindowShape {
  const windowed = windows(rule, earliestNew, ctx);
  return {
    windowed,
    qualifying: qualifying(rule, windowed, ctx),
    groups: rule.groupBy.length,
    spanSeconds: rule.timespanSeconds,
  };
}

/**
 * Occurrences carry only tenant, seq, time and user; an alert's listed
 * ids, users, addresses and patients are read from its own events by
 * (tenant_id, seq), through the primary key, once the alerts are known.
 */
function summarySql(shape: WindowShape, ctx: CompileContext): string {
  const keys = ['tenant_id', ...Array.from({ length: shape.groups }, (_, g) => `g${g}`), 'bucket'];
  const join = shape.qualifying
    ? ` JOIN ${shape.qualifying} q ON ${keys.map((key) => `q.${key} = w.${key}`).join(' AND ')}`
    : '';
  const events = ctx.cte(
    'alert_events',
    `SELECT DISTINCT ${keys.map((key) => `w.${key}`).join(', ')}, w.t, w.seq FROM ${shape.windowed} w${join}`,
  );
  const groupValues = groupColumns('s', shape.groups);
  const alerts = ctx.cte(
    'alerts',
    [
      `SELECT s.tenant_id, ARRAY[${groupValues.join(', ')}]::text[] AS group_values, s.bucket,`,
      ` count(*)::bigint AS event_count, (count(*) FILTER (WHERE s.seq > ${ctx.scope.afterSeq}))::bigint AS new_event_count,`,
      ` max(s.seq) AS max_seq, array_agg(s.seq ORDER BY s.t, s.seq) AS seqs, min(s.t) AS first_t, max(s.t) AS last_t`,
      ` FROM ${events} s GROUP BY ${['s.tenant_id', ...groupValues, 's.bucket'].join(', ')}`,
      ` HAVING max(s.seq) > ${ctx.scope.afterSeq}`,
    ].join('\n'),
  );

  const span = ctx.params.add(shape.spanSeconds, 'bigint');
  const utc = (sql: string): string => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const ofEvents = (select: string, seqs: string): string =>
    `(SELECT ${select} FROM audit_events e WHERE e.tenant_id = a.tenant_id AND e.seq = ANY(${seqs}))`;
  const listed = (column: string): string =>
    ofEvents(`(array_agg(DISTINCT ${column}) FILTER (WHERE ${column} IS NOT NULL))[1:${MAX_LISTED}]`, 'a.seqs');

  return [
    `SELECT a.tenant_id, a.group_values, (a.bucket * ${span})::bigint AS window_start, a.event_count,`,
    ` a.new_event_count, a.max_seq,`,
    ` ${ofEvents('array_agg(e.id::text ORDER BY e.occurred_at, e.seq)', `a.seqs[1:${MAX_LISTED}]`)} AS event_ids,`,
    ` ${listed('e.user_id')} AS user_ids, ${listed('host(e.ip_address)')} AS ip_addresses,`,
    ` ${listed('e.patient_id')} AS patient_ids, ${utc('a.first_t')} AS first_at, ${utc('a.last_t')} AS last_at`,
    ` FROM ${alerts} a ORDER BY a.tenant_id, window_start, a.group_values`,
  ].join('\n');
}
