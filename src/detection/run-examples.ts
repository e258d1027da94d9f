import { readFile } from 'node:fs/promises';
import { ingest } from '../audit/ingest';
import type { Database } from '../store/database';
import { evaluateRule } from './evaluate-rules';
import type { LoadedRules } from './load-rules';
import { addReferenceListEntries } from './reference-lists';
import { readRuleExamples, type RuleExample } from './rule-examples';
import { ruleKey } from './sigma-rule';

/**
 * Runs every rule's own examples against a real store: each example gets a
 * tenant of its own (so examples cannot see each other's events), its
 * events go through the real ingest, its list entries into the real
 * reference lists, and the rule is evaluated over everything, as a first
 * sweep would. Hours of the day are read in UTC.
 */

export interface ExampleOutcome {
  example: RuleExample;
  /** Alerts the rule raised; the example passes when this equals `example.alerts`. */
  raised: number;
  passed: boolean;
}

export async function readExamples(loaded: LoadedRules): Promise<RuleExample[]> {
  const examples: RuleExample[] = [];
  for (const file of loaded.files) examples.push(...readRuleExamples(file, await readFile(file, 'utf8')));
  return examples;
}

export async function runExamples(
  db: Database,
  loaded: LoadedRules,
  examples: readonly RuleExample[],
): Promise<ExampleOutcome[]> {
  const outcomes: ExampleOutcome[] = [];
  for (const [index, example] of examples.entries()) {
    outcomes.push(await runExample(db, loaded, example, `ex-${index + 1}`));
  }
  return outcomes;
}

async function runExample(db: Database, loaded: LoadedRules, example: RuleExample, tenantId: string) {
  const rule = loaded.rules.find((candidate) => ruleKey(candidate) === example.ruleId);
  if (!rule) return { example, raised: -1, passed: false };

  await ingest(
    db,
    example.events.map((event) => ({ ...event, tenant_id: tenantId })),
  );
  await addReferenceListEntries(
    db,
    example.lists.map((entry) => ({ ...entry, tenantId })),
  );
  const matches = await evaluateRule(db, rule, loaded.mapping, { tenantId });

  return { example, raised: matches.length, passed: matches.length === example.alerts };
}
