import type { AuditEventInput } from '../../src/audit/event';
import { allScenarios, localHour, planTraffic, trafficEvents, type GenerateOptionsInput } from '../../src/generate';

/**
 * A run small enough for a 2-core machine (about 30,000 events) that still
 * has every role, a weekend, night shifts and every scenario.
 */
export const smallRun = {
  days: 5,
  staff: 30,
  patients: 3000,
  seed: 'vitest',
  start: '2026-11-05',
  scenarios: [...allScenarios],
} as const satisfies GenerateOptionsInput;

export function generate(options: GenerateOptionsInput = smallRun) {
  const plan = planTraffic(options);
  const events: AuditEventInput[] = [...trafficEvents(plan)];
  const labelled = new Set(plan.labels.scenarios.flatMap((label) => label.event_ids));

  return { plan, events, labelled };
}

export const instant = (event: AuditEventInput): number => Date.parse(event.occurred_at);

export function hourIn(event: AuditEventInput, timeZone: string): number {
  return localHour(instant(event), timeZone);
}

export function byUser(events: readonly AuditEventInput[]): Map<string, AuditEventInput[]> {
  const users = new Map<string, AuditEventInput[]>();
  for (const event of events) {
    const list = users.get(event.user_id) ?? [];
    list.push(event);
    users.set(event.user_id, list);
  }

  return users;
}

/** The population's index of a `pat-000123` id. */
export function patientIndex(patientId: string | null | undefined): number {
  return Number(patientId?.slice(4)) - 1;
}
