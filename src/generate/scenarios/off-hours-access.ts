import { ScenarioName } from '../options';
import type { Random } from '../random';
import { MINUTE_MS, zonedInstant } from '../time-zone';
import { hostIn, isDayShift, unusualNetworks } from '../vocabulary';
import {
  actorFor,
  browseCharts,
  cast,
  labelFor,
  scenarioDay,
  scripted,
  strangers,
  type ScenarioContext,
  type ScenarioInjection,
} from './scenario';
import { loginStep, logoutStep } from '../steps';

/**
 * A day-shift user signs in between 2 and 4 in the morning, local time,
 * from a network they never use, and reads charts: a shared or stolen
 * password more often than insomnia.
 */
export function offHoursAccess(context: ScenarioContext, random: Random): ScenarioInjection {
  const casting = cast(context, random, scenarioDay(context.days, random), (member) => isDayShift(member.shift), {
    anyDay: true,
  });
  const { member, day } = casting;
  const network = unusualNetworks.offHours;
  const actor = actorFor(context, member, hostIn(network, random.int(2, 254)));
  const ownCharts = random.sample(member.panel, random.int(6, 14));
  const patients = [...ownCharts, ...strangers(member, context, random.int(2, 6), random)];
  const steps = [
    loginStep(),
    ...browseCharts(member, random.sample(patients, patients.length), random),
    logoutStep('user'),
  ];
  // Starts by 02:40 and lasts at most 75 minutes, so every event falls between 02:00 and 03:59.
  const from = zonedInstant(context.start, day, 2, random.int(0, 40), context.timeZone);
  const events = scripted(actor, steps, from, random.int(30, 75) * MINUTE_MS, random);

  return { label: labelFor(ScenarioName.offHoursAccess, casting, events, { network: network.prefix }), events };
}
