import type { AuditEventInput } from '../audit/event';
import { buildLabels, type TrafficLabels } from './labels';
import { resolveOptions, type GenerateOptions, type GenerateOptionsInput } from './options';
import { buildPopulation, type Population } from './population';
import { dayStart, isOnDuty } from './schedule';
import { planScenarios, type ScenarioInjection } from './scenarios';
import type { TimedEvent } from './steps';
import { userDay, type DayContext } from './user-day';

/**
 * The generator's entry points. Traffic is made one calendar day at a time:
 * every user's day plus the scenarios of that day, sorted. Shifts that run
 * past midnight carry their tail into the next day's sort, which is safe
 * because nothing made for a later day happens before that day's local
 * midnight. So at most a day and a night shift are in memory at once,
 * whatever the length of the run.
 */

export interface TrafficPlan {
  options: GenerateOptions;
  population: Population;
  context: DayContext;
  injections: ScenarioInjection[];
  labels: TrafficLabels;
}

export function planTraffic(input: GenerateOptionsInput): TrafficPlan {
  const options = resolveOptions(input);
  const population = buildPopulation(options);
  const context: DayContext = { ...options, population };
  const injections = planScenarios(options, context);

  return { options, population, context, injections, labels: buildLabels(options, population, injections) };
}

/** Users whose own traffic stops on a day: terminated accounts. */
function stoppedUsers(injections: readonly ScenarioInjection[]): Map<string, number> {
  return new Map(
    injections.flatMap(({ label, stopsBaselineFromDay }) =>
      stopsBaselineFromDay === undefined ? [] : [[label.user_id, stopsBaselineFromDay] as const],
    ),
  );
}

function madeForDay(plan: TrafficPlan, day: number, stopped: ReadonlyMap<string, number>): TimedEvent[] {
  const events: TimedEvent[] = [];
  for (const member of plan.population.staff) {
    if ((stopped.get(member.id) ?? Infinity) <= day || !isOnDuty(member, day, plan.context)) continue;
    for (const timed of userDay(member, day, plan.context)) events.push(timed);
  }
  for (const injection of plan.injections) {
    if (injection.label.day === day) for (const timed of injection.events) events.push(timed);
  }

  return events;
}

/** The events of each day in time order, one array per calendar day. */
export function* trafficByDay(plan: TrafficPlan): Generator<AuditEventInput[]> {
  const stopped = stoppedUsers(plan.injections);
  let carried: TimedEvent[] = [];
  for (let day = 0; day < plan.options.days; day++) {
    // Stable sort on the instant alone: ties keep their (deterministic) order of making.
    const batch = [...carried, ...madeForDay(plan, day, stopped)].sort((a, b) => a.at - b.at);
    const horizon = day + 1 < plan.options.days ? dayStart(day + 1, plan.options) : Infinity;
    const cut = firstAtOrAfter(batch, horizon);
    carried = batch.slice(cut);
    yield batch.slice(0, cut).map(({ event }) => event);
  }
}

function firstAtOrAfter(sorted: readonly TimedEvent[], instant: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.at ?? Infinity) < instant) low = middle + 1;
    else high = middle;
  }

  return low;
}

/** Every event of the run, in non-decreasing `occurred_at` order. */
export function* trafficEvents(plan: TrafficPlan): Generator<AuditEventInput> {
  for (const day of trafficByDay(plan)) yield* day;
}

export function generateAuditTraffic(input: GenerateOptionsInput): Generator<AuditEventInput> {
  return trafficEvents(planTraffic(input));
}
