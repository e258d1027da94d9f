import type { GenerateOptions } from './options';
import type { FlaggedPatient } from './patients';
import type { Population } from './population';
import type { ScenarioInjection, ScenarioLabel } from './scenarios';
import { isoInstant } from './time-zone';
import { dayStart } from './schedule';

/**
 * The answer key written next to the generated log: which events each
 * scenario injected, which charts are flagged (with their care teams) and
 * which accounts should be dead. Flags, care teams and terminations live
 * here, not in the events, because the platform's audit log does not carry
 * them either: a detection has to be given them as reference data, as it
 * would be in production.
 */
export interface TrafficLabels {
  format_version: 1;
  options: {
    days: number;
    staff: number;
    patients: number;
    seed: string;
    start: string;
    tenant_id: string;
    time_zone: string;
    scenarios: string[];
  };
  /** Local midnight of the first day to local midnight after the last, UTC; the last night shift runs past `end`. */
  period: { start: string; end: string };
  flagged_patients: FlaggedPatient[];
  terminated_users: { user_id: string; terminated_at: string }[];
  scenarios: ScenarioLabel[];
}

export function buildLabels(
  options: GenerateOptions,
  population: Population,
  injections: readonly ScenarioInjection[],
): TrafficLabels {
  return {
    format_version: 1,
    options: {
      days: options.days,
      staff: options.staff,
      patients: options.patients,
      seed: options.seed,
      start: options.start,
      tenant_id: options.tenantId,
      time_zone: options.timeZone,
      scenarios: [...options.scenarios],
    },
    period: { start: isoInstant(dayStart(0, options)), end: isoInstant(dayStart(options.days, options)) },
    flagged_patients: [...population.flagged],
    terminated_users: injections.flatMap(({ label }) =>
      label.termination_time ? [{ user_id: label.user_id, terminated_at: label.termination_time }] : [],
    ),
    scenarios: injections.map(({ label }) => label),
  };
}
