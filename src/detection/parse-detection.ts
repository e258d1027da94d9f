import type { YamlMap, YamlNode } from './located-yaml';
import { ConditionError, parseCondition } from './parse-condition';
import { parseFieldMatch } from './parse-field-match';
import type { Report } from './rule-problem';
import type { Condition, FieldMatch, Selection } from './sigma-rule';

/**
 * The `detection` section: named search identifiers and one condition.
 * A map is an AND of field matches, a list of maps an OR of them, a list
 * of values under one field an OR of the values. Keyword search (plain
 * values matched anywhere in the event) has no meaning over a structured
 * audit log and is refused.
 */

export interface Detection {
  selections: Map<string, Selection>;
  condition: Condition;
}

const KEYWORD_REFUSAL =
  'keyword search (a list of plain values matched anywhere in the event) is not supported; match named fields';

export function parseDetection(node: YamlNode, report: Report): Detection | undefined {
  if (node.kind !== 'map') {
    report(node.line, 'detection must be a map of search identifiers and a condition');
    return undefined;
  }

  let ok = true;
  const selections = new Map<string, Selection>();
  for (const entry of node.entries) {
    if (entry.key === 'condition') continue;
    if (entry.key === 'timeframe') {
      report(entry.line, "'timeframe' (the Sigma v1 aggregation window) is not supported; write a correlation rule");
      ok = false;
      continue;
    }
    const alternatives = parseSelection(entry.value, entry.line, report);
    if (alternatives) selections.set(entry.key, { name: entry.key, line: entry.line, alternatives });
    else ok = false;
  }

  const declared = node.entries.map((entry) => entry.key).filter((key) => key !== 'condition' && key !== 'timeframe');
  const condition = parseConditionEntry(node, declared, report);
  return ok && condition ? { selections, condition } : undefined;
}

function parseSelection(node: YamlNode, line: number, report: Report): FieldMatch[][] | undefined {
  if (node.kind === 'map') {
    const matches = parseMap(node, report);
    return matches ? [matches] : undefined;
  }
  if (node.kind === 'scalar' || node.items.every((item) => item.kind !== 'map')) {
    report(line, KEYWORD_REFUSAL);
    return undefined;
  }
  if (node.items.some((item) => item.kind !== 'map')) {
    report(line, 'a list under a search identifier must hold only maps (or only keywords, which are not supported)');
    return undefined;
  }

  const alternatives = node.items.map((item) => parseMap(item as YamlMap, report));
  return alternatives.every((matches) => matches !== undefined) ? alternatives : undefined;
}

function parseMap(map: YamlMap, report: Report): FieldMatch[] | undefined {
  if (map.entries.length === 0) {
    report(map.line, 'an empty map matches everything; give at least one field');
    return undefined;
  }
  const matches = map.entries.map((entry) => parseFieldMatch(entry.key, entry.line, entry.value, report));
  return matches.every((match) => match !== undefined) ? matches : undefined;
}

function parseConditionEntry(map: YamlMap, names: string[], report: Report): Condition | undefined {
  const entry = map.entries.find((candidate) => candidate.key === 'condition');
  if (!entry) {
    report(map.line, 'detection has no condition');
    return undefined;
  }
  const node = entry.value;
  const single = node.kind === 'seq' && node.items.length === 1 ? node.items[0] : node;
  if (single?.kind === 'seq') {
    report(entry.line, 'a list of several conditions is not supported; combine them with or, or write one rule each');
    return undefined;
  }
  if (single?.kind !== 'scalar' || typeof single.value !== 'string') {
    report(entry.line, 'condition must be a string');
    return undefined;
  }

  try {
    return parseCondition(single.value, names);
  } catch (error) {
    if (!(error instanceof ConditionError)) throw error;
    report(entry.line, error.message);
    return undefined;
  }
}
