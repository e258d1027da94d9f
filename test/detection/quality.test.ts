import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/audit/ingest';
import {
  addReferenceListEntries,
  evaluateRules,
  formatProblem,
  loadFieldMapping,
  loadRules,
  type LoadedRules,
  type RuleMatch,
} from '../../src/detection';
import { DEFAULT_RULES_DIR } from '../../src/detection/sweep/rule-pack';
import { ruleKey } from '../../src/detection/sigma-rule';
import {
  allScenarios,
  type GenerateOptionsInput,
  planTraffic,
  ScenarioName,
  type ScenarioLabel,
  trafficEvents,
} from '../../src/generate';
import { referenceEntriesFor } from '../../src/generate/reference-entries';
import { openPgliteTestStore, type TestStore } from '../support/stores';

/**
 * Precision and recall of the PRM rule pack on generated traffic with
 * every scenario injected, scored against the generator's labels (the
 * issue's "measured quality"). The run is the one `breachline generate`
 * plans (planTraffic), small enough for a 2-core machine: 5 days from a
 * Monday, 30 staff, about 39,000 events.
 *
 * Per rule, an alert is a true positive when its events overlap the
 * labelled events of a scenario the rule targets, a false positive when
 * they overlap no labelled scenario at all, and neither when they overlap
 * only another scenario (an intruder's unusual network also trips the
 * new-network rule: right, but not what that scenario measures). A false
 * negative is a targeted scenario no alert overlaps.
 *
 * The flags, each flagged chart's care team and the terminations go into
 * the reference lists from the label file, as an operator would load them
 * from the platform's own records; hours of the day are read in the
 * practice's zone, as the generator wrote them.
 */

const RUN: GenerateOptionsInput = {
  days: 5,
  staff: 30,
  patients: 3000,
  seed: 'detection-quality',
  start: '2026-11-02',
  scenarios: [...allScenarios],
};

/**
 * Which scenario each alerting rule of the pack is meant to find; null for a
 * rule the generator has no scenario for. The new-patient spike targets mass
 * record access: its several hundred strangers' charts are the only burst of
 * patients new to a user that the generator injects.
 */
const TARGETS: Readonly<Record<string, ScenarioName | null>> = {
  'prm-mass-record-access': ScenarioName.massRecordAccess,
  'prm-new-patient-spike': ScenarioName.massRecordAccess,
  'prm-off-shift-phi-access': ScenarioName.offHoursAccess,
  'prm-failed-login-burst-then-success': ScenarioName.failedLoginBurst,
  'prm-export-volume-spike': ScenarioName.exportSpike,
  'prm-inactive-account-access': ScenarioName.terminatedAccount,
  'prm-flagged-record-access': ScenarioName.vipRecordAccess,
  'prm-new-network-access': ScenarioName.newNetwork,
  'prm-break-glass-access': null,
};

interface Score {
  ruleId: string;
  target: ScenarioName | null;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Alerts that overlap only scenarios the rule does not target. */
  otherScenarios: number;
  /** Alerts that overlap nothing but list only part of their events, so overlap could not be judged. */
  unjudged: number;
  precision: number | undefined;
  recall: number | undefined;
}

function overlapped(match: RuleMatch, labels: readonly ScenarioLabel[]): ScenarioLabel[] {
  const ids = new Set(match.eventIds);
  return labels.filter((label) => label.event_ids.some((id) => ids.has(id)));
}

function score(ruleId: string, matches: readonly RuleMatch[], labels: readonly ScenarioLabel[]): Score {
  const target = TARGETS[ruleId] ?? null;
  const own = matches.filter((match) => match.ruleId === ruleId);
  const found = new Set<ScenarioLabel>();
  const tally = { truePositives: 0, falsePositives: 0, otherScenarios: 0, unjudged: 0 };
  for (const match of own) {
    const hits = overlapped(match, labels);
    const targeted = hits.filter((label) => label.scenario === target);
    for (const label of targeted) found.add(label);
    if (targeted.length > 0) tally.truePositives += 1;
    else if (hits.length > 0) tally.otherScenarios += 1;
    else if (match.eventIds.length < match.eventCount) tally.unjudged += 1;
    else tally.falsePositives += 1;
  }

  const wanted = labels.filter((label) => label.scenario === target);
  const flagged = tally.truePositives + tally.falsePositives;

  return {
    ruleId,
    target,
    ...tally,
    falseNegatives: wanted.length - found.size,
    precision: flagged > 0 ? tally.truePositives / flagged : undefined,
    recall: wanted.length > 0 ? found.size / wanted.length : undefined,
  };
}

function table(scores: readonly Score[]): string {
  const ratio = (value: number | undefined): string => (value === undefined ? '-' : value.toFixed(2));
  // Without a scenario there is nothing to be precise about: its alerts are listed as FP, unscored.
  const scored = (s: Score, value: number | undefined): string => (s.target === null ? '-' : ratio(value));
  const rows = [
    ['rule', 'scenario', 'TP', 'FP', 'FN', 'precision', 'recall', 'other'],
    ...scores.map((s) => [
      s.ruleId,
      s.target ?? '(none)',
      String(s.truePositives),
      String(s.falsePositives),
      String(s.falseNegatives),
      scored(s, s.precision),
      scored(s, s.recall),
      String(s.otherScenarios),
    ]),
  ];
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => row[column]?.length ?? 0))) ?? [];

  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ')).join('\n');
}

describe('detection quality on generated traffic with every scenario injected', () => {
  const plan = planTraffic(RUN);
  let loaded: LoadedRules;
  let store: TestStore;
  let matches: RuleMatch[];
  let scores: Score[];

  beforeAll(async () => {
    loaded = await loadRules([DEFAULT_RULES_DIR], loadFieldMapping());
    store = await openPgliteTestStore();
    await ingest(store.db, [...trafficEvents(plan)]);
    await addReferenceListEntries(store.db, referenceEntriesFor(plan.labels));

    matches = await evaluateRules(store.db, loaded, { timeZone: plan.options.timeZone });

    const alerting = loaded.rules.filter((rule) => rule.alerts).map(ruleKey);
    scores = alerting.map((ruleId) => score(ruleId, matches, plan.labels.scenarios));
    console.log(`${matches.length} alerts over the run; per rule:\n${table(scores)}`);
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('loads the rule pack without a problem', () => {
    expect(loaded.problems.map(formatProblem)).toEqual([]);
  });

  it('has injected every scenario once, each with labelled events', () => {
    const injected = plan.labels.scenarios.map((label) => label.scenario);

    expect([...injected].sort()).toEqual([...allScenarios].sort());
    expect(plan.labels.scenarios.filter((label) => label.event_ids.length === 0)).toEqual([]);
  });

  it('names a target for every alerting rule, and some rule targets every scenario', () => {
    const alerting = loaded.rules.filter((rule) => rule.alerts).map(ruleKey);
    const targeted = new Set(Object.values(TARGETS));

    expect([...alerting].sort()).toEqual(Object.keys(TARGETS).sort());
    expect(allScenarios.filter((scenario) => !targeted.has(scenario))).toEqual([]);
  });

  it('judges every alert: none that overlaps no scenario lists only part of its events', () => {
    expect(scores.filter((s) => s.unjudged > 0).map((s) => s.ruleId)).toEqual([]);
  });

  const measured = Object.entries(TARGETS).filter((entry): entry is [string, ScenarioName] => entry[1] !== null);
  for (const [ruleId, scenario] of measured) {
    it(`${ruleId} finds the ${scenario} scenario with precision and recall 1.0`, () => {
      const result = scores.find((s) => s.ruleId === ruleId);

      expect({ precision: result?.precision, recall: result?.recall }).toEqual({ precision: 1, recall: 1 });
    });
  }
});
