import { describe, expect, it } from 'vitest';
import { GenerateOptionsError, allScenarios, parseScenarioList, resolveOptions } from '../../src/generate';

describe('generator options', () => {
  it('fills in the documented defaults: a Monday start, the demo tenant, Chicago time and no scenarios', () => {
    const options = resolveOptions({ days: 3, staff: 20, patients: 2000, seed: 's' });

    expect(options).toMatchObject({
      start: '2026-11-02',
      tenantId: 'st-elsewhere',
      timeZone: 'America/Chicago',
      scenarios: [],
    });
  });

  it('reports every bad option at once', () => {
    const attempt = (): unknown =>
      resolveOptions({ days: 0, staff: 2, patients: 10, seed: 's', start: '2026-02-30', timeZone: 'Mars/Olympus' });

    expect(attempt).toThrow(GenerateOptionsError);
    try {
      attempt();
    } catch (error) {
      const keys = (error as GenerateOptionsError).problems.map((problem) => problem.split(':')[0]);
      expect(keys).toEqual(['days', 'staff', 'patients', 'start', 'timeZone']);
    }
  });

  it('reads a comma list of scenarios or all, and refuses names it does not know', () => {
    expect(parseScenarioList('all')).toEqual(allScenarios);
    expect(parseScenarioList('export-spike, new-network')).toEqual(['export-spike', 'new-network']);
    expect(() => parseScenarioList('export-spike,ransomware')).toThrow(/unknown ransomware/);
  });
});
