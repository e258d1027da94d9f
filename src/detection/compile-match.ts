import { DerivedFieldName, type FieldTarget } from './field-mapping';
import type { MatchPlan, ValueTest } from './match-plan';
import type { SqlParams } from './sql-params';

/**
 * SQL for one planned field match over an audit_events row aliased `e`.
 * Only fixed fragments are written here; every value, pattern and details
 * key is a parameter. Each test is wrapped in coalesce(..., false) so a
 * missing field is simply "no match", and `not` in a condition keeps
 * Sigma's two-valued meaning instead of SQL's unknown.
 */

export function compileMatch(plan: MatchPlan, params: SqlParams): string {
  const tests = plan.tests.map((test) => `coalesce(${compileTest(plan.target, test, params)}, false)`);
  return tests.length === 1 ? (tests[0] ?? 'false') : `(${tests.join(plan.all ? ' AND ' : ' OR ')})`;
}

function compileTest(target: FieldTarget, test: ValueTest, params: SqlParams): string {
  switch (test.op) {
    case 'null':
      return isNull(target, params);
    case 'exists':
      return test.present ? `NOT ${isNull(target, params, true)}` : isNull(target, params, true);
    case 'like':
      return `${textOf(target, params)} ${test.cased ? 'LIKE' : 'ILIKE'} ${params.add(test.pattern, 'text')}`;
    case 'equals':
      return equals(target, test.text, test.cased, params);
    case 'regex':
      return `${textOf(target, params)} ${test.insensitive ? '~*' : '~'} ${params.add(test.pattern, 'text')}`;
    case 'number':
      return `${numberOf(target, params)} ${operator(test.comparison)} ${params.add(test.value, 'numeric')}`;
    case 'instant':
      return `${typedOf(target, params)} ${operator(test.comparison)} ${params.add(test.value, 'timestamptz')}`;
    case 'boolean':
      return target.kind === 'details'
        ? `(e.details -> ${params.add(target.key, 'text')}) = to_jsonb(${params.add(test.value, 'boolean')})`
        : `${typedOf(target, params)} = ${params.add(test.value, 'boolean')}`;
    case 'address':
      return `${typedOf(target, params)} = ${params.add(test.value, 'inet')}`;
    case 'cidr':
      return `${typedOf(target, params)} <<= ${params.add(test.value, 'inet')}`;
    case 'list':
      return inList(target, test, params);
    case 'derived':
      return test.value ? typedOf(target, params) : `NOT ${typedOf(target, params)}`;
  }
}

/**
 * lower() on both sides is what ILIKE does in a multibyte database, without
 * ILIKE's pattern matching after it; a column stored in lower case needs
 * only the value lowered.
 */
function equals(target: FieldTarget, text: string, cased: boolean, params: SqlParams): string {
  const value = params.add(text, 'text');
  if (cased) return `${textOf(target, params)} = ${value}`;
  if (target.kind === 'column' && target.lowercase) return `${textOf(target, params)} = lower(${value})`;
  return `lower(${textOf(target, params)}) = lower(${value})`;
}

function operator(comparison: 'gt' | 'gte' | 'lt' | 'lte' | 'eq'): string {
  return { gt: '>', gte: '>=', lt: '<', lte: '<=', eq: '=' }[comparison];
}

/** `exists` asks whether a details key is present at all, even holding null; `null` asks whether it is absent or null. */
function isNull(target: FieldTarget, params: SqlParams, presence = false): string {
  if (target.kind === 'details') {
    const key = params.add(target.key, 'text');
    return presence ? `NOT (e.details ? ${key})` : `(e.details ->> ${key}) IS NULL`;
  }
  if (target.kind === 'column' && !target.nullable) return 'false';
  return `${typedOf(target, params)} IS NULL`;
}

/** The field as text, for LIKE and regular expressions: addresses without their prefix length, numbers in decimal. */
export function textOf(target: FieldTarget, params: SqlParams): string {
  if (target.kind === 'details') return `(e.details ->> ${params.add(target.key, 'text')})`;
  if (target.kind === 'derived') return `(${derivedValue(target, params)})::text`;
  if (target.type === 'inet') return `host(e.${target.column})`;
  return target.type === 'text' && target.column !== 'id' ? `e.${target.column}` : `(e.${target.column})::text`;
}

/** The field in its own type; a details number that is not a JSON number reads as null rather than failing the cast. */
export function numberOf(target: FieldTarget, params: SqlParams): string {
  if (target.kind !== 'details') return typedOf(target, params);
  const key = params.add(target.key, 'text');
  return `(CASE WHEN jsonb_typeof(e.details -> ${key}) = 'number' THEN (e.details ->> ${key})::numeric END)`;
}

/**
 * A history field is a column of the derived source (derived-fields.ts); a
 * care-team membership is looked up here, per event, first in a hashed set
 * of every care-team pair (one probe) and only for a pair in it by tenant
 * and time (see inList).
 */
function derivedValue(target: Extract<FieldTarget, { kind: 'derived' }>, params: SqlParams): string {
  if (target.derived.name !== DerivedFieldName.userInCareTeam) return `e.${target.derived.name}`;

  const prefix = params.add(target.derived.listPrefix, 'text');
  const candidates =
    `(${prefix} || e.patient_id, e.user_id) IN` +
    ` (SELECT l.list_name, l.value FROM reference_lists l WHERE starts_with(l.list_name, ${prefix}))`;

  return (
    `(${candidates} AND EXISTS (SELECT 1 FROM reference_lists l WHERE l.tenant_id = e.tenant_id` +
    ` AND l.list_name = ${prefix} || e.patient_id AND l.value = e.user_id AND ${inEffect('l', 'e')}))`
  );
}

/** The list entry applies at the event's time: from `effective_from` and until `effective_until`, each when set. */
function inEffect(list: string, event: string): string {
  return (
    `(${list}.effective_from IS NULL OR ${list}.effective_from <= ${event}.occurred_at)` +
    ` AND (${list}.effective_until IS NULL OR ${event}.occurred_at < ${list}.effective_until)`
  );
}

function typedOf(target: FieldTarget, params: SqlParams): string {
  if (target.kind === 'details') return textOf(target, params);
  return target.kind === 'derived' ? derivedValue(target, params) : `e.${target.column}`;
}

/**
 * Membership in a tenant's reference list, as of the event's time. List
 * values are matched literally, so their own `%` and `_` are escaped
 * before they become a LIKE pattern.
 *
 * An exact match first asks whether the value is on the list at all, for
 * any tenant at any time: an uncorrelated subquery, which the planner
 * hashes once per statement, so each event costs one hash probe. Only a
 * value found there is looked up by tenant and time; asked directly, that
 * correlated look-up is an index scan per event, seconds over a million.
 */
function inList(target: FieldTarget, test: Extract<ValueTest, { op: 'list' }>, params: SqlParams): string {
  const field = textOf(target, params);
  const list = params.add(test.list, 'text');
  const escaped = String.raw`replace(replace(replace(l.value, '\', '\\'), '%', '\%'), '_', '\_')`;
  const comparison =
    test.match === 'equals'
      ? test.cased
        ? `${field} = l.value`
        : `lower(${field}) = lower(l.value)`
      : `${field} ${test.cased ? 'LIKE' : 'ILIKE'} ${
          test.match === 'contains'
            ? `'%' || ${escaped} || '%'`
            : test.match === 'startswith'
              ? `${escaped} || '%'`
              : `'%' || ${escaped}`
        }`;

  const exists =
    `EXISTS (SELECT 1 FROM reference_lists l WHERE l.tenant_id = e.tenant_id` +
    ` AND l.list_name = ${list} AND ${inEffect('l', 'e')} AND ${comparison})`;
  if (test.match !== 'equals') return exists;
  const candidates = test.cased
    ? `${field} IN (SELECT l.value FROM reference_lists l WHERE l.list_name = ${list})`
    : `lower(${field}) IN (SELECT lower(l.value) FROM reference_lists l WHERE l.list_name = ${list})`;

  return `(${candidates} AND ${exists})`;
}
