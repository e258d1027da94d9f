import type { CompileContext, Instant } from './compile-context';
import { compileDetection, partsRead, UncheckedRuleError } from './compile-detection';
import { numberOf, textOf } from './compile-match';
import { derivedSource } from './derived-fields';
import {
  type CorrelationRule,
  CorrelationType,
  type CountCondition,
  type DetectionRule,
  isLowerBound,
  type Rule,
} from './sigma-rule';

/**
 * Occurrences: the rows a correlation counts. A detection rule occurs once
 * per matching event. A correlation occurs once per window and group, at
 * the event that first made its condition true (its conditions are
 * lower bounds only when it is referred to, so that moment is final).
 * Every occurrence relation has the same columns: tenant_id, t (instant),
 * seq, user_id, then f0..fn for the fields asked for. They stay this
 * narrow on purpose: a sweep may carry a million occurrences through its
 * windows, and the few that end up in an alert are looked up by seq for
 * the rest (compile-rule.ts).
 *
 * Windows are tumbling and aligned to the Unix epoch: a 10m correlation
 * counts 10:00-10:10, 10:10-10:20, ... (UTC; a 1d window is a UTC day).
 * That choice makes a window's start, and so an alert's dedup key, the
 * same in every sweep and every re-run, however the events were split
 * between sweeps. The price, which Sigma's spec names for backends with
 * static boundaries: a burst that straddles a boundary is split in two
 * and may reach the threshold in neither. Pick a timespan about twice the
 * burst you want to catch.
 */

export interface FieldRequest {
  /** The field as the referred rule names it (after aliases). */
  name: string;
  numeric: boolean;
}

const BASE_COLUMNS = 'tenant_id, t, seq, user_id';

export function occurrences(
  rule: Rule,
  request: readonly FieldRequest[],
  lowerBound: Instant,
  ctx: CompileContext,
): string {
  return rule.kind === 'detection'
    ? detectionOccurrences(rule, request, lowerBound, ctx)
    : correlationOccurrences(rule, request, lowerBound, ctx);
}

function detectionOccurrences(
  rule: DetectionRule,
  request: readonly FieldRequest[],
  lowerBound: Instant,
  ctx: CompileContext,
): string {
  const { predicate, derived, reads } = compileDetection(rule, ctx.mapping, ctx.params);
  const fields = request.map((field, index) => {
    const target = ctx.mapping.fields.get(field.name);
    if (!target || target.kind === 'derived') throw new UncheckedRuleError(`field '${field.name}' cannot be grouped`);
    for (const part of partsRead(target)) reads.add(part);
    return `, ${field.numeric ? numberOf(target, ctx.params) : textOf(target, ctx.params)} AS f${index}`;
  });
  const source =
    derived.length > 0 ? derivedSource({ fields: derived, reads, predicate }, lowerBound, ctx).name : 'audit_events';

  return ctx.cte(
    'matches',
    `SELECT e.tenant_id, e.occurred_at AS t, e.seq, e.user_id${fields.join('')} FROM ${source} e` +
      ` WHERE ${ctx.scope.candidate('e')} AND e.occurred_at >= ${lowerBound.sql} AND ${predicate}`,
  );
}

function correlationOccurrences(
  rule: CorrelationRule,
  request: readonly FieldRequest[],
  lowerBound: Instant,
  ctx: CompileContext,
): string {
  const windowed = windows(rule, lowerBound, ctx);
  const fields = request.map((field, index) => {
    const position = rule.groupBy.indexOf(field.name);
    if (position < 0 || field.numeric) throw new UncheckedRuleError(`'${field.name}' is not a group of ${rule.title}`);
    return `, w.g${position} AS f${index}`;
  });
  const firing =
    rule.type === CorrelationType.temporalOrdered ? orderedChain(rule, windowed, ctx) : crossing(rule, windowed, ctx);

  return ctx.cte('fired', `SELECT ${prefixed('w', BASE_COLUMNS)}${fields.join('')} FROM ${firing} w`);
}

/**
 * The referred rules' occurrences, side by side with the index of the rule
 * (`r`), the group-by values (g0..), the value field (`v`) and the window
 * index (`bucket`). Occurrences lacking a group-by value are left out:
 * they cannot be said to share a group with anything.
 */
export function windows(rule: CorrelationRule, lowerBound: Instant, ctx: CompileContext): string {
  const from = ctx.windowStart(lowerBound, rule.timespanSeconds);
  const numeric = rule.type === CorrelationType.valueSum || rule.type === CorrelationType.valueAvg;
  const parts = rule.rules.map((referred, index) => {
    const request = rule.groupBy.map((group) => ({ name: fieldFor(rule, referred, group), numeric: false }));
    if (rule.valueField !== undefined) request.push({ name: rule.valueField, numeric });
    const source = occurrences(referred, request, from, ctx);
    const groups = rule.groupBy.map((_, g) => `, o.f${g} AS g${g}`).join('');
    const value = rule.valueField !== undefined ? `o.f${rule.groupBy.length}` : 'NULL::text';
    return `SELECT ${index} AS r, ${prefixed('o', BASE_COLUMNS)}${groups}, ${value} AS v FROM ${source} o`;
  });
  const present = rule.groupBy.map((_, g) => `u.g${g} IS NOT NULL`);

  return ctx.cte(
    'windows',
    `SELECT u.*, ${ctx.windowIndex('u.t', rule.timespanSeconds)} AS bucket FROM (${parts.join(' UNION ALL ')}) u` +
      (present.length > 0 ? ` WHERE ${present.join(' AND ')}` : ''),
  );
}

/** The field of `referred` that stands for the correlation's group-by field `group`. */
function fieldFor(rule: CorrelationRule, referred: Rule, group: string): string {
  const alias = referred.name === undefined ? undefined : rule.aliases.get(group)?.get(referred.name);
  return alias ?? group;
}

/**
 * Windows (tenant_id, g.., bucket) whose occurrences meet the condition.
 * A count of distinct things is taken over (window, thing) pairs made
 * distinct first: both steps hash, where count(DISTINCT ...) sorts every
 * occurrence.
 */
export function qualifying(rule: CorrelationRule, windowed: string, ctx: CompileContext): string {
  const keys = windowKeys('w', rule);
  if (rule.type === CorrelationType.temporalOrdered) {
    return ctx.cte('qualifying', `SELECT ${windowKeys('c', rule)} FROM ${orderedChain(rule, windowed, ctx)} c`);
  }
  const counted = distinctKey(rule);
  if (counted !== undefined) {
    const test = conditionSql('count(w.counted)', effectiveCondition(rule), ctx);
    return ctx.cte(
      'qualifying',
      `SELECT ${keys} FROM (SELECT DISTINCT ${keys}, ${counted} AS counted FROM ${windowed} w) w` +
        ` GROUP BY ${keys} HAVING ${test}`,
    );
  }
  const test = conditionSql(
    `${rule.type === CorrelationType.valueSum ? 'sum' : 'avg'}(w.v)`,
    effectiveCondition(rule),
    ctx,
  );

  return ctx.cte('qualifying', `SELECT ${keys} FROM ${windowed} w GROUP BY ${keys} HAVING ${test}`);
}

/** What a counting correlation counts the distinct values of: events (by seq, unique in a tenant), values, or rules. */
function distinctKey(rule: CorrelationRule): string | undefined {
  switch (rule.type) {
    case CorrelationType.eventCount:
      return 'w.seq';
    case CorrelationType.valueCount:
      return 'w.v';
    case CorrelationType.temporal:
    case CorrelationType.temporalOrdered:
      return 'w.r';
    case CorrelationType.valueSum:
    case CorrelationType.valueAvg:
      return undefined;
  }
}

/** A temporal correlation without a condition needs every referred rule. */
function effectiveCondition(rule: CorrelationRule): CountCondition {
  return Object.keys(rule.condition).length > 0 ? rule.condition : { gte: rule.rules.length };
}

function conditionSql(value: string, condition: CountCondition, ctx: CompileContext): string {
  const operators = { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=', neq: '<>' } as const;
  const tests = Object.entries(condition).map(
    ([key, bound]) => `${value} ${operators[key as keyof CountCondition]} ${ctx.params.add(bound, 'numeric')}`,
  );
  return tests.join(' AND ');
}

/**
 * The occurrence at which a correlation first held in each window: a
 * running count (of distinct events, values or rules) or running sum,
 * taken in (t, seq) order, tested against the condition at every row.
 */
function crossing(rule: CorrelationRule, windowed: string, ctx: CompileContext): string {
  if (!isLowerBound(rule)) throw new UncheckedRuleError(`${rule.title} cannot be referred to by another correlation`);
  const partition = windowKeys('w', rule);
  const order = 'ORDER BY w.t, w.seq, w.r';
  const counted = distinctKey(rule);
  const firstFlag = counted
    ? `CASE WHEN ${counted} IS NOT NULL AND row_number() OVER (PARTITION BY ${partition}, ${counted} ${order}) = 1 THEN 1 ELSE 0 END`
    : 'w.v';
  const flagged = ctx.cte('flagged', `SELECT w.*, ${firstFlag} AS step FROM ${windowed} w`);
  const running = ctx.cte(
    'running',
    `SELECT w.*, sum(w.step) OVER (PARTITION BY ${partition} ${order} ROWS UNBOUNDED PRECEDING) AS running FROM ${flagged} w`,
  );
  const test = conditionSql('w.running', effectiveCondition(rule), ctx);

  return ctx.cte(
    'crossing',
    `SELECT DISTINCT ON (${partition}) w.* FROM ${running} w WHERE ${test} ORDER BY ${partition}, w.t, w.seq, w.r`,
  );
}

/**
 * temporal_ordered: the earliest occurrence of the first rule, then the
 * earliest occurrence of the second strictly after it (by t, then seq),
 * and so on. Taking the earliest at each step finds an ordered sequence
 * whenever one exists. The last step's row is where the correlation fired.
 */
function orderedChain(rule: CorrelationRule, windowed: string, ctx: CompileContext): string {
  const keys = windowKeys('w', rule);
  let step = ctx.cte(
    'step',
    `SELECT DISTINCT ON (${keys}) w.* FROM ${windowed} w WHERE w.r = 0 ORDER BY ${keys}, w.t, w.seq`,
  );
  for (let index = 1; index < rule.rules.length; index++) {
    const join = ['tenant_id', ...rule.groupBy.map((_, g) => `g${g}`), 'bucket'].map((c) => `w.${c} = p.${c}`);
    step = ctx.cte(
      'step',
      `SELECT DISTINCT ON (${windowKeys('p', rule)}) w.* FROM ${step} p JOIN ${windowed} w ON ${join.join(' AND ')}` +
        ` WHERE w.r = ${index} AND (w.t, w.seq) > (p.t, p.seq) ORDER BY ${windowKeys('p', rule)}, w.t, w.seq`,
    );
  }
  return step;
}

export function windowKeys(alias: string, rule: CorrelationRule): string {
  return [`${alias}.tenant_id`, ...groupColumns(alias, rule.groupBy.length), `${alias}.bucket`].join(', ');
}

export function groupColumns(alias: string, count: number): string[] {
  return Array.from({ length: count }, (_, g) => `${alias}.g${g}`);
}

function prefixed(alias: string, columns: string): string {
  return columns
    .split(', ')
    .map((column) => `${alias}.${column}`)
    .join(', ');
}
