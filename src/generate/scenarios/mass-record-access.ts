import { ScenarioName } from '../options';
import type { Random } from '../random';
import { shiftWindow } from '../schedule';
import { HOUR_MS, MINUTE_MS } from '../time-zone';
import { dayAddress } from '../user-day';
import { StaffRole } from '../vocabulary';
import {
  actorFor,
  cast,
  chartOpens,
  labelFor,
  scenarioDay,
  scripted,
  strangers,
  type ScenarioContext,
  type ScenarioInjection,
} from './scenario';

/**
 * A user opens several hundred charts of patients they have no relationship
 * with inside one hour of their own shift, from their usual workstation:
 * the pattern of record snooping or of harvesting identities for sale.
 */
export function massRecordAccess(context: ScenarioContext, random: Random): ScenarioInjection {
  const roles: readonly StaffRole[] = [StaffRole.nurse, StaffRole.frontDesk, StaffRole.admin];
  const casting = cast(context, random, scenarioDay(context.days, random), (member) => roles.includes(member.role));
  const { member, day } = casting;
  const shift = shiftWindow(member, day, context);
  const from = shift.start + Math.round(random.between(1.5, member.shift.hours - 2) * HOUR_MS);
  const patients = strangers(member, context, random.int(250, 450), random);
  const actor = actorFor(context, member, dayAddress(member, day, context));
  const events = scripted(actor, chartOpens(patients), from, random.int(35, 55) * MINUTE_MS, random);

  return { label: labelFor(ScenarioName.massRecordAccess, casting, events), events };
}
