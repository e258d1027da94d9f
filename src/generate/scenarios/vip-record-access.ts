import { AuditAction } from '../../audit/event';
import { ScenarioName } from '../options';
import { patientId } from '../patients';
import type { Random } from '../random';
import { shiftWindow } from '../schedule';
import { chartOpenStep, patientStep, searchStep } from '../steps';
import { HOUR_MS, MINUTE_MS } from '../time-zone';
import { dayAddress } from '../user-day';
import { ResourceType, StaffRole } from '../vocabulary';
import { resourceId } from '../visits';
import {
  actorFor,
  cast,
  labelFor,
  scenarioDay,
  scripted,
  type ScenarioContext,
  type ScenarioInjection,
} from './scenario';

/**
 * Someone outside a flagged patient's care team (a celebrity, or a
 * colleague treated here) looks them up by name and reads their notes and
 * results during an ordinary shift from an ordinary workstation.
 */
export function vipRecordAccess(context: ScenarioContext, random: Random): ScenarioInjection {
  const flagged = random.pick([...context.population.flaggedIndices]);
  const patient = patientId(flagged);
  const casting = cast(
    context,
    random,
    scenarioDay(context.days, random),
    (member) => member.role !== StaffRole.billing && !member.panelSet.has(flagged),
  );
  const { member, day } = casting;
  const reads = [ResourceType.documentReference, ResourceType.observation, ResourceType.encounter].flatMap((type) =>
    Array.from({ length: random.int(1, 2) }, () =>
      patientStep(AuditAction.read, type, resourceId(type, patient, random), patient, { screen: 'chart-review' }),
    ),
  );
  const steps = [searchStep(1), chartOpenStep(patient), ...reads];
  const from =
    shiftWindow(member, day, context).start + Math.round(random.between(1, member.shift.hours - 2) * HOUR_MS);
  const actor = actorFor(context, member, dayAddress(member, day, context));
  const events = scripted(actor, steps, from, random.int(3, 10) * MINUTE_MS, random);

  return { label: labelFor(ScenarioName.vipRecordAccess, casting, events, { patient_id: patient }), events };
}
