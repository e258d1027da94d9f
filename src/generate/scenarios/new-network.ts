import { ScenarioName } from '../options';
import type { Random } from '../random';
import { shiftWindow } from '../schedule';
import { loginStep, logoutStep } from '../steps';
import { HOUR_MS, MINUTE_MS } from '../time-zone';
import { hostIn, unusualNetworks } from '../vocabulary';
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
 * In the middle of an ordinary shift a second session for the same user
 * opens from a network no one in the practice has used, and reads the
 * user's own patients: a hijacked session or credentials used elsewhere.
 */
export function newNetwork(context: ScenarioContext, random: Random): ScenarioInjection {
  const casting = cast(context, random, scenarioDay(context.days, random), () => true);
  const { member, day } = casting;
  const network = unusualNetworks.newNetwork;
  const actor = actorFor(context, member, hostIn(network, random.int(2, 254)));
  const charts = browseCharts(member, random.sample(member.panel, random.int(6, 15)), random);
  const steps = [loginStep(), ...charts, logoutStep('user')];
  const from =
    shiftWindow(member, day, context).start + Math.round(random.between(1, member.shift.hours - 2) * HOUR_MS);
  const events = scripted(actor, steps, from, random.int(20, 60) * MINUTE_MS, random);

  return { label: labelFor(ScenarioName.newNetwork, casting, events, { network: network.prefix }), events };
}
