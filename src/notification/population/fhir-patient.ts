import { z } from 'zod';
import type { Individual } from './individual';

/**
 * The parts of a FHIR R4 Patient (hl7.org/fhir/R4/patient.html) that say how
 * to reach someone. Consent to electronic notice has no Patient element; the
 * directory carries it as an extension until FHIR Consent resources are read.
 */
export const ELECTRONIC_NOTICE_CONSENT_URL =
  'https://breachline.dev/fhir/StructureDefinition/electronic-notice-consent';

const humanName = z.object({
  use: z.string().optional(),
  text: z.string().optional(),
  family: z.string().optional(),
  given: z.array(z.string()).optional(),
});
const address = z.object({
  use: z.string().optional(),
  line: z.array(z.string()).optional(),
  city: z.string().optional(),
  state: z.string().optional(),
  postalCode: z.string().optional(),
  country: z.string().optional(),
});
const contactPoint = z.object({
  system: z.string().optional(),
  value: z.string().optional(),
  use: z.string().optional(),
});
const codeable = z.object({
  coding: z.array(z.object({ system: z.string().optional(), code: z.string().optional() })).optional(),
});

export const fhirPatientSchema = z.object({
  resourceType: z.literal('Patient'),
  id: z.string(),
  name: z.array(humanName).optional(),
  telecom: z.array(contactPoint).optional(),
  address: z.array(address).optional(),
  deceasedBoolean: z.boolean().optional(),
  deceasedDateTime: z.string().optional(),
  communication: z.array(z.object({ language: codeable, preferred: z.boolean().optional() })).optional(),
  contact: z
    .array(
      z.object({
        relationship: z.array(codeable).optional(),
        name: humanName.optional(),
        telecom: z.array(contactPoint).optional(),
        address: address.optional(),
      }),
    )
    .optional(),
  extension: z.array(z.object({ url: z.string(), valueBoolean: z.boolean().optional() })).optional(),
});

export type FhirPatient = z.output<typeof fhirPatientSchema>;
type FhirName = z.output<typeof humanName>;
type FhirAddress = z.output<typeof address>;

function nameText(names: FhirName[] | undefined): string | undefined {
  const name = names?.find((n) => n.use === 'official') ?? names?.[0];
  if (!name) return undefined;
  return name.text ?? [...(name.given ?? []), name.family].filter(Boolean).join(' ');
}

function postal(value: FhirAddress | undefined): Individual['address'] {
  if (!value?.line?.length || !value.city || !value.state || !value.postalCode) return undefined;
  return {
    lines: value.line,
    city: value.city,
    region: value.state,
    postalCode: value.postalCode,
    country: value.country ?? 'US',
  };
}

/** HL7 v2 table 0131 code N: next of kin. */
const isNextOfKin = (relationship: z.output<typeof codeable>[] | undefined) =>
  relationship?.some((r) => r.coding?.some((c) => c.code === 'N')) ?? false;

/** The individual a Patient describes, before validation; the caller checks it with individualSchema. */
export function patientToIndividual(patient: FhirPatient): Record<string, unknown> {
  const telecom = patient.telecom ?? [];
  const kin = patient.contact?.find((contact) => isNextOfKin(contact.relationship));
  const language = patient.communication?.find((c) => c.preferred) ?? patient.communication?.[0];
  const code = language?.language.coding?.[0]?.code?.slice(0, 2);

  return {
    id: patient.id,
    name: nameText(patient.name),
    language: code === 'es' ? 'es' : 'en',
    email: telecom.find((t) => t.system === 'email')?.value,
    emailConsent: patient.extension?.some((e) => e.url === ELECTRONIC_NOTICE_CONSENT_URL && e.valueBoolean) ?? false,
    mobile: telecom.find((t) => t.system === 'phone' && t.use === 'mobile')?.value,
    address: postal(patient.address?.find((a) => a.use === 'home') ?? patient.address?.[0]),
    deceased: patient.deceasedBoolean ?? patient.deceasedDateTime !== undefined,
    nextOfKin: kin && {
      name: nameText(kin.name ? [kin.name] : undefined),
      address: postal(kin.address),
      email: kin.telecom?.find((t) => t.system === 'email')?.value,
    },
  };
}
