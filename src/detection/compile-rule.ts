import { CompileContext } from './compile-context';
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

export function compileRule(rule: Rule, mapping: FieldMapping, scope: SweepScope = {}): CompiledQuery {
  const params = new SqlParams();
  const ctx = new CompileContext(params, mapping, new ScopeSql(scope, params));
  const start = ctx.cte(
    'sweep_start',
    `SELECT min(a.occurred_at) AS lo FROM audit_events a WHERE ${ctx.scope.fresh('a')}`,
  );
  const earliestNew = `(SELECT lo FROM ${start})`;

  const shape =
    rule.kind === 'detection' ? perUserWindows(rule, earliestNew, ctx) : correlationWindows(rule, earliestNew, ctx);
  const sql = ctx.statement(summarySql(shape, ctx));

  return { sql, params: params.values };
}

interface WindowShape {
  /** CTE of occurrences with tenant_id, g0.., bucket and the base columns. */
  windowed: string;
  /** CTE of the (tenant_id, g.., bucket) keys that meet the condition; absent when every window does. */
  qualifying: string | undefined;
  groups: number;
  spanSeconds: number;
}

function perUserWindows(rule: DetectionRule, earliestNew: string, ctx: CompileContext): WindowShape {
  const span = ctx.mapping.alertWindowSeconds;
  const matches = occurrences(rule, [], ctx.windowStart(earliestNew, span), ctx);
  const windowed = ctx.cte(
    'windows',
    `SELECT o.*, o.user_id AS g0, ${ctx.windowIndex('o.t', span)} AS bucket FROM ${matches} o`,
  );
  return { windowed, qualifying: undefined, groups: 1, spanSeconds: span };
}

function correlationWindows(rule: CorrelationRule, earliestNew: string, ctx: CompileContext): WindowShape {
  const windowed = windows(rule, earliestNew, ctx);
  return {
    windowed,
    qualifying: qualifying(rule, windowed, ctx),
    groups: rule.groupBy.length,
    spanSeconds: rule.timespanSeconds,
  };
}

function summarySql(shape: WindowShape, ctx: CompileContext): string {
  const keys = ['tenant_id', ...Array.from({ length: shape.groups }, (_, g) => `g${g}`), 'bucket'];
  const join = shape.qualifying
    ? ` JOIN ${shape.qualifying} q ON ${keys.map((key) => `q.${key} = w.${key}`).join(' AND ')}`
    : '';
  const events = ctx.cte(
    'alert_events',
    `SELECT DISTINCT ${keys.map((key) => `w.${key}`).join(', ')}, w.id, w.t, w.seq, w.user_id, w.ip, w.patient_id` +
      ` FROM ${shape.windowed} w${join}`,
  );
  const span = ctx.params.add(shape.spanSeconds, 'bigint');
  const utc = (sql: string): string => `to_char(${sql} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
  const listed = (column: string): string =>
    `(array_agg(DISTINCT s.${column}) FILTER (WHERE s.${column} IS NOT NULL))[1:${MAX_LISTED}]`;
  const groupValues = groupColumns('s', shape.groups);

  return [
    `SELECT s.tenant_id, ARRAY[${groupValues.join(', ')}]::text[] AS group_values,`,
    ` (s.bucket * ${span})::bigint AS window_start, count(*)::bigint AS event_count,`,
    ` (count(*) FILTER (WHERE s.seq > ${ctx.scope.afterSeq}))::bigint AS new_event_count, max(s.seq) AS max_seq,`,
    ` (array_agg(s.id ORDER BY s.t, s.seq))[1:${MAX_LISTED}] AS event_ids,`,
    ` ${listed('user_id')} AS user_ids, ${listed('ip')} AS ip_addresses, ${listed('patient_id')} AS patient_ids,`,
    ` ${utc('min(s.t)')} AS first_at, ${utc('max(s.t)')} AS last_at`,
    ` FROM ${events} s GROUP BY ${['s.tenant_id', ...groupValues, 's.bucket'].join(', ')}`,
    ` HAVING max(s.seq) > ${ctx.scope.afterSeq}`,
    ` ORDER BY s.tenant_id, window_start, group_values`,
  ].join('\n');
}
