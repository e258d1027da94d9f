import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { allScenarios, generateAuditTraffic, planTraffic, type GenerateOptionsInput } from '../../src/generate';

const options: GenerateOptionsInput = {
  days: 3,
  staff: 20,
  patients: 2000,
  seed: 'same',
  scenarios: [...allScenarios],
};

function ndjsonHash(input: GenerateOptionsInput): string {
  const hash = createHash('sha256');
  for (const event of generateAuditTraffic(input)) hash.update(`${JSON.stringify(event)}\n`);

  return hash.digest('hex');
}

describe('determinism', () => {
  it('gives byte-identical NDJSON and labels for the same options', () => {
    expect(ndjsonHash(options)).toBe(ndjsonHash(options));
    expect(JSON.stringify(planTraffic(options).labels)).toBe(JSON.stringify(planTraffic(options).labels));
  });

  it('gives different traffic for a different seed', () => {
    expect(ndjsonHash({ ...options, seed: 'different' })).not.toBe(ndjsonHash(options));
  });

  it('does not depend on the order the scenarios were asked for in', () => {
    expect(ndjsonHash({ ...options, scenarios: [...allScenarios].reverse() })).toBe(ndjsonHash(options));
  });

  it('leaves the traffic of users outside the scenarios untouched when scenarios are turned on', () => {
    const plan = planTraffic(options);
    const scenarioUsers = new Set(plan.labels.scenarios.map((label) => label.user_id));
    const others = (input: GenerateOptionsInput) =>
      [...generateAuditTraffic(input)].filter((event) => !scenarioUsers.has(event.user_id)).map((event) => event.id);

    expect(others(options)).toEqual(others({ ...options, scenarios: [] }));
  });

  it('still fits every scenario into the smallest practice allowed, on a single Sunday', () => {
    const tiny = { days: 1, staff: 5, patients: 1000, seed: 'tiny', start: '2026-11-08', scenarios: [...allScenarios] };
    const plan = planTraffic(tiny);
    const ids = new Set([...generateAuditTraffic(tiny)].map((event) => event.id));

    expect(plan.labels.scenarios).toHaveLength(allScenarios.length);
    for (const label of plan.labels.scenarios) {
      expect(label.event_ids.length, label.scenario).toBeGreaterThan(0);
      expect(
        label.event_ids.every((id) => ids.has(id)),
        label.scenario,
      ).toBe(true);
    }
  });
});
