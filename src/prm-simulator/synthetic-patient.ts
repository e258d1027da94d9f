import { createHash } from 'node:crypto';
import { Faker, base, en, en_US, es, es_MX } from '@faker-js/faker';
import { ELECTRONIC_NOTICE_CONSENT_URL } from '../notification/population/fhir-patient';

/**
 * Made-up FHIR R4 Patients for the simulated platform's directory. Each is
 * derived from its id alone (faker seeded by a digest of it), so the same id
 * always names the same invented person, in any process, and nobody real.
 *
 * The mix is what a notification run has to cope with: most patients have a
 * home address only; some agreed to email, some have a mobile, one in five
 * prefers Spanish, a few have died and have next of kin on file, and a few
 * have no usable address at all (they count toward substitute notice).
 */

const english = new Faker({ locale: [en_US, en, base] });
const spanish = new Faker({ locale: [es_MX, es, en, base] });

/** Where the demo hospital's patients live: Texas mostly, some across the Red River. */
const HOME_STATES = [
  { state: 'TX', share: 0.9 },
  { state: 'OK', share: 0.1 },
] as const;

const SHARES = { spanish: 0.2, emailConsent: 0.45, mobile: 0.55, deceased: 0.02, noAddress: 0.03 } as const;

export interface FhirPatientResource {
  resourceType: 'Patient';
  id: string;
  [element: string]: unknown;
}

function seedOf(patientId: string): number {
  return createHash('sha256').update(patientId).digest().readUInt32BE(0);
}

function homeState(draw: number): string {
  let total = 0;
  for (const { state, share } of HOME_STATES) {
    total += share;
    if (draw < total) return state;
  }
  return HOME_STATES[0].state;
}

/** A North American mobile number in the 555-01xx range, which is reserved for fiction. */
function fictionalMobile(faker: Faker): string {
  const area = faker.helpers.arrayElement(['214', '512', '713', '918', '405']);
  return `+1${area}55501${String(faker.number.int({ min: 0, max: 99 })).padStart(2, '0')}`;
}

function postalAddress(faker: Faker, state: string) {
  return {
    use: 'home',
    line: [faker.location.streetAddress()],
    city: faker.location.city(),
    state,
    postalCode: faker.location.zipCode('#####'),
    country: 'US',
  };
}

export function syntheticPatient(patientId: string): FhirPatientResource {
  english.seed(seedOf(patientId));
  const draws = Array.from({ length: 6 }, () => english.number.float({ min: 0, max: 1 }));
  const [language, consent, mobile, deceased, noAddress, state] = draws as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const speaksSpanish = language < SHARES.spanish;
  const faker = speaksSpanish ? spanish : english;
  if (speaksSpanish) spanish.seed(seedOf(patientId));

  const given = faker.person.firstName();
  const family = faker.person.lastName();
  const home = homeState(state);
  const telecom: object[] = [];
  const emailConsent = consent < SHARES.emailConsent;
  if (emailConsent)
    telecom.push({
      system: 'email',
      value: faker.internet.email({ firstName: given, lastName: family, provider: 'example.com' }),
    });
  if (mobile < SHARES.mobile) telecom.push({ system: 'phone', use: 'mobile', value: fictionalMobile(faker) });
  const isDeceased = deceased < SHARES.deceased;

  return {
    resourceType: 'Patient',
    id: patientId,
    name: [{ use: 'official', given: [given], family }],
    telecom,
    address: noAddress < SHARES.noAddress && !emailConsent ? [] : [postalAddress(faker, home)],
    communication: [{ language: { coding: [{ code: speaksSpanish ? 'es' : 'en' }] }, preferred: true }],
    extension: [{ url: ELECTRONIC_NOTICE_CONSENT_URL, valueBoolean: emailConsent }],
    ...(isDeceased
      ? {
          deceasedBoolean: true,
          contact: [
            {
              relationship: [{ coding: [{ code: 'N' }] }],
              name: { given: [faker.person.firstName()], family },
              address: postalAddress(faker, home),
            },
          ],
        }
      : {}),
  };
}
