import type { ScenarioName } from '../options';
import { drawOffPanel, patientId } from '../patients';
import type { StaffMember } from '../population';
import type { Random } from '../random';
import { isOnDuty } from '../schedule';
import { chartOpenStep, stamp, type Actor, type Step, type TimedEvent } from '../steps';
import { isoInstant } from '../time-zone';
import type { DayContext } from '../user-day';
import { revisit } from '../visits';

/**
 * What every scenario shares: how it picks a day and a user, how it turns
 * scripted steps into events, and the label it leaves behind for scoring.
 * A scenario's events are all made up front (a few hundred at most) and
 * merged into the stream on their day.
 */

export interface ScenarioContext extends DayContext {
  days: number;
  /** Users already given a scenario: each scenario gets its own user when there are enough, so labels do not overlap. */
  used: Set<string>;
}

/** The label of one injected scenario, in the label file's snake_case. */
export interface ScenarioLabel {
  scenario: ScenarioName;
  user_id: string;
  /** Index of the calendar day (from `start`) the events were injected on. */
  day: number;
  window: { start: string; end: string };
  event_ids: string[];
  /** terminated-account: when the account should have stopped working. */
  termination_time?: string;
  /** vip-record-access: the flagged chart that was opened. */
  patient_id?: string;
  /** off-hours-access, new-network, failed-login-burst: the /24 the events came from, first three octets. */
  network?: string;
  /** export-spike: the user's usual number of exports per working day. */
  baseline_exports_per_day?: number;
}

export interface ScenarioInjection {
  label: ScenarioLabel;
  events: TimedEvent[];
  /** terminated-account: the user's own traffic stops from this day on. */
  stopsBaselineFromDay?: number;
}

export interface Casting {
  day: number;
  member: StaffMember;
}

/** A day after the first when there is one, so every scenario user has some normal history before it. */
export function scenarioDay(days: number, random: Random): number {
  return days > 1 ? random.int(1, days - 1) : 0;
}

/**
 * A user who fits and works on the day. Days are tried from `preferredDay`
 * onwards, wrapping round; when nobody fits on any day (one Sunday and an
 * office role, say) the user comes in on the preferred day anyway. With
 * `anyDay`, the scenario happens outside work and keeps its day.
 */
export function cast(
  context: ScenarioContext,
  random: Random,
  preferredDay: number,
  fits: (member: StaffMember) => boolean,
  { anyDay = false } = {},
): Casting {
  const fitting = context.population.staff.filter(fits);
  const unused = fitting.filter((member) => !context.used.has(member.id));
  // A practice too small to give every scenario its own user shares them rather than failing.
  const candidates = unused.length > 0 ? unused : fitting;
  for (let offset = 0; !anyDay && offset < context.days; offset++) {
    const day = (preferredDay + offset) % context.days;
    const working = candidates.filter((member) => isOnDuty(member, day, context));
    if (working.length > 0) return claim(context, { day, member: random.pick(working) });
  }
  const member = random.pick(candidates.length > 0 ? candidates : context.population.staff);

  return claim(context, { day: preferredDay, member });
}

function claim(context: ScenarioContext, casting: Casting): Casting {
  context.used.add(casting.member.id);

  return casting;
}

/** The user as a scenario acts: their own account from `ip`, with their usual browser unless told otherwise. */
export function actorFor(context: DayContext, member: StaffMember, ip: string, userAgent = member.userAgent): Actor {
  return { tenantId: context.tenantId, userId: member.id, ip, userAgent };
}

/** Steps laid out back to back from `from` and stretched to last exactly `durationMs`, then stamped. */
export function scripted(actor: Actor, steps: readonly Step[], from: number, durationMs: number, random: Random) {
  const weights = steps.map((_, i) => (i === 0 ? 0 : random.between(0.5, 1.5)));
  const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
  let cursor = from;

  return steps.map((step, i) => {
    cursor += ((weights[i] ?? 0) / total) * durationMs;

    return stamp(actor, step, Math.round(cursor), random);
  });
}

/** Browsing each of `patients` the way the user's role usually does on a second look. */
export function browseCharts(member: StaffMember, patients: readonly number[], random: Random): Step[] {
  return patients.flatMap((index) => revisit(member.role, patientId(index), random));
}

/** `count` distinct patients outside the user's panel, none flagged. */
export function strangers(member: StaffMember, context: DayContext, count: number, random: Random): number[] {
  const chosen = new Set<number>();
  const { patientCount, flaggedIndices } = context.population;
  for (let attempt = 0; chosen.size < count && attempt < count * 20; attempt++) {
    const index = drawOffPanel(patientCount, member.panelSet, flaggedIndices, random);
    if (index !== undefined) chosen.add(index);
  }

  return [...chosen];
}

export function chartOpens(patients: readonly number[]): Step[] {
  return patients.map((index) => chartOpenStep(patientId(index)));
}

export function labelFor(
  scenario: ScenarioName,
  casting: Casting,
  events: readonly TimedEvent[],
  extra: Partial<ScenarioLabel> = {},
): ScenarioLabel {
  const first = events[0]?.at ?? 0;
  const last = events.at(-1)?.at ?? first;

  return {
    scenario,
    user_id: casting.member.id,
    day: casting.day,
    window: { start: isoInstant(first), end: isoInstant(last) },
    event_ids: events.map(({ event }) => event.id),
    ...extra,
  };
}
