import { expect } from 'vitest';
import { ingest } from '../../src/audit/ingest';
import type { AuditEventInput } from '../../src/audit/event';
import {
  evaluateRules,
  type FieldMapping,
  formatProblem,
  type LoadedRules,
  loadFieldMapping,
  parseRuleTexts,
  type RuleMatch,
  type SweepScope,
} from '../../src/detection';
import type { Database } from '../../src/store/database';
import { auditEvent } from '../support/audit-events';

/** Rule texts in these tests are read as one file with this name. */
export const RULE_FILE = 'rules.yml';

export const defaultMapping: FieldMapping = loadFieldMapping();

/** Rules from YAML text that must load without a problem. */
export function rules(text: string, mapping = defaultMapping): LoadedRules {
  const loaded = parseRuleTexts([{ file: RULE_FILE, text }], mapping);
  expect(loaded.problems.map(formatProblem)).toEqual([]);
  return loaded;
}

/** The problems of YAML text that must not load, as `line: reason`. */
export function problems(text: string, mapping = defaultMapping): string[] {
  const loaded = parseRuleTexts([{ file: RULE_FILE, text }], mapping);
  return loaded.problems.map((problem) => `${problem.line}: ${problem.reason}`);
}

/** A one-selection PRM rule with the given `detection` body (indented YAML, without `condition`). */
export function detectionRule(body: string, condition = 'selection', id = 'test-rule'): string {
  return `title: Test rule\nid: ${id}\nlogsource: { product: prm }\ndetection:\n${body}\n  condition: ${condition}\n`;
}

const BASE_TIME = Date.UTC(2026, 10, 2, 14, 0, 0);

/** Event n of the shared fixture, at 14:00:00Z + `secondsAfter` (default n seconds), with overrides. */
export function eventAt(n: number, secondsAfter: number, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return auditEvent(n, { occurred_at: new Date(BASE_TIME + secondsAfter * 1000).toISOString(), ...overrides });
}

export const at = (secondsAfter: number): string => new Date(BASE_TIME + secondsAfter * 1000).toISOString();

/** Stores the events through the real ingest and evaluates the rules over everything stored. */
export async function alertsFor(
  db: Database,
  loaded: LoadedRules,
  events: readonly AuditEventInput[],
  scope: SweepScope = {},
): Promise<RuleMatch[]> {
  if (events.length > 0) await ingest(db, events);
  return evaluateRules(db, loaded, scope);
}

/** The user ids (or other first group values) alerted on, sorted. */
export function alertedGroups(matches: readonly RuleMatch[]): string[] {
  return matches.map((match) => String(Object.values(match.group)[0])).sort();
}
