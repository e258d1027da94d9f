import { ScenarioName } from '../options';
import type { Random } from '../random';
import { dayStart } from '../schedule';
import { loginStep, logoutStep } from '../steps';
import { MINUTE_MS, isoInstant, zonedInstant } from '../time-zone';
import { Shift, hostIn, vpnNetwork } from '../vocabulary';
import {
  actorFor,
  browseCharts,
  cast,
  labelFor,
  scenarioDay,
  scripted,
  type ScenarioContext,
  type ScenarioInjection,
} from './scenario';

/**
 * A user leaves on day N (the termination takes effect at local midnight)
 * but the account is never disabled: that evening or up to three days
 * later it signs in over the VPN and reads the user's old patients. The user's ordinary
 * traffic stops at the termination, so every later event is the scenario.
 * Night-shift users are not cast, as their last shift would run past it.
 */
export function terminatedAccount(context: ScenarioContext, random: Random): ScenarioInjection {
  const terminationDay = scenarioDay(context.days, random);
  const accessDay = random.int(terminationDay, Math.min(context.days - 1, terminationDay + 3));
  const casting = cast(context, random, accessDay, (member) => member.shift.name !== Shift.night.name, {
    anyDay: true,
  });
  const { member } = casting;
  const actor = actorFor(context, member, hostIn(vpnNetwork, random.int(10, 250)));
  const patients = random.sample(member.panel, random.int(8, 20));
  const steps = [loginStep(), ...browseCharts(member, patients, random), logoutStep('user')];
  const from = zonedInstant(context.start, casting.day, random.int(19, 21), random.int(0, 59), context.timeZone);
  const events = scripted(actor, steps, from, random.int(30, 90) * MINUTE_MS, random);
  const terminationTime = isoInstant(dayStart(terminationDay, context));
  const label = labelFor(ScenarioName.terminatedAccount, casting, events, { termination_time: terminationTime });

  return { label, events, stopsBaselineFromDay: terminationDay };
}
