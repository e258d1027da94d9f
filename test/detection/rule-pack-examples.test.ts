import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatProblem, loadFieldMapping, loadRules } from '../../src/detection';
import { type ExampleOutcome, readExamples, runExamples } from '../../src/detection/run-examples';
import { DEFAULT_RULES_DIR } from '../../src/detection/sweep/rule-pack';
import { ruleKey } from '../../src/detection/sigma-rule';
import { storeBackends, type TestStore } from '../support/stores';

/**
 * The shipped PRM rule pack against its own examples, the way
 * `breachline rules test rules/prm` runs them: every example in a tenant
 * of its own, in one fresh store of each backend (PostgreSQL when
 * DATABASE_URL is set), through the real ingest. The
 * examples are read when the file is collected so each one is a test of
 * its own and a failure names the rule and the example.
 */

const loaded = await loadRules([DEFAULT_RULES_DIR], loadFieldMapping());
const examples = await readExamples(loaded);
const alertingRules = loaded.rules.filter((rule) => rule.alerts).map(ruleKey);
const exampleCases = examples.map(
  (example, index) => [`${example.ruleId} raises ${example.alerts} alert(s) on: ${example.name}`, index] as const,
);

describe('the PRM rule pack', () => {
  it('loads without a problem', () => {
    expect(loaded.problems.map(formatProblem)).toEqual([]);
  });

  it.each(alertingRules)('%s has at least one positive and one negative example', (ruleId) => {
    const own = examples.filter((example) => example.ruleId === ruleId);

    expect(own.filter((example) => example.alerts > 0)).not.toEqual([]);
    expect(own.filter((example) => example.alerts === 0)).not.toEqual([]);
  });

  it('has examples only for rules that raise alerts', () => {
    const examined = new Set(examples.map((example) => example.ruleId));

    expect([...examined].sort()).toEqual([...alertingRules].sort());
  });
});

describe.each(storeBackends())("the PRM rule pack's examples on $name", (backend) => {
  let store: TestStore;
  let outcomes: ExampleOutcome[];

  beforeAll(async () => {
    store = await backend.open();
    outcomes = await runExamples(store.db, loaded, examples);
  });

  afterAll(async () => {
    await store.dispose();
  });

  it.each(exampleCases)('%s', (_name, index) => {
    const outcome = outcomes[index];

    expect(outcome?.raised).toBe(examples[index]?.alerts);
    expect(outcome?.passed).toBe(true);
  });
});
