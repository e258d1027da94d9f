import { compileMatch } from './compile-match';
import type { DerivedField, FieldMapping } from './field-mapping';
import { planMatch } from './match-plan';
import type { Condition, DetectionRule } from './sigma-rule';
import type { SqlParams } from './sql-params';

/** A detection rule's condition as one boolean SQL expression over `e`, and the derived fields it reads. */
export interface CompiledDetection {
  predicate: string;
  derived: DerivedField[];
}

/** Thrown only if a rule that did not pass loading is compiled: loading reports the same problem with its line. */
export class UncheckedRuleError extends Error {
  constructor(reason: string) {
    super(`Rule was not checked before compiling: ${reason}`);
    this.name = 'UncheckedRuleError';
  }
}

export function compileDetection(rule: DetectionRule, mapping: FieldMapping, params: SqlParams): CompiledDetection {
  const derived = new Map<string, DerivedField>();
  const selections = new Map<string, string>();
  for (const [name, selection] of rule.selections) {
    const alternatives = selection.alternatives.map((matches) => {
      const parts = matches.map((match) => {
        const result = planMatch(match, mapping);
        if ('problem' in result) throw new UncheckedRuleError(result.problem);
        if (result.plan.target.kind === 'derived') derived.set(match.field, result.plan.target.derived);
        return compileMatch(result.plan, params);
      });
      return joined(parts, 'AND');
    });
    selections.set(name, joined(alternatives, 'OR'));
  }

  return { predicate: compileCondition(rule.condition, selections), derived: [...derived.values()] };
}

function compileCondition(condition: Condition, selections: ReadonlyMap<string, string>): string {
  switch (condition.kind) {
    case 'selection':
      return selectionSql(condition.name, selections);
    case 'not':
      return `NOT ${compileCondition(condition.operand, selections)}`;
    case 'and':
    case 'or':
      return joined(
        condition.operands.map((operand) => compileCondition(operand, selections)),
        condition.kind === 'and' ? 'AND' : 'OR',
      );
    case 'of':
      return joined(
        condition.names.map((name) => selectionSql(name, selections)),
        condition.quantifier === 'all' ? 'AND' : 'OR',
      );
  }
}

function selectionSql(name: string, selections: ReadonlyMap<string, string>): string {
  const sql = selections.get(name);
  if (sql === undefined) throw new UncheckedRuleError(`no search identifier '${name}'`);
  return sql;
}

function joined(parts: readonly string[], operator: 'AND' | 'OR'): string {
  return parts.length === 1 ? (parts[0] ?? 'false') : `(${parts.join(` ${operator} `)})`;
}
