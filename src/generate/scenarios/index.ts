import { ScenarioName, allScenarios, type GenerateOptions } from '../options';
import { Random } from '../random';
import type { DayContext } from '../user-day';
import { exportSpike } from './export-spike';
import { failedLoginBurst } from './failed-login-burst';
import { massRecordAccess } from './mass-record-access';
import { newNetwork } from './new-network';
import { offHoursAccess } from './off-hours-access';
import type { ScenarioContext, ScenarioInjection } from './scenario';
import { terminatedAccount } from './terminated-account';
import { vipRecordAccess } from './vip-record-access';

export type { ScenarioInjection, ScenarioLabel } from './scenario';

type ScenarioPlanner = (context: ScenarioContext, random: Random) => ScenarioInjection;

const planners: Readonly<Record<ScenarioName, ScenarioPlanner>> = {
  [ScenarioName.massRecordAccess]: massRecordAccess,
  [ScenarioName.offHoursAccess]: offHoursAccess,
  [ScenarioName.failedLoginBurst]: failedLoginBurst,
  [ScenarioName.exportSpike]: exportSpike,
  [ScenarioName.terminatedAccount]: terminatedAccount,
  [ScenarioName.vipRecordAccess]: vipRecordAccess,
  [ScenarioName.newNetwork]: newNetwork,
};

/**
 * Plans the chosen scenarios in the vocabulary's order, whatever order they
 * were asked for in, each from its own stream: the same set of names always
 * gives the same users, days and events.
 */
export function planScenarios(options: GenerateOptions, context: DayContext): ScenarioInjection[] {
  const scenarioContext: ScenarioContext = { ...context, days: options.days, used: new Set() };

  return allScenarios
    .filter((name) => options.scenarios.includes(name))
    .map((name) => planners[name](scenarioContext, Random.for(options.seed, 'scenario', name)));
}
