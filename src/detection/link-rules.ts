import { checkDetection } from './check-detection';
import type { FieldMapping } from './field-mapping';
import type { Located } from './parse-correlation';
import type { ParsedRule } from './parse-rule';
import type { RuleProblem } from './rule-problem';
import { type CorrelationRule, isLowerBound, type Rule } from './sigma-rule';

/**
 * Turns every parsed document of a rule set into a usable rule, or
 * refuses it: references between rules are resolved by id or name (across
 * files), fields are checked against the mapping, and each rule learns
 * whether it raises alerts of its own. A correlation that refers to a
 * refused rule is refused too, naming it.
 */

type ParsedCorrelationRule = Extract<ParsedRule, { kind: 'correlation' }>;

export function linkRules(parsed: readonly ParsedRule[], mapping: FieldMapping, problems: RuleProblem[]): Rule[] {
  const linker = new Linker(parsed, mapping, problems);
  return parsed.map((rule) => linker.link(rule)).filter((rule): rule is Rule => rule !== undefined);
}

class Linker {
  private readonly byKey = new Map<string, ParsedRule>();
  private readonly done = new Map<ParsedRule, Rule | undefined>();
  private readonly inProgress = new Set<ParsedRule>();
  private readonly duplicates = new Set<ParsedRule>();
  /** Rules some correlation refers to; they alert on their own only if one of those correlations says `generate`. */
  private readonly referred = new Map<ParsedRule, boolean>();

  constructor(
    parsed: readonly ParsedRule[],
    private readonly mapping: FieldMapping,
    private readonly problems: RuleProblem[],
  ) {
    for (const rule of parsed) this.index(rule);
    for (const rule of parsed) {
      if (rule.kind !== 'correlation') continue;
      const generate = rule.generate || rule.correlation.generate;
      for (const reference of rule.correlation.references) {
        const target = this.byKey.get(reference.text);
        if (target) this.referred.set(target, (this.referred.get(target) ?? false) || generate);
      }
    }
  }

  link(rule: ParsedRule): Rule | undefined {
    if (this.done.has(rule)) return this.done.get(rule);
    if (this.duplicates.has(rule)) return undefined;
    this.inProgress.add(rule);
    const linked = rule.kind === 'detection' ? this.linkDetection(rule) : this.linkCorrelation(rule);
    this.inProgress.delete(rule);
    this.done.set(rule, linked);

    return linked;
  }

  private index(rule: ParsedRule): void {
    for (const key of [rule.id, rule.name]) {
      if (key === undefined) continue;
      const other = this.byKey.get(key);
      if (other && other !== rule) {
        this.report(
          rule,
          rule.source.line,
          `'${key}' is also the id or name of ${other.source.file}:${other.source.line}`,
        );
        this.duplicates.add(rule);
      } else this.byKey.set(key, rule);
    }
  }

  private linkDetection(rule: Extract<ParsedRule, { kind: 'detection' }>): Rule | undefined {
    const ok = checkDetection(rule, this.mapping, (line, reason) => this.report(rule, line, reason));
    const alerts = this.alerts(rule);
    if (!ok || !alerts.ok) return undefined;
    const { detection, logsourceLine: _line, generate: _generate, ...meta } = rule;

    return { ...meta, alerts: alerts.value, selections: detection.selections, condition: detection.condition };
  }

  private linkCorrelation(rule: ParsedCorrelationRule): Rule | undefined {
    const correlation = rule.correlation;
    const referred = correlation.references.map((reference) => this.resolve(rule, reference));
    const fieldsOk = referred.every((target) => target !== undefined) && this.checkFields(rule, referred);
    const alerts = this.alerts(rule);
    if (!fieldsOk || !alerts.ok) return undefined;
    const { correlation: _c, generate: _g, ...meta } = rule;

    return {
      ...meta,
      kind: 'correlation',
      alerts: alerts.value,
      type: correlation.type,
      rules: referred,
      groupBy: correlation.groupBy.map((group) => group.text),
      timespanSeconds: correlation.timespanSeconds,
      condition: correlation.condition,
      valueField: correlation.valueField?.text,
      aliases: new Map(
        [...correlation.aliases].map(([alias, perRule]) => [
          alias,
          new Map([...perRule].map(([name, field]) => [name, field.text])),
        ]),
      ),
      generate: rule.generate || correlation.generate,
    };
  }

  private resolve(rule: ParsedCorrelationRule, reference: Located): Rule | undefined {
    const target = this.byKey.get(reference.text);
    if (!target) {
      this.report(
        rule,
        reference.line,
        `refers to rule '${reference.text}', which no loaded file defines (by id or name)`,
      );
      return undefined;
    }
    if (this.inProgress.has(target)) {
      this.report(rule, reference.line, `refers to '${reference.text}', which refers back to it (a cycle)`);
      return undefined;
    }
    const linked = this.link(target);
    if (!linked) {
      const where = `${target.source.file}:${target.source.line}`;
      this.report(rule, reference.line, `refers to '${reference.text}' (${where}), which has problems of its own`);
    } else if (linked.kind === 'correlation' && !isLowerBound(linked)) {
      this.report(
        rule,
        reference.line,
        `refers to correlation '${reference.text}', which can only be chained with a gt/gte condition and not value_avg`,
      );
      return undefined;
    }
    return linked;
  }

  private checkFields(rule: ParsedCorrelationRule, referred: readonly Rule[]): boolean {
    const { correlation } = rule;
    const names = new Set(referred.map((target) => target.name).filter(Boolean));
    const problems: [number, string][] = [];
    for (const [alias, perRule] of correlation.aliases) {
      for (const [name, field] of perRule) {
        if (!correlation.groupBy.some((group) => group.text === alias)) {
          problems.push([field.line, `alias '${alias}' is not used in group-by`]);
        } else if (!names.has(name))
          problems.push([field.line, `alias '${alias}' names '${name}', not a referred rule`]);
      }
    }
    for (const target of referred) {
      for (const group of correlation.groupBy) {
        const field = correlation.aliases.get(group.text)?.get(target.name ?? '')?.text ?? group.text;
        const problem = this.fieldProblem(target, field, 'group');
        if (problem) problems.push([group.line, `group-by ${problem}`]);
      }
      const value = correlation.valueField;
      const problem = value && this.fieldProblem(target, value.text, correlation.type);
      if (value && problem) problems.push([value.line, `condition.field ${problem}`]);
    }
    for (const [line, reason] of problems) this.report(rule, line, reason);

    return problems.length === 0;
  }

  private fieldProblem(target: Rule, field: string, use: 'group' | CorrelationRule['type']): string | undefined {
    const ruleName = `'${target.name ?? target.id ?? target.title}'`;
    if (target.kind === 'correlation') {
      if (use !== 'group') return `over correlation ${ruleName} is not supported`;
      return target.groupBy.includes(field) ? undefined : `field '${field}' is not a group-by field of ${ruleName}`;
    }
    const mapped = this.mapping.fields.get(field);
    if (!mapped) return `field '${field}' (of rule ${ruleName}) is not in the field mapping`;
    if (mapped.kind === 'derived') return `field '${field}' is derived and cannot be grouped or counted`;
    const numeric = use === 'value_sum' || use === 'value_avg';
    if (numeric && mapped.type !== 'number') return `field '${field}' must be of type number for ${use}`;

    return undefined;
  }

  private alerts(rule: ParsedRule): { ok: boolean; value: boolean } {
    const referred = this.referred.get(rule);
    const value = referred === undefined || referred;
    if (value && rule.id === undefined) {
      this.report(
        rule,
        rule.source.line,
        'a rule that raises alerts needs an id: dedup keys and incident ids derive from it',
      );
      return { ok: false, value };
    }
    return { ok: true, value };
  }

  private report(rule: ParsedRule, line: number, reason: string): void {
    this.problems.push({ file: rule.source.file, line, reason });
  }
}
