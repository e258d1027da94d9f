import type { z } from 'zod';
import {
  hhsIncidentProfileSchema,
  type HhsIncidentProfile,
  type HhsIncidentProfileInput,
} from '../hhs/incident-profile';
import { DraftInputError } from './draft-marking';

/**
 * The check an HHS report draft's input passes before anything is written:
 * the profile may come from a JSON file or a person, so its types prove
 * nothing at run time. Each problem names the form's field (and the item,
 * for a select-all list) and the values the form allows, never the value
 * given: input text may hold patient details.
 */

/** The OCR portal form's label for each profile field. */
export const hhsReportFieldLabels: Readonly<Record<keyof HhsIncidentProfileInput, string>> = {
  entityType: 'Type of Covered Entity',
  state: 'State',
  breachTypes: 'Type of Breach',
  locations: 'Location of Breached Information',
  businessAssociatePresent: 'Business Associate Present',
  safeguards: 'Safeguards in Place Prior to Breach',
  actionsTaken: 'Actions Taken in Response to Breach',
};

/**
 * The form's "Brief Description of the Breach" holds up to 4,000 characters
 * (`../shared/reference/law/hhs_form.md`, medium confidence in the number).
 */
export const DESCRIPTION_MAX_CHARACTERS = 4000;

export interface HhsReportProblem {
  /** The form's label for the field, e.g. `Type of Breach`. */
  field: string;
  problem: string;
}

/** Thrown when an HHS report draft is asked for with a value the form does not take; names every such field. */
export class HhsReportInputError extends DraftInputError {
  constructor(readonly problems: readonly HhsReportProblem[]) {
    super('HHS breach report', problems.map(({ field, problem }) => `${field}: ${problem}`).join('; '));
    this.name = 'HhsReportInputError';
  }

  get fields(): string[] {
    return this.problems.map((problem) => problem.field);
  }
}

function fieldOf(path: readonly PropertyKey[]): string {
  const [key, item] = path;
  if (key === undefined) return 'HHS report profile';
  const label = hhsReportFieldLabels[key as keyof HhsIncidentProfileInput] as string | undefined;
  const field = label ?? String(key);

  return typeof item === 'number' ? `${field}, item ${item + 1}` : field;
}

function problemOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_value')
    return `not a value the form lists (one of ${issue.values.map(String).join(', ')})`;
  if (issue.code === 'unrecognized_keys') return `has fields the form does not ask for: ${issue.keys.join(', ')}`;
  if (issue.code === 'too_small') return 'needs at least one value';

  return issue.message;
}

/** The profile as the form can take it, or an `HhsReportInputError` naming every field it cannot. */
export function checkHhsReportProfile(profile: HhsIncidentProfileInput, description?: string): HhsIncidentProfile {
  const parsed = hhsIncidentProfileSchema.safeParse(profile);
  const problems = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ field: fieldOf(issue.path), problem: problemOf(issue) }));
  if (description !== undefined && description.length > DESCRIPTION_MAX_CHARACTERS) {
    const problem = `has ${description.length} characters; the form takes at most ${DESCRIPTION_MAX_CHARACTERS}`;
    problems.push({ field: 'Brief Description of the Breach', problem });
  }
  if (!parsed.success || problems.length > 0) throw new HhsReportInputError(problems);

  return parsed.data;
}
