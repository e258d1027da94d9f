import { compileMatch } from './compile-match';
import { type FieldMapping, type HistoryField, isHistoryField } from './field-mapping';
import { planMatch } from './match-plan';
import type { Condition, DetectionRule, FieldMatch } from './sigma-rule';
import type { SqlParams } from './sql-params';

/** A detection rule's condition as one boolean SQL expression over `e`, and the history fields it reads. */
export interface CompiledDetection {
  predicate: string;
  derived: HistoryField[];
}

/** Thrown only if a rule that did not pass loading is compiled: loading reports the same problem with its line. */
export class UncheckedRuleError extends Error {
  constructor(reason: string) {
    super(`Rule was not checked before compiling: ${reason}`);
    this.name = 'UncheckedRuleError';
  }
}

export function compileDetection(rule: DetectionRule, mapping: FieldMapping, params: SqlParams): CompiledDetection {
  const derived = new Map<string, HistoryField>();
  const compiled = new Map<string, string>();

  // Selections are compiled when the condition first names them: one the
  // condition leaves out (`1 of them` skips `_names`) must add no parameter.
  const selectionSql = (name: string): string => {
    const done = compiled.get(name);
    if (done !== undefined) return done;
    const selection = rule.selections.get(name);
    if (!selection) throw new UncheckedRuleError(`no search identifier '${name}'`);
    const alternatives = selection.alternatives.map((matches) =>
      joined(
        matches.map((match) => compileFieldMatch(match, mapping, params, derived)),
        'AND',
      ),
    );
    const sql = joined(alternatives, 'OR');
    compiled.set(name, sql);
    return sql;
  };

  return { predicate: compileCondition(rule.condition, selectionSql), derived: [...derived.values()] };
}

function compileFieldMatch(
  match: FieldMatch,
  mapping: FieldMapping,
  params: SqlParams,
  derived: Map<string, HistoryField>,
): string {
  const result = planMatch(match, mapping);
  if ('problem' in result) throw new UncheckedRuleError(result.problem);
  const { target } = result.plan;
  if (target.kind === 'derived' && isHistoryField(target.derived)) derived.set(match.field, target.derived);

  return compileMatch(result.plan, params);
}

function compileCondition(condition: Condition, selectionSql: (name: string) => string): string {
  switch (condition.kind) {
    case 'selection':
      return selectionSql(condition.name);
    case 'not':
      return `NOT ${compileCondition(condition.operand, selectionSql)}`;
    case 'and':
    case 'or':
      return joined(
        condition.operands.map((operand) => compileCondition(operand, selectionSql)),
        condition.kind === 'and' ? 'AND' : 'OR',
      );
    case 'of':
      return joined(condition.names.map(selectionSql), condition.quantifier === 'all' ? 'AND' : 'OR');
  }
}

function joined(parts: readonly string[], operator: 'AND' | 'OR'): string {
  return parts.length === 1 ? (parts[0] ?? 'false') : `(${parts.join(` ${operator} `)})`;
}
