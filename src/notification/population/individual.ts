import { z } from 'zod';
import { Languages } from '../vocabulary';

/**
 * One affected individual as the notification engine needs them: who to
 * write to and how. Everything here but the id and the flags is contact
 * detail, stored encrypted (see contact-cipher.ts) and never logged.
 */

const text = z.string().trim().min(1);

export const postalAddressSchema = z
  .object({
    lines: z.array(text).min(1).max(3),
    city: text,
    region: text,
    postalCode: text,
    country: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter ISO 3166 country code'),
  })
  .strict();

/** E.164: a plus sign, a country code and up to 15 digits in all (ITU-T E.164). */
export const mobileSchema = z
  .string()
  .regex(/^\+[1-9]\d{6,14}$/, 'must be an E.164 number: a plus sign, country code and number, 15 digits at most');

export const nextOfKinSchema = z
  .object({
    name: text,
    address: postalAddressSchema.optional(),
    email: z.email().optional(),
  })
  .strict();

export const individualSchema = z
  .object({
    /** The patient's id in the patient directory (a FHIR Patient id); not a name or an MRN. */
    id: z.string().regex(/^[A-Za-z0-9\-.]{1,64}$/, 'must be a FHIR resource id (letters, digits, - and .)'),
    name: text,
    language: z.enum(Languages).default('en'),
    email: z.email().optional(),
    /** Agreement to electronic notice (45 CFR 164.404(d)(1)(i)); without it email is not a lawful channel. */
    emailConsent: z.boolean().default(false),
    mobile: mobileSchema.optional(),
    address: postalAddressSchema.optional(),
    deceased: z.boolean().default(false),
    nextOfKin: nextOfKinSchema.optional(),
  })
  .strict();

export type Individual = z.output<typeof individualSchema>;
export type PostalAddress = z.output<typeof postalAddressSchema>;
