import { ScenarioName } from '../options';
import type { Random } from '../random';
import { shiftWindow } from '../schedule';
import { exportStep } from '../steps';
import { HOUR_MS } from '../time-zone';
import { dayAddress } from '../user-day';
import { StaffRole } from '../vocabulary';
import {
  actorFor,
  cast,
  labelFor,
  scenarioDay,
  scripted,
  type ScenarioContext,
  type ScenarioInjection,
} from './scenario';

/** How many times a billing user's usual daily exports the spike adds, on top of the day's usual ones. */
const SPIKE_FACTOR = 20;

/**
 * A billing user pulls twenty times their usual claim extracts in one
 * afternoon, each a full batch: bulk exfiltration dressed as routine work.
 */
export function exportSpike(context: ScenarioContext, random: Random): ScenarioInjection {
  const casting = cast(
    context,
    random,
    scenarioDay(context.days, random),
    (member) => member.role === StaffRole.billing,
  );
  const { member, day } = casting;
  const usual = Math.max(1, member.exportsPerDay);
  const count = SPIKE_FACTOR * usual + random.int(2, 6);
  const steps = Array.from({ length: count }, () => exportStep(random.int(40, 400), `exp-${random.token(10)}`));
  const shift = shiftWindow(member, day, context);
  const from = shift.start + Math.round(random.between(4, member.shift.hours - 3.5) * HOUR_MS);
  const actor = actorFor(context, member, dayAddress(member, day, context));
  const events = scripted(actor, steps, from, Math.round(random.between(1.5, 2.5) * HOUR_MS), random);

  return { label: labelFor(ScenarioName.exportSpike, casting, events, { baseline_exports_per_day: usual }), events };
}
