import type { z } from 'zod';
import { incidentFactsSchema, type IncidentFacts } from './facts';
import { obligationOptionsSchema, type ObligationOptions, type ObligationOptionsInput } from './options';

/**
 * Thrown when incident facts or obligation options are invalid. `problems`
 * names every bad field with what is wrong; values are never quoted, since
 * facts may be copied from a case file.
 */
export class ObligationInputError extends Error {
  constructor(
    readonly what: 'incident facts' | 'obligation options' | 'command options',
    readonly problems: readonly string[],
  ) {
    super(`invalid ${what}:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'ObligationInputError';
  }
}

function describe(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`);
}

export function parseIncidentFacts(input: unknown): IncidentFacts {
  const parsed = incidentFactsSchema.safeParse(input);
  if (!parsed.success) throw new ObligationInputError('incident facts', describe(parsed.error.issues));

  return parsed.data;
}

export function parseObligationOptions(input: ObligationOptionsInput | undefined): ObligationOptions {
  const parsed = obligationOptionsSchema.safeParse(input ?? {});
  if (!parsed.success) throw new ObligationInputError('obligation options', describe(parsed.error.issues));

  return parsed.data;
}
