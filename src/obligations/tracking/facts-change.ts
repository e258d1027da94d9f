import { z } from 'zod';
import { incidentFactsSchema } from '../facts';

/**
 * A change to an incident's facts while its obligations are tracked: a
 * corrected discovery date, updated counts or residency, a law-enforcement
 * delay. The reason is kept in the tracking status, so it must be a short
 * description, not case notes.
 */
export const factsChangeSchema = z
  .object({
    facts: incidentFactsSchema,
    reason: z
      .string()
      .trim()
      .min(1, 'must not be empty')
      .max(200)
      .regex(/^[^\p{Cc}]+$/u, 'must not contain control characters'),
    requestedBy: z.string().regex(/^[A-Za-z0-9._@-]{1,100}$/, 'must be 1 to 100 letters, digits or . _ @ -'),
  })
  .strict();

export type FactsChange = z.output<typeof factsChangeSchema>;

/** The parsed change, or every problem with it, one line each, naming the field and never its value. */
export function parseFactsChange(request: unknown): { change: FactsChange } | { problems: string[] } {
  const parsed = factsChangeSchema.safeParse(request);
  if (parsed.success) return { change: parsed.data };

  return { problems: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'request'}: ${issue.message}`) };
}
