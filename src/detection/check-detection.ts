import type { FieldMapping } from './field-mapping';
import { planMatch } from './match-plan';
import type { ParsedRule } from './parse-rule';
import type { Report } from './rule-problem';
import type { Logsource } from './sigma-rule';

type ParsedDetection = Extract<ParsedRule, { kind: 'detection' }>;

/** A detection rule against the mapping: its logsource is covered and every field match can be compiled. */
export function checkDetection(rule: ParsedDetection, mapping: FieldMapping, report: Report): boolean {
  let ok = true;
  if (mapping.logsources && !mapping.logsources.some((pattern) => covers(pattern, rule.logsource))) {
    const covered = mapping.logsources.map(describeLogsource).join('; ');
    report(
      rule.logsourceLine,
      `logsource ${describeLogsource(rule.logsource)} is not covered by the field mapping (it covers ${covered})`,
    );
    ok = false;
  }
  for (const selection of rule.detection.selections.values()) {
    for (const match of selection.alternatives.flat()) {
      const result = planMatch(match, mapping);
      if ('problem' in result) {
        report(match.line, result.problem);
        ok = false;
      }
    }
  }
  return ok;
}

function covers(pattern: Logsource, logsource: Logsource): boolean {
  return Object.entries(pattern).every(([key, value]) => logsource[key] === value);
}

function describeLogsource(logsource: Logsource): string {
  const parts = ['category', 'product', 'service']
    .filter((key) => logsource[key] !== undefined)
    .map((key) => `${key}: ${logsource[key]}`);
  return parts.length > 0 ? parts.join(', ') : '(empty)';
}
