import { compileMatch } from './compile-match';
import type { AuditColumn } from './audit-columns';
import { type FieldMapping, type FieldTarget, type HistoryField, isHistoryField } from './field-mapping';
import { planMatch } from './match-plan';
import type { Condition, DetectionRule, FieldMatch } from './sigma-rule';
import type { SqlParams } from './sql-params';

/** What a detection rule's condition reads of an event: audit_events columns, or its details. */
export type EventPart = AuditColumn | 'details';

/** A detection rule's condition as one boolean SQL expression over `e`, the history fields and the parts of the event it reads. */
export interface CompiledDetection {
  predicate: string;
  derived: HistoryField[];
  reads: Set<EventPart>;
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
  const reads = new Set<EventPart>();
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
        matches.map((match) => compileFieldMatch(match, mapping, params, derived, reads)),
        'AND',
      ),
    );
    const sql = joined(alternatives, 'OR');
    compiled.set(name, sql);
    return sql;
  };

  const predicate = compileCondition(rule.condition, selectionSql);

  return { predicate, derived: [...derived.values()], reads };
}

function compileFieldMatch(
  match: FieldMatch,
  mapping: FieldMapping,
  params: SqlParams,
  derived: Map<string, HistoryField>,
  reads: Set<EventPart>,
): string {
  const result = planMatch(match, mapping);
  if ('problem' in result) throw new UncheckedRuleError(result.problem);
  const { target } = result.plan;
  if (target.kind === 'derived' && isHistoryField(target.derived)) derived.set(match.field, target.derived);
  for (const part of partsRead(target)) reads.add(part);

  return compileMatch(result.plan, params);
}

/** The parts of an event a field reads; a care-team look-up reads the event's user, patient and time. */
export function partsRead(target: FieldTarget): EventPart[] {
  if (target.kind === 'column') return [target.column];
  if (target.kind === 'details') return ['details'];
  return isHistoryField(target.derived) ? [] : ['tenant_id', 'user_id', 'patient_id', 'occurred_at'];
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
