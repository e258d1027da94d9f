import { z } from 'zod';
import type { Contact, IncidentNarrative, Organisation } from './organisation';

/**
 * The two JSON files `breachline drafts` reads besides the facts: who the
 * notices speak for (ORG.json) and what the organisation says about the
 * incident in its own words (the narrative). Both are checked once, and a
 * problem names the field, never the value: a narrative may quote a case file.
 */

const text = z.string().trim().min(1);

const contactSchema = z
  .object({ name: text, title: text.optional(), email: z.email().optional(), phone: text.optional() })
  .strict();

const postalAddressSchema = z
  .object({ lines: z.array(text).min(1), city: text, region: text, postalCode: text, country: text.optional() })
  .strict();

export const organisationFileSchema = z
  .object({
    name: text,
    address: postalAddressSchema.optional(),
    contact: contactSchema.optional(),
    website: z.url().optional(),
    tollFreePhone: text.optional(),
    /** The GDPR Art. 37 data protection officer, when one is designated; Art. 33(3)(b) names them first. */
    dataProtectionOfficer: contactSchema.optional(),
  })
  .strict();

/** An organisation as the drafts use it: the shared shape plus the DPO the GDPR notification names. */
export type DraftOrganisation = Organisation & { dataProtectionOfficer?: Contact };

/** What only the GDPR notification asks for (Art. 33(3)(a) and (c)). */
export interface GdprNarrative {
  /** E.g. patients, employees: the kinds of people, never who they are. */
  dataSubjectCategories?: readonly string[];
  approximateRecords?: number;
  likelyConsequences?: string;
}

export type DraftNarrative = IncidentNarrative & { gdpr?: GdprNarrative };

export const narrativeFileSchema = z
  .object({
    whatHappened: text,
    measuresTaken: z.array(text).default([]),
    stepsForIndividuals: z.array(text).default([]),
    gdpr: z
      .object({
        dataSubjectCategories: z.array(text).min(1).optional(),
        approximateRecords: z.number().int().min(1).optional(),
        likelyConsequences: text.optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** Thrown when an organisation or narrative file does not have the shape the drafts need; names every bad field. */
export class DraftFileError extends Error {
  constructor(
    readonly file: 'organisation' | 'narrative',
    readonly problems: readonly string[],
  ) {
    super(`invalid ${file} file:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'DraftFileError';
  }
}

function problemsOf(error: z.ZodError): string[] {
  return error.issues.map(
    (issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(top level)'}: ${issue.message}`,
  );
}

export function parseOrganisationFile(input: unknown): DraftOrganisation {
  const parsed = organisationFileSchema.safeParse(input);
  if (!parsed.success) throw new DraftFileError('organisation', problemsOf(parsed.error));

  return parsed.data;
}

export function parseNarrativeFile(input: unknown): DraftNarrative {
  const parsed = narrativeFileSchema.safeParse(input);
  if (!parsed.success) throw new DraftFileError('narrative', problemsOf(parsed.error));

  return parsed.data;
}
