import { z } from 'zod';
import { Languages, PhiTypes } from './vocabulary';

/**
 * What an incident's notice says, the same for every recipient: the facts
 * 45 CFR 164.404(c)(1) requires. It names the incident, never a patient, so
 * it may travel in workflow input. Free text is written once per language.
 */

// A plain pattern rather than z.iso.date(): inside Temporal's workflow bundle
// that helper resolved to zod's Date schema and refused every date string.
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine(
    (text) =>
      !Number.isNaN(Date.parse(`${text}T00:00:00Z`)) && new Date(`${text}T00:00:00Z`).toISOString().startsWith(text),
    'is not a calendar date',
  );
const perLanguage = z.object({ [Languages.en]: z.string().min(1), [Languages.es]: z.string().min(1) }).strict();

export const noticeFactsSchema = z
  .object({
    entityName: z.string().min(1),
    /** (A) What happened, in plain language (164.404(c)(2)). */
    whatHappened: perLanguage,
    /** (A) The date of the breach and of its discovery, if known. */
    breachDate: isoDate.optional(),
    discoveryDate: isoDate,
    /** (B) The types of unsecured PHI involved. */
    phiTypes: z.array(z.enum(PhiTypes)).min(1),
    /** (D) What the entity is doing to investigate, mitigate harm and protect against further breaches. */
    entityActions: perLanguage,
    /** (E) Contact procedures; a toll-free number is always given, the rest as the entity has them. */
    contact: z
      .object({
        tollFreeNumber: z.string().regex(/^1-8(00|33|44|55|66|77|88)-\d{3}-\d{4}$/, 'must be a toll-free number'),
        email: z.email(),
        website: z.url(),
        postalAddress: z.string().min(1),
      })
      .strict(),
  })
  .strict();

export type NoticeFacts = z.output<typeof noticeFactsSchema>;
