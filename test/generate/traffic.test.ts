import { beforeAll, describe, expect, it } from 'vitest';
import { auditEventSchema } from '../../src/audit/event';
import { isDayShift, isOnDuty, StaffRole } from '../../src/generate';
import { byUser, generate, hourIn, instant, patientIndex, smallRun } from './fixture';

let run: ReturnType<typeof generate>;
beforeAll(() => {
  run = generate();
});

const baseline = () => run.events.filter((event) => !run.labelled.has(event.id));
const member = (userId: string) => run.plan.population.staff.find((staff) => staff.id === userId);

describe('generated traffic', () => {
  it('is valid audit events, every one', () => {
    expect(run.events.length).toBeGreaterThan(20_000);
    for (const event of run.events) auditEventSchema.parse(event);
  });

  it('is in non-decreasing occurred_at order, in UTC with millisecond precision', () => {
    let previous = -Infinity;
    for (const event of run.events) {
      expect(event.occurred_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
      expect(instant(event)).toBeGreaterThanOrEqual(previous);
      previous = instant(event);
    }
  });

  it('has unique event ids', () => {
    expect(new Set(run.events.map((event) => event.id)).size).toBe(run.events.length);
  });

  it('comes to 150-400 events per person per working day on average', () => {
    const unlabelledUsers = new Set(run.plan.labels.scenarios.map((label) => label.user_id));
    const staff = run.plan.population.staff.filter((person) => !unlabelledUsers.has(person.id));
    const users = byUser(baseline());
    for (const person of staff) {
      const workingDays = Array.from({ length: smallRun.days }, (_, day) => day).filter((day) =>
        isOnDuty(person, day, run.plan.options),
      ).length;
      if (workingDays === 0) continue;
      const perDay = (users.get(person.id)?.length ?? 0) / workingDays;
      expect(perDay, person.id).toBeGreaterThanOrEqual(150);
      expect(perDay, person.id).toBeLessThanOrEqual(420);
    }
  });

  it('marks PHI access exactly on events that touch a patient record or export claims', () => {
    for (const event of run.events) {
      expect(event.phi_accessed, event.id).toBe(event.patient_id !== null || event.action === 'export');
    }
  });

  it('gives each role its own mix: clinicians write, billing exports, nobody else does', () => {
    const roleOf = new Map(run.plan.population.staff.map((person) => [person.id, person.role]));
    const actionsBy = (role: StaffRole) =>
      new Set(baseline().flatMap((event) => (roleOf.get(event.user_id) === role ? [event.action] : [])));

    expect(actionsBy(StaffRole.physician)).toEqual(new Set(['login', 'logout', 'read', 'create', 'update', 'print']));
    expect(actionsBy(StaffRole.billing)).toContain('export');
    expect(actionsBy(StaffRole.nurse)).not.toContain('export');
    expect(actionsBy(StaffRole.admin)).toContain('admin');
  });

  it('sends at least 90% of each clinician’s patient reads to their own panel', () => {
    for (const [userId, events] of byUser(baseline())) {
      const person = member(userId);
      if (!person || (person.role !== StaffRole.physician && person.role !== StaffRole.nurse)) continue;
      const reads = events.filter((event) => event.action === 'read' && event.patient_id);
      const own = reads.filter((event) => person.panelSet.has(patientIndex(event.patient_id)));
      expect(own.length / reads.length, userId).toBeGreaterThanOrEqual(0.9);
    }
  });

  it('keeps at least 95% of a day-shift user’s events inside their shift, in the tenant’s time zone', () => {
    const { timeZone } = run.plan.options;
    for (const [userId, events] of byUser(baseline())) {
      const person = member(userId);
      if (!person || !isDayShift(person.shift)) continue;
      const { startHour, hours } = person.shift;
      const inside = events.filter((event) => {
        const hour = hourIn(event, timeZone);
        return hour >= startHour && hour < startHour + hours;
      });
      expect(inside.length / events.length, userId).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('uses break-glass only for emergency clinicians opening charts outside their panel', () => {
    const glass = baseline().filter((event) => event.details?.break_glass === true);

    expect(glass.length).toBeGreaterThan(0);
    for (const event of glass) {
      const person = member(event.user_id);
      expect(person?.department).toBe('emergency');
      expect(event.details).toEqual({ screen: 'chart-summary', break_glass: true, reason: 'emergency' });
    }
  });

  it('leaves flagged charts to their care teams outside the scenarios', () => {
    const careTeams = new Map(
      run.plan.labels.flagged_patients.map((patient) => [patient.patient_id, patient.care_team]),
    );
    for (const event of baseline()) {
      const careTeam = event.patient_id ? careTeams.get(event.patient_id) : undefined;
      if (!event.patient_id || !careTeam) continue;
      expect(member(event.user_id)?.panelSet.has(patientIndex(event.patient_id)), event.id).toBe(true);
      expect(careTeam, event.id).toContain(event.user_id);
    }
  });

  it("labels each flagged chart's care team as the staff whose panel holds it", () => {
    for (const patient of run.plan.labels.flagged_patients) {
      const holders = run.plan.population.staff.filter((person) =>
        person.panelSet.has(patientIndex(patient.patient_id)),
      );

      expect(patient.care_team).toEqual(holders.map((person) => person.id));
    }
  });
});
