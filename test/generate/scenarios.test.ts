import { beforeAll, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/audit/event';
import { isDayShift, isOnDuty, type ScenarioLabel, type ScenarioName } from '../../src/generate';
import { generate, hourIn, instant, patientIndex, smallRun } from './fixture';

let run: ReturnType<typeof generate>;
beforeAll(() => {
  run = generate();
});

const HOUR_MS = 3_600_000;

function labelOf(scenario: ScenarioName): ScenarioLabel {
  const label = run.plan.labels.scenarios.find((candidate) => candidate.scenario === scenario);
  if (!label) throw new Error(`no label for ${scenario}`);

  return label;
}

function injected(label: ScenarioLabel): AuditEventInput[] {
  const ids = new Set(label.event_ids);

  return run.events.filter((event) => ids.has(event.id));
}

const memberOf = (label: ScenarioLabel) => run.plan.population.staff.find((person) => person.id === label.user_id);
const network = (event: AuditEventInput) => event.ip_address?.split('.').slice(0, 3).join('.');

describe('injected scenarios', () => {
  it('are all labelled, each with its own user', () => {
    const labels = run.plan.labels.scenarios;

    expect(labels.map((label) => label.scenario)).toEqual(smallRun.scenarios);
    expect(new Set(labels.map((label) => label.user_id)).size).toBe(labels.length);
  });

  it('have every labelled event in the output, by the labelled user, inside the labelled window', () => {
    for (const label of run.plan.labels.scenarios) {
      const events = injected(label);
      const [start, end] = [Date.parse(label.window.start), Date.parse(label.window.end)];

      expect(events.length, label.scenario).toBe(label.event_ids.length);
      for (const event of events) {
        expect(event.user_id).toBe(label.user_id);
        expect(instant(event)).toBeGreaterThanOrEqual(start);
        expect(instant(event)).toBeLessThanOrEqual(end);
      }
    }
  });

  it('mass-record-access: at least 200 distinct unrelated patients read within one hour', () => {
    const label = labelOf('mass-record-access');
    const events = injected(label);
    const patients = new Set(events.map((event) => event.patient_id));

    expect(patients.size).toBeGreaterThanOrEqual(200);
    expect(Date.parse(label.window.end) - Date.parse(label.window.start)).toBeLessThanOrEqual(HOUR_MS);
    expect([...patients].some((patient) => memberOf(label)?.panelSet.has(patientIndex(patient)))).toBe(false);
  });

  it('off-hours-access: a day-shift user reads PHI between 02:00 and 04:00 local from a network they never use', () => {
    const label = labelOf('off-hours-access');
    const events = injected(label);
    const ids = new Set(label.event_ids);
    const elsewhere = run.events.filter((event) => event.user_id === label.user_id && !ids.has(event.id));

    expect(isDayShift(memberOf(label)?.shift ?? { name: 'night', startHour: 23, hours: 8 })).toBe(true);
    expect(events.filter((event) => event.phi_accessed).length).toBeGreaterThan(5);
    for (const event of events) expect([2, 3]).toContain(hourIn(event, run.plan.options.timeZone));
    expect(new Set(events.map(network))).toEqual(new Set([label.network]));
    expect(elsewhere.some((event) => network(event) === label.network)).toBe(false);
  });

  it('failed-login-burst: twenty or more failed logins, minutes apart, then a success', () => {
    const events = injected(labelOf('failed-login-burst'));
    const firstSuccess = events.findIndex((event) => event.action === 'login' && event.outcome === 'success');
    const failures = events.slice(0, firstSuccess);

    expect(failures.length).toBeGreaterThanOrEqual(20);
    for (const event of failures) expect([event.action, event.outcome]).toEqual(['login', 'failure']);
    const times = events.slice(0, firstSuccess + 1).map(instant);
    const span = (times.at(-1) ?? 0) - (times[0] ?? 0);
    expect(span / failures.length, 'average gap between attempts').toBeGreaterThan(30_000);
  });

  it('export-spike: a billing user exports at least twenty times their usual daily count in one day', () => {
    const label = labelOf('export-spike');
    const person = memberOf(label);
    if (!person) throw new Error('export-spike user is not in the population');
    const exportsOn = (day: number) =>
      run.events.filter(
        (event) =>
          event.user_id === label.user_id &&
          event.action === 'export' &&
          instant(event) >= dayStart(day) &&
          instant(event) < dayStart(day + 1),
      ).length;
    const otherDays = Array.from({ length: smallRun.days }, (_, day) => day).filter(
      (day) => day !== label.day && isOnDuty(person, day, run.plan.options),
    );
    const usual = otherDays.reduce((sum, day) => sum + exportsOn(day), 0) / otherDays.length;

    expect(person.role).toBe('billing');
    expect(usual).toBe(label.baseline_exports_per_day);
    expect(exportsOn(label.day)).toBeGreaterThanOrEqual(20 * usual);
  });

  it('terminated-account: the account is used after its termination, and only by the scenario', () => {
    const label = labelOf('terminated-account');
    const terminatedAt = Date.parse(label.termination_time ?? '');
    const ids = new Set(label.event_ids);
    const after = run.events.filter((event) => event.user_id === label.user_id && instant(event) >= terminatedAt);

    expect(run.plan.labels.terminated_users).toEqual([
      { user_id: label.user_id, terminated_at: label.termination_time },
    ]);
    expect(after.length).toBeGreaterThan(0);
    expect(after.every((event) => ids.has(event.id))).toBe(true);
    expect(run.events.some((event) => event.user_id === label.user_id && instant(event) < terminatedAt)).toBe(true);
  });

  it('vip-record-access: someone outside the care team opens a flagged chart', () => {
    const label = labelOf('vip-record-access');
    const flagged = run.plan.labels.flagged_patients.map((patient) => patient.patient_id);
    const reads = injected(label).filter((event) => event.action === 'read');

    expect(flagged).toContain(label.patient_id);
    expect(memberOf(label)?.panelSet.has(patientIndex(label.patient_id))).toBe(false);
    expect(reads.some((event) => event.resource_type === 'Patient' && event.patient_id === label.patient_id)).toBe(
      true,
    );
  });

  it('new-network: a user suddenly works from a network nobody had used before', () => {
    const label = labelOf('new-network');
    const events = injected(label);
    const ids = new Set(label.event_ids);

    expect(new Set(events.map(network))).toEqual(new Set([label.network]));
    expect(run.events.some((event) => !ids.has(event.id) && network(event) === label.network)).toBe(false);
    expect(events.some((event) => event.action === 'login' && event.outcome === 'success')).toBe(true);
  });
});

/** Local midnight of a day in the run, from the labelled period (days are 24 hours in the test window). */
function dayStart(day: number): number {
  return Date.parse(run.plan.labels.period.start) + day * 24 * HOUR_MS;
}
