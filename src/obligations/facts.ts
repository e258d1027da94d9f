import { IANAZone } from 'luxon';
import { z } from 'zod';
import { timestampSchema } from '../audit/event';

/**
 * What an incident's assessment established, and all the obligations engine
 * reads. Instants carry their offset; the entity's IANA zone decides which
 * civil day a calendar-day deadline ends on.
 */

/** The kinds of personal data a breach exposed, in the vocabulary the state statutes share. */
export const DataElement = {
  ssn: 'ssn',
  driversLicense: 'drivers-license',
  stateId: 'state-id',
  passport: 'passport',
  taxpayerId: 'taxpayer-id',
  militaryId: 'military-id',
  financialAccount: 'financial-account',
  paymentCard: 'payment-card',
  medical: 'medical',
  healthInsurance: 'health-insurance',
  biometric: 'biometric',
  genetic: 'genetic',
  credentials: 'credentials',
  name: 'name',
  address: 'address',
  dob: 'dob',
  email: 'email',
  phone: 'phone',
  mothersMaidenName: 'mothers-maiden-name',
  medicalRecordNumber: 'medical-record-number',
} as const;
export type DataElement = (typeof DataElement)[keyof typeof DataElement];

export const EntityRole = {
  coveredEntity: 'covered-entity',
  businessAssociate: 'business-associate',
} as const;
export type EntityRole = (typeof EntityRole)[keyof typeof EntityRole];

export const LawEnforcementDelayKind = {
  written: 'written',
  oral: 'oral',
} as const;
export type LawEnforcementDelayKind = (typeof LawEnforcementDelayKind)[keyof typeof LawEnforcementDelayKind];

/**
 * The ISO 3166-2:US codes for the states, DC and the inhabited territories
 * (PR, GU, VI, AS, MP) and the minor outlying islands (UM).
 */
export const usJurisdictions = [
  'US-AL', 'US-AK', 'US-AZ', 'US-AR', 'US-CA', 'US-CO', 'US-CT', 'US-DE', 'US-FL', 'US-GA',
  'US-HI', 'US-ID', 'US-IL', 'US-IN', 'US-IA', 'US-KS', 'US-KY', 'US-LA', 'US-ME', 'US-MD',
  'US-MA', 'US-MI', 'US-MN', 'US-MS', 'US-MO', 'US-MT', 'US-NE', 'US-NV', 'US-NH', 'US-NJ',
  'US-NM', 'US-NY', 'US-NC', 'US-ND', 'US-OH', 'US-OK', 'US-OR', 'US-PA', 'US-RI', 'US-SC',
  'US-SD', 'US-TN', 'US-TX', 'US-UT', 'US-VT', 'US-VA', 'US-WA', 'US-WV', 'US-WI', 'US-WY',
  'US-DC', 'US-PR', 'US-GU', 'US-VI', 'US-AS', 'US-MP', 'US-UM',
] as const; // prettier-ignore
export type UsJurisdiction = (typeof usJurisdictions)[number];

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/**
 * ICU also names regions that are not countries (EU, UN, ZZ, the private-use
 * Q and X ranges); Kosovo's user-assigned XK is the one such code in general use.
 */
function isCountryCode(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || code === 'US') return false;
  if (['EU', 'EZ', 'UN', 'ZZ'].includes(code) || /^(Q[M-Z]|X[A-JL-Z])$/.test(code)) return false;

  return regionNames.of(code) !== undefined;
}

export function isUsJurisdiction(code: string): code is UsJurisdiction {
  return (usJurisdictions as readonly string[]).includes(code);
}

const jurisdictionSchema = z
  .string()
  .refine(
    (code) => isUsJurisdiction(code) || isCountryCode(code),
    'must be an ISO 3166-2 US code such as US-TX (states, DC and territories) or a two-letter country code',
  );

const timeZoneSchema = z.string().refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone');

/** The longest an oral law-enforcement request can delay notice, 45 CFR 164.412(b). */
export const ORAL_DELAY_MAX_DAYS = 30;

const lawEnforcementDelaySchema = z
  .object({
    kind: z.enum(LawEnforcementDelayKind),
    requestedAt: timestampSchema,
    /** The end of the delay the official stated; a written statement must give one (45 CFR 164.412(a)). */
    until: timestampSchema.optional(),
  })
  .strict()
  .refine((delay) => delay.kind !== 'written' || delay.until !== undefined, {
    error: 'a written law-enforcement statement must say until when notice is delayed',
    path: ['until'],
  })
  .refine((delay) => delay.until === undefined || Date.parse(delay.until) > Date.parse(delay.requestedAt), {
    error: 'must be after requestedAt',
    path: ['until'],
  });

const affectedSchema = z
  .array(z.object({ jurisdiction: jurisdictionSchema, count: z.number().int().min(1) }).strict())
  .min(1)
  .refine((list) => new Set(list.map((entry) => entry.jurisdiction)).size === list.length, {
    error: 'names a jurisdiction more than once',
  });

export const incidentFactsSchema = z
  .object({
    /** When the breach was known, or by reasonable diligence would have been, to the entity (45 CFR 164.404(a)(2)). */
    discoveredAt: timestampSchema,
    /** When the investigation determined a breach occurred; several states count from it. */
    determinedAt: timestampSchema.optional(),
    timeZone: timeZoneSchema,
    entityRole: z.enum(EntityRole),
    /** An ongoing breach, or one whose end is unknown, has no `endedAt`. */
    breach: z.object({ startedAt: timestampSchema, endedAt: timestampSchema.optional() }).strict(),
    affected: affectedSchema,
    dataElements: z.array(z.enum(DataElement)).min(1),
    encryption: z.object({ encrypted: z.boolean(), keyCompromised: z.boolean() }).strict(),
    lawEnforcementDelay: lawEnforcementDelaySchema.optional(),
    /** Individuals whose contact information is insufficient or out of date (45 CFR 164.404(d)(2)). */
    insufficientContactCount: z.number().int().min(0).default(0),
  })
  .strict()
  .refine(
    (facts) => facts.determinedAt === undefined || Date.parse(facts.determinedAt) >= Date.parse(facts.discoveredAt),
    {
      error: 'must not be before discoveredAt',
      path: ['determinedAt'],
    },
  )
  .refine(
    (facts) =>
      facts.breach.endedAt === undefined || Date.parse(facts.breach.endedAt) >= Date.parse(facts.breach.startedAt),
    { error: 'must not be before breach.startedAt', path: ['breach', 'endedAt'] },
  )
  .transform((facts) => ({ ...facts, determinedAt: facts.determinedAt ?? facts.discoveredAt }));

/** Facts as written in a file: `determinedAt` and `insufficientContactCount` may be left out. */
export type IncidentFactsInput = z.input<typeof incidentFactsSchema>;
/** Facts after validation: `determinedAt` is always set. */
export type IncidentFacts = z.output<typeof incidentFactsSchema>;
