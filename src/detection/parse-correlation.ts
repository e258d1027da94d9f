import { entryOf, scalarText, type YamlEntry, type YamlMap, type YamlNode } from './located-yaml';
import type { Report } from './rule-problem';
import { CorrelationType, type CountCondition } from './sigma-rule';
import { parseTimespan } from './timespan';

/**
 * The `correlation` section of a Sigma v2 correlation rule, read but not
 * yet linked: references stay names or ids until every file is read.
 * value_percentile is refused (the spec leaves its meaning open); the rest
 * of the spec's types are supported.
 */

export interface Located {
  text: string;
  line: number;
}

export interface ParsedCorrelation {
  type: CorrelationType;
  references: Located[];
  groupBy: Located[];
  timespanSeconds: number;
  condition: CountCondition;
  valueField: Located | undefined;
  /** Alias → rule name → field, with the line of each rule's entry. */
  aliases: Map<string, Map<string, Located>>;
  generate: boolean;
}

const KNOWN_KEYS = new Set(['type', 'rules', 'group-by', 'timespan', 'condition', 'aliases', 'generate']);
const COUNT_KEYS = new Set(['gt', 'gte', 'lt', 'lte', 'eq', 'neq']);
const TYPES = new Set<string>(Object.values(CorrelationType));
const VALUE_TYPES = new Set<string>([CorrelationType.valueCount, CorrelationType.valueSum, CorrelationType.valueAvg]);

export function parseCorrelation(node: YamlNode, report: Report): ParsedCorrelation | undefined {
  if (node.kind !== 'map') {
    report(node.line, 'correlation must be a map');
    return undefined;
  }
  const state = { ok: true };
  const fail = (line: number, reason: string): void => {
    report(line, reason);
    state.ok = false;
  };
  for (const entry of node.entries) {
    if (!KNOWN_KEYS.has(entry.key)) fail(entry.line, `unknown correlation attribute '${entry.key}'`);
  }

  const type = parseType(node, fail);
  const references = stringList(node, 'rules', fail);
  const groupBy = entryOf(node, 'group-by') ? stringList(node, 'group-by', fail) : [];
  const timespanSeconds = parseSpan(node, fail);
  const condition = type ? parseCountCondition(node, type, fail) : undefined;
  const aliases = parseAliases(node, fail);
  const generate = entryOf(node, 'generate')?.value;
  if (generate && (generate.kind !== 'scalar' || typeof generate.value !== 'boolean')) {
    fail(generate.line, 'generate must be true or false');
  }

  if (!state.ok || !type || !references || !groupBy || !timespanSeconds || !condition || !aliases) return undefined;
  return {
    type,
    references,
    groupBy,
    timespanSeconds,
    condition: condition.counts,
    valueField: condition.field,
    aliases,
    generate: generate?.kind === 'scalar' && generate.value === true,
  };
}

type Fail = (line: number, reason: string) => void;

function parseType(map: YamlMap, fail: Fail): CorrelationType | undefined {
  const entry = entryOf(map, 'type');
  const text = scalarText(entry?.value);
  if (!entry || text === undefined) {
    fail(entry?.line ?? map.line, 'correlation type is required');
    return;
  }
  if (text === 'value_percentile') {
    fail(entry.line, "correlation type 'value_percentile' is not supported (the spec leaves its meaning open)");
    return;
  }
  if (!TYPES.has(text)) {
    fail(entry.line, `unknown correlation type '${text}'`);
    return;
  }

  return text as CorrelationType;
}

function stringList(map: YamlMap, key: string, fail: Fail): Located[] | undefined {
  const entry = entryOf(map, key);
  if (!entry) {
    fail(map.line, `${key} is required`);
    return;
  }
  const node = entry.value;
  const items = node.kind === 'seq' ? node.items : [node];
  const located: Located[] = [];
  for (const item of items) {
    const text = scalarText(item);
    if (text === undefined || text === '') {
      fail(item.line, `${key} must be a list of names`);
      return;
    }
    if (located.some((seen) => seen.text === text)) {
      fail(item.line, `${key} names '${text}' twice`);
      return;
    }
    located.push({ text, line: item.line });
  }
  return located;
}

function parseSpan(map: YamlMap, fail: Fail): number | undefined {
  const entry = entryOf(map, 'timespan');
  const text = scalarText(entry?.value);
  if (!entry || text === undefined) {
    fail(entry?.line ?? map.line, 'timespan is required');
    return;
  }
  const seconds = parseTimespan(text);
  if (seconds === undefined)
    fail(entry.line, `timespan '${text}' must be a number and one of s, m, h, d (such as 10m)`);

  return seconds;
}

interface CountResult {
  counts: CountCondition;
  field: Located | undefined;
}

function parseCountCondition(map: YamlMap, type: CorrelationType, fail: Fail): CountResult | undefined {
  const entry = entryOf(map, 'condition');
  const temporal = type === CorrelationType.temporal || type === CorrelationType.temporalOrdered;
  if (!entry && temporal) return { counts: {}, field: undefined };
  if (!entry) {
    fail(map.line, `${type} needs a condition`);
    return;
  }
  if (type === CorrelationType.temporalOrdered) {
    fail(entry.line, 'temporal_ordered takes no condition: every referred rule must match, in order');
    return;
  }
  if (entry.value.kind !== 'map') {
    fail(entry.line, 'condition must be a map such as { gte: 10 }');
    return;
  }

  const counts: CountCondition = {};
  let field: Located | undefined;
  for (const item of entry.value.entries) {
    if (item.key === 'field') {
      field = conditionField(item, fail);
      if (!field) return undefined;
    } else if (!countEntry(item, type, counts, fail)) return undefined;
  }

  if (Object.keys(counts).length === 0) {
    fail(entry.line, 'condition needs at least one of gt, gte, lt, lte, eq, neq');
    return;
  }
  if (VALUE_TYPES.has(type) && !field) {
    fail(entry.line, `${type} needs condition.field`);
    return;
  }
  if (!VALUE_TYPES.has(type) && field) {
    fail(field.line, `${type} takes no condition.field`);
    return;
  }

  return { counts, field };
}

function conditionField(item: YamlEntry, fail: Fail): Located | undefined {
  if (item.value.kind === 'seq') {
    fail(item.line, 'several fields in condition.field are not supported');
    return;
  }
  const text = scalarText(item.value);
  if (!text) {
    fail(item.line, 'condition.field must name a field');
    return;
  }

  return { text, line: item.line };
}

function countEntry(item: YamlEntry, type: CorrelationType, counts: CountCondition, fail: Fail): boolean {
  const value = item.value;
  if (!COUNT_KEYS.has(item.key)) {
    fail(item.line, `unknown condition operator '${item.key}' (use gt, gte, lt, lte, eq, neq)`);
    return false;
  }
  if (value.kind !== 'scalar' || typeof value.value !== 'number' || value.value < 0) {
    fail(item.line, `condition ${item.key} must be a number of at least 0`);
    return false;
  }
  if (!Number.isInteger(value.value) && type !== CorrelationType.valueSum && type !== CorrelationType.valueAvg) {
    fail(item.line, `condition ${item.key} must be a whole number for ${type}`);
    return false;
  }
  counts[item.key as keyof CountCondition] = value.value;

  return true;
}

function parseAliases(map: YamlMap, fail: Fail): Map<string, Map<string, Located>> | undefined {
  const aliases = new Map<string, Map<string, Located>>();
  const entry = entryOf(map, 'aliases');
  if (!entry) return aliases;
  if (entry.value.kind !== 'map') {
    fail(entry.line, 'aliases must map each alias to { rule name: field }');
    return;
  }

  for (const alias of entry.value.entries) {
    if (alias.value.kind !== 'map') {
      fail(alias.line, `alias '${alias.key}' must map rule names to fields`);
      return;
    }
    const perRule = new Map<string, Located>();
    for (const rule of alias.value.entries) {
      const field = scalarText(rule.value);
      if (!field) {
        fail(rule.line, `alias '${alias.key}' must give a field name for rule '${rule.key}'`);
        return;
      }
      perRule.set(rule.key, { text: field, line: rule.line });
    }
    aliases.set(alias.key, perRule);
  }
  return aliases;
}
