/**
 * A Sigma rule as breachline understands it after reading: only the parts
 * that change what matches are kept, each with the line it came from.
 * Anything Sigma defines that is not modelled here is refused by the
 * parser with its name, never dropped.
 */

/** Sigma's levels. `informational` is kept as written: what an alert of that level does is the caller's choice. */
export const SigmaLevel = {
  informational: 'informational',
  low: 'low',
  medium: 'medium',
  high: 'high',
  critical: 'critical',
} as const;
export type SigmaLevel = (typeof SigmaLevel)[keyof typeof SigmaLevel];

export const CorrelationType = {
  eventCount: 'event_count',
  valueCount: 'value_count',
  valueSum: 'value_sum',
  valueAvg: 'value_avg',
  temporal: 'temporal',
  temporalOrdered: 'temporal_ordered',
} as const;
export type CorrelationType = (typeof CorrelationType)[keyof typeof CorrelationType];

/** Where a rule came from: its file and the first line of its YAML document. */
export interface RuleSource {
  file: string;
  line: number;
}

export type Logsource = Readonly<Record<string, string>>;

export type Comparison = 'gt' | 'gte' | 'lt' | 'lte';
export type Position = 'contains' | 'startswith' | 'endswith';

/** The modifiers on one field, already checked to make sense together. */
export interface Modifiers {
  position?: Position;
  /** Values linked with AND instead of OR. */
  all: boolean;
  /** `re`, with its i/m/s flags. */
  regex?: { insensitive: boolean; multiline: boolean; dotAll: boolean };
  cidr: boolean;
  comparison?: Comparison;
  exists: boolean;
  /** Values are `%name%` placeholders, looked up in the tenant's reference lists. */
  expand: boolean;
  cased: boolean;
}

export type MatchValue = string | number | boolean | null;

/** `field|modifiers: values`; the values are linked with OR, or AND under `all`. */
export interface FieldMatch {
  field: string;
  line: number;
  modifiers: Modifiers;
  values: MatchValue[];
}

/** A named search identifier: OR over its maps, each map an AND of field matches. */
export interface Selection {
  name: string;
  line: number;
  alternatives: FieldMatch[][];
}

export type Condition =
  | { kind: 'selection'; name: string }
  | { kind: 'not'; operand: Condition }
  | { kind: 'and' | 'or'; operands: Condition[] }
  /** `1 of` / `all of` a pattern or `them`, with the names it matched when the rule was read. */
  | { kind: 'of'; quantifier: 'one' | 'all'; names: string[] };

interface RuleCommon {
  source: RuleSource;
  id: string | undefined;
  name: string | undefined;
  title: string;
  status: string | undefined;
  description: string | undefined;
  level: SigmaLevel;
  tags: readonly string[];
  /**
   * Whether the rule raises alerts of its own. A rule referred to by a
   * correlation does not, unless a correlation that refers to it says
   * `generate: true` (Sigma's default is to generate only the correlation).
   */
  alerts: boolean;
}

export interface DetectionRule extends RuleCommon {
  kind: 'detection';
  logsource: Logsource;
  selections: ReadonlyMap<string, Selection>;
  condition: Condition;
}

export type CountCondition = Partial<Record<Comparison | 'eq' | 'neq', number>>;

export interface CorrelationRule extends RuleCommon {
  kind: 'correlation';
  type: CorrelationType;
  /** The referred rules, in the order written (the order matters for temporal_ordered). */
  rules: readonly Rule[];
  groupBy: readonly string[];
  timespanSeconds: number;
  condition: CountCondition;
  /** value_count, value_sum, value_avg: the field whose values are counted, summed or averaged. */
  valueField: string | undefined;
  /** Group-by alias → referred rule name → that rule's field. */
  aliases: ReadonlyMap<string, ReadonlyMap<string, string>>;
  generate: boolean;
}

export type Rule = DetectionRule | CorrelationRule;

/** What identifies a rule in alerts and dedup keys. Loading refuses an alerting rule without an `id`. */
export function ruleKey(rule: Rule): string {
  return rule.id ?? rule.name ?? rule.title;
}

/** Whether a correlation, once true in a window, stays true as more events arrive: only then is its firing moment final. */
export function isLowerBound(rule: CorrelationRule): boolean {
  const upper = ['lt', 'lte', 'eq', 'neq'].some((key) => key in rule.condition);
  return !upper && rule.type !== CorrelationType.valueAvg;
}
