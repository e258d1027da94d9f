import { layOut, type Placed } from './layout';
import { drawOffPanel, patientId } from './patients';
import type { Population, StaffMember } from './population';
import { Random } from './random';
import { shiftWindow, type ScheduleOptions, type ShiftWindow } from './schedule';
import { staffId } from './staff';
import {
  adminStep,
  exportStep,
  failedLoginStep,
  loginStep,
  logoutStep,
  stamp,
  type Step,
  type TimedEvent,
} from './steps';
import { MINUTE_MS } from './time-zone';
import { Department, StaffRole, hostIn, sites, vpnNetwork } from './vocabulary';
import { revisit, roleProfiles } from './visits';

/**
 * One staff member's working day: a login (now and then after a mistyped
 * password), visits to the day's charts, a lunch break that may time the
 * session out, claim exports for billing, and a logout, all
 * inside the shift. About 95% of the charts opened are from the person's
 * own panel; the rest are other patients, never a flagged one (opening a
 * flagged chart from outside the care team is left to a scenario).
 */

export interface DayContext extends ScheduleOptions {
  tenantId: string;
  population: Population;
}

const OFF_PANEL_SHARE = 0.05;

/** Round `value` up or down at random in proportion to its fraction, so small expected counts stay exact on average. */
function roundStochastic(value: number, random: Random): number {
  return Math.floor(value) + (random.chance(value % 1) ? 1 : 0);
}

/** Today's charts: mostly from the panel, a few from outside it, in random order. */
function todaysPatients(member: StaffMember, context: DayContext, random: Random): { index: number; own: boolean }[] {
  const [min, max] = roleProfiles[member.role].patientsPerDay;
  const count = random.int(min, max);
  const outside = roundStochastic(count * OFF_PANEL_SHARE, random);
  const own = random.sample(member.panel, count - outside).map((index) => ({ index, own: true }));
  const { patientCount, flaggedIndices } = context.population;
  for (let i = 0; i < outside; i++) {
    const index = drawOffPanel(patientCount, member.panelSet, flaggedIndices, random);
    if (index !== undefined) own.push({ index, own: false });
  }

  return random.sample(own, own.length);
}

/** Visits until the day's event budget is spent: each of today's charts once, then quick second looks at their own. */
function dayVisits(member: StaffMember, context: DayContext, random: Random): Step[][] {
  const profile = roleProfiles[member.role];
  const budget = random.int(...profile.eventsPerDay);
  const patients = todaysPatients(member, context, random);
  const emergency = member.department === Department.emergency;
  // Second looks go to the user's own patients: a chart outside the panel is a one-off consult.
  const ownPatients = patients.filter((patient) => patient.own);
  const visits: Step[][] = [];
  let spent = 0;
  for (let i = 0; spent < budget && ownPatients.length > 0; i++) {
    const patient = i < patients.length ? patients[i] : random.pick(ownPatients);
    if (!patient) break;
    const id = patientId(patient.index);
    const breakGlass = emergency && !patient.own && i < patients.length && random.chance(0.5);
    const visit = i < patients.length ? profile.visit(id, random, { breakGlass }) : revisit(member.role, id, random);
    visits.push(visit);
    spent += visit.length;
  }

  return visits;
}

/** Work that is not about one chart: claim batches for billing, account fixes for admins. */
function otherWork(member: StaffMember, context: DayContext, random: Random): Step[][] {
  if (member.role === StaffRole.billing) {
    return Array.from({ length: member.exportsPerDay }, () => [
      exportStep(random.int(40, 400), `exp-${random.token(10)}`),
    ]);
  }
  if (member.role === StaffRole.admin) {
    const users = context.population.staff.length;
    return Array.from({ length: random.int(3, 12) }, () => [adminStep(staffId(random.int(0, users - 1)))]);
  }

  return [];
}

/**
 * Site workstation, or a VPN address handed out for the day when working
 * remotely. It has its own stream so that scenarios can ask where a user
 * worked on a day without replaying the day.
 */
export function dayAddress(member: StaffMember, dayIndex: number, context: DayContext): string {
  const random = Random.for(context.seed, 'address', dayIndex, member.id);
  if (random.chance(member.remoteShare)) return hostIn(vpnNetwork, random.int(10, 250));
  const site = sites[member.site] ?? vpnNetwork;

  return hostIn(site, member.workstationHost);
}

function withLogin(steps: Placed[], loginAt: number, random: Random): Placed[] {
  const failures = random.chance(0.05) ? random.int(1, 2) : 0;
  const failed = Array.from({ length: failures }, (_, i) => ({
    at: loginAt - (failures - i) * Math.round(random.between(8_000, 40_000)),
    step: failedLoginStep(),
  }));

  return [...failed, { at: loginAt, step: loginStep() }, ...steps];
}

/** Splices each of `extra` into `groups` at a random position. */
function interleave(groups: Step[][], extra: readonly Step[][], random: Random): Step[][] {
  const mixed = groups.slice();
  for (const group of extra) mixed.splice(random.int(0, mixed.length), 0, group);

  return mixed;
}

interface Breaks {
  loginAt: number;
  lunchStart: number;
  lunchEnd: number;
}

/** Login a little before or after the shift starts; lunch near its middle. */
function planBreaks(shift: ShiftWindow, random: Random): Breaks {
  const loginAt = shift.start + Math.round(random.between(-8, 15) * MINUTE_MS);
  const lunchStart = Math.round((shift.start + shift.end) / 2 + random.between(-20, 20) * MINUTE_MS);

  return { loginAt, lunchStart, lunchEnd: lunchStart + Math.round(random.between(30, 45) * MINUTE_MS) };
}

/** Morning and afternoon visits around lunch, which times the session out more often than not. */
function placeDay(groups: Step[][], shift: ShiftWindow, random: Random): Placed[] {
  const { loginAt, lunchStart, lunchEnd } = planBreaks(shift, random);
  const split = Math.round(groups.length * ((lunchStart - loginAt) / (shift.end - loginAt)));
  const morning = layOut(groups.slice(0, split), loginAt + MINUTE_MS, lunchStart, random);
  const afternoon = layOut(groups.slice(split), lunchEnd + MINUTE_MS, shift.end - 5 * MINUTE_MS, random);
  const lunch: Placed[] = random.chance(0.6)
    ? [
        { at: lunchStart + 15 * MINUTE_MS, step: logoutStep('idle-timeout') },
        { at: lunchEnd, step: loginStep() },
      ]
    : [];
  const lastAt = afternoon.at(-1)?.at ?? lunchEnd;
  const logoutAt = Math.min(shift.end, lastAt + Math.round(random.between(1, 8) * MINUTE_MS));

  return [...withLogin(morning, loginAt, random), ...lunch, ...afternoon, { at: logoutAt, step: logoutStep('user') }];
}

export function userDay(member: StaffMember, dayIndex: number, context: DayContext): TimedEvent[] {
  const random = Random.for(context.seed, 'day', dayIndex, member.id);
  const shift = shiftWindow(member, dayIndex, context);
  const ip = dayAddress(member, dayIndex, context);
  const actor = { tenantId: context.tenantId, userId: member.id, ip, userAgent: member.userAgent };
  const groups = interleave(dayVisits(member, context, random), otherWork(member, context, random), random);

  return placeDay(groups, shift, random).map(({ at, step }) => stamp(actor, step, at, random));
}
