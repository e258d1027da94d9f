import ipaddr from 'ipaddr.js';
import { timestampSchema } from '../audit/event';
import type { FieldMapping, FieldTarget } from './field-mapping';
import { PLACEHOLDER } from './parse-field-match';
import { hasWildcard, plainText, toLikePattern } from './sigma-pattern';
import type { Comparison, FieldMatch, MatchValue } from './sigma-rule';

/**
 * How one field match will be tested, decided once from the rule and the
 * mapped field's type: the checker reports a plan's problem, the compiler
 * turns a plan into SQL. Keeping both on one decision means a rule that
 * loads always compiles.
 *
 * Sigma compares strings case-insensitively unless `cased`; `re` is
 * case-sensitive unless `re|i`. Numbers, booleans, instants and addresses
 * compare as their types when the mapping gives the field that type.
 */

export type ValueTest =
  | { op: 'null' }
  | { op: 'exists'; present: boolean }
  | { op: 'like'; pattern: string; cased: boolean }
  | { op: 'equals'; text: string; cased: boolean }
  | { op: 'regex'; pattern: string; insensitive: boolean }
  | { op: 'number'; comparison: Comparison | 'eq'; value: number }
  | { op: 'instant'; comparison: Comparison | 'eq'; value: string }
  | { op: 'boolean'; value: boolean }
  | { op: 'address'; value: string }
  | { op: 'cidr'; value: string }
  | { op: 'list'; list: string; match: FieldMatch['modifiers']['position'] | 'equals'; cased: boolean }
  | { op: 'derived'; value: boolean };

export interface MatchPlan {
  target: FieldTarget;
  tests: ValueTest[];
  /** Tests linked with AND (`all`) instead of OR. */
  all: boolean;
}

export type PlanResult = { plan: MatchPlan } | { problem: string };

export function planMatch(match: FieldMatch, mapping: FieldMapping): PlanResult {
  const target = mapping.fields.get(match.field);
  if (!target) return { problem: `field '${match.field}' is not in the field mapping` };

  const tests: ValueTest[] = [];
  for (const value of match.values) {
    const test = planValue(match, target, value, mapping);
    if (typeof test === 'string') return { problem: `${match.field}: ${test}` };
    tests.push(test);
  }
  return { plan: { target, tests, all: match.modifiers.all } };
}

function planValue(
  match: FieldMatch,
  target: FieldTarget,
  value: MatchValue,
  mapping: FieldMapping,
): ValueTest | string {
  const m = match.modifiers;
  if (target.kind === 'derived') {
    const plain = !m.position && !m.regex && !m.comparison && !m.exists && !m.expand && !m.cidr && !m.all;
    return plain && typeof value === 'boolean' ? { op: 'derived', value } : 'a derived field takes true or false only';
  }
  if (value === null) return { op: 'null' };
  if (m.exists) return { op: 'exists', present: value === true };
  if (m.expand) return planPlaceholder(match, target, String(value), mapping);
  if (m.regex)
    return planStringTest(target, {
      op: 'regex',
      pattern: regexPattern(String(value), m.regex),
      insensitive: m.regex.insensitive,
    });
  if (m.cidr) return target.type === 'inet' ? { op: 'cidr', value: String(value) } : "'cidr' needs an address field";
  if (m.comparison) return planComparison(target, m.comparison, value);
  if (m.position || (typeof value === 'string' && hasWildcard(value))) {
    return planStringTest(target, { op: 'like', pattern: toLikePattern(String(value), m.position), cased: m.cased });
  }
  if (m.cased && target.type !== 'text') return "'cased' applies to text fields only";

  return planEquality(target, value, m.cased);
}

/**
 * Sigma's regex flavour is PCRE: `.` stops at newlines and `^`/`$` match
 * only at the ends unless `m`/`s` say otherwise. PostgreSQL's defaults
 * differ, so an embedded option picks the matching newline mode:
 * p (partial) = neither, n (newline-sensitive) = m, none = s, w = m and s.
 */
function regexPattern(pattern: string, flags: NonNullable<FieldMatch['modifiers']['regex']>): string {
  const mode = flags.multiline ? (flags.dotAll ? 'w' : 'n') : flags.dotAll ? '' : 'p';
  return mode ? `(?${mode})${pattern}` : pattern;
}

function planStringTest(target: FieldTarget, test: ValueTest): ValueTest | string {
  if (target.kind === 'derived' || target.type === 'boolean' || target.type === 'timestamp') {
    return `string matching does not apply to a ${target.kind === 'derived' ? 'derived' : target.type} field`;
  }
  return test;
}

function planPlaceholder(
  match: FieldMatch,
  target: FieldTarget,
  value: string,
  mapping: FieldMapping,
): ValueTest | string {
  const name = PLACEHOLDER.exec(value)?.[1] ?? '';
  if (!mapping.placeholders.has(name)) return `placeholder %${name}% is not declared in the field mapping`;
  const test: ValueTest = {
    op: 'list',
    list: name,
    match: match.modifiers.position ?? 'equals',
    cased: match.modifiers.cased,
  };

  return planStringTest(target, test);
}

function planComparison(target: FieldTarget, comparison: Comparison, value: MatchValue): ValueTest | string {
  if (target.kind !== 'derived' && target.type === 'number') {
    const number = numberOf(value);
    return number === undefined ? `'${comparison}' needs a number` : { op: 'number', comparison, value: number };
  }
  if (target.kind !== 'derived' && target.type === 'timestamp') {
    return isInstant(value)
      ? { op: 'instant', comparison, value }
      : `'${comparison}' needs a date and time with an offset`;
  }
  return `'${comparison}' needs a field of type number or timestamp in the mapping`;
}

function planEquality(
  target: Exclude<FieldTarget, { kind: 'derived' }>,
  value: string | number | boolean,
  cased: boolean,
): ValueTest | string {
  switch (target.type) {
    case 'text':
      return { op: 'equals', text: plainText(String(value)), cased };
    case 'number': {
      const number = numberOf(value);
      return number === undefined
        ? `'${String(value)}' is not a number`
        : { op: 'number', comparison: 'eq', value: number };
    }
    case 'boolean': {
      const text = String(value).toLowerCase();
      return text === 'true' || text === 'false' ? { op: 'boolean', value: text === 'true' } : 'takes true or false';
    }
    case 'timestamp':
      return isInstant(value) ? { op: 'instant', comparison: 'eq', value } : 'needs a date and time with an offset';
    case 'inet': {
      const text = plainText(String(value));
      return ipaddr.isValid(text) ? { op: 'address', value: text } : `'${text}' is not an IP address`;
    }
  }
}

function numberOf(value: MatchValue): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value !== 'string' || !/^-?\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}

function isInstant(value: MatchValue): value is string {
  return typeof value === 'string' && timestampSchema.safeParse(value).success;
}
