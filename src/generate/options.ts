import { z } from 'zod';
import { tenantIdSchema } from '../incidents/alert';

/** The misuse patterns the generator can inject, each labelled so detections can be scored against it. */
export const ScenarioName = {
  massRecordAccess: 'mass-record-access',
  offHoursAccess: 'off-hours-access',
  failedLoginBurst: 'failed-login-burst',
  exportSpike: 'export-spike',
  terminatedAccount: 'terminated-account',
  vipRecordAccess: 'vip-record-access',
  newNetwork: 'new-network',
} as const;
export type ScenarioName = (typeof ScenarioName)[keyof typeof ScenarioName];
export const allScenarios: readonly ScenarioName[] = Object.values(ScenarioName);

/**
 * The smallest population the scenarios still make sense in: every role
 * present, and enough patients outside any one panel for a mass-access
 * scenario to read several hundred unrelated charts.
 */
export const MIN_STAFF = 5;
export const MIN_PATIENTS = 1000;

function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

function isCalendarDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text);
}

export const generateOptionsSchema = z
  .object({
    days: z.number().int().min(1).max(366),
    staff: z.number().int().min(MIN_STAFF).max(20_000),
    patients: z.number().int().min(MIN_PATIENTS).max(10_000_000),
    seed: z.string().min(1).max(200),
    /** The first day, a calendar date in the tenant's zone. The default is a Monday. */
    start: z.string().refine(isCalendarDate, 'must be a calendar date, YYYY-MM-DD').default('2026-11-02'),
    tenantId: tenantIdSchema.default('st-elsewhere'),
    timeZone: z.string().refine(isTimeZone, 'must be an IANA time zone').default('America/Chicago'),
    scenarios: z.array(z.enum(ScenarioName)).default([]),
  })
  .strict();

/** What a caller passes: start, tenantId, timeZone and scenarios have defaults. */
export type GenerateOptionsInput = z.input<typeof generateOptionsSchema>;
export type GenerateOptions = z.output<typeof generateOptionsSchema>;

/** Thrown when generator options are invalid; `problems` names every bad key at once. */
export class GenerateOptionsError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`invalid generate options: ${problems.join('; ')}`);
    this.name = 'GenerateOptionsError';
  }
}

export function resolveOptions(input: GenerateOptionsInput): GenerateOptions {
  const parsed = generateOptionsSchema.safeParse(input);
  if (!parsed.success) {
    throw new GenerateOptionsError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }

  return { ...parsed.data, scenarios: [...new Set(parsed.data.scenarios)] };
}

/** Reads a `--scenarios` value: a comma list of names, or `all`. */
export function parseScenarioList(text: string): ScenarioName[] {
  if (text.trim() === 'all') return [...allScenarios];
  const names = text
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const unknown = names.filter((name) => !(allScenarios as readonly string[]).includes(name));
  if (unknown.length > 0) {
    throw new GenerateOptionsError([`scenarios: unknown ${unknown.join(', ')}; known are ${allScenarios.join(', ')}`]);
  }

  return names as ScenarioName[];
}
