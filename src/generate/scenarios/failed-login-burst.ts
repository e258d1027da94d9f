import { ScenarioName } from '../options';
import type { Random } from '../random';
import { shiftWindow } from '../schedule';
import { failedLoginStep, loginStep, logoutStep } from '../steps';
import { MINUTE_MS } from '../time-zone';
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
 * Password guessing that works: 20-30 failed logins on one account, a
 * minute or two apart, from an outside address, then a success and a few
 * charts read, all in the hour or two before the real user's shift.
 */
export function failedLoginBurst(context: ScenarioContext, random: Random): ScenarioInjection {
  const casting = cast(context, random, scenarioDay(context.days, random), () => true);
  const { member, day } = casting;
  const network = unusualNetworks.bruteForce;
  const actor = actorFor(context, member, hostIn(network, random.int(2, 254)), 'python-requests/2.32.3');
  const failures = random.int(22, 30);
  const charts = browseCharts(member, random.sample(member.panel, random.int(3, 8)), random);
  const steps = [...Array.from({ length: failures }, failedLoginStep), loginStep(), ...charts, logoutStep('user')];
  // About 1.5 minutes per guess, then a few minutes of reading.
  const durationMs = Math.round((failures * 1.5 + random.int(4, 10)) * MINUTE_MS);
  const from = shiftWindow(member, day, context).start - durationMs - random.int(20, 45) * MINUTE_MS;
  const events = scripted(actor, steps, from, durationMs, random);

  return { label: labelFor(ScenarioName.failedLoginBurst, casting, events, { network: network.prefix }), events };
}
