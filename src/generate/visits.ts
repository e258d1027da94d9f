import { AuditAction } from '../audit/event';
import type { Random } from './random';
import { chartOpenStep, patientStep, searchStep, type Details, type Step } from './steps';
import { ResourceType, StaffRole } from './vocabulary';

/**
 * What each role does with one patient's chart in one sitting (a "visit"):
 * the role-appropriate mix of reads, writes and prints. Read counts are
 * chosen so that a working day comes to 150-400 events per person, the
 * volume a busy outpatient group with an emergency department produces.
 */

export interface VisitOptions {
  /** Opening a chart outside the care team through the emergency override. */
  breakGlass: boolean;
}

type VisitBuilder = (patient: string, random: Random, options: VisitOptions) => Step[];

export interface RoleProfile {
  eventsPerDay: readonly [number, number];
  patientsPerDay: readonly [number, number];
  visit: VisitBuilder;
  /** Resource type and screen of the quick look when a patient's chart is reopened later the same day. */
  revisit: readonly [ResourceType, string];
}

const { read, create, update, print } = AuditAction;
const { encounter, observation, medicationRequest, documentReference, claim, patient: patientType } = ResourceType;

/** Resource ids: encounters are numbered per patient (reopened across days); the rest are opaque. */
export function resourceId(type: ResourceType, patient: string, random: Random): string {
  if (type === ResourceType.encounter) return `enc-${patient.slice(4)}-${random.int(1, 12)}`;
  if (type === ResourceType.patient) return patient;

  return `${type.slice(0, 3).toLowerCase()}-${random.token(10)}`;
}

/** Step makers bound to one patient and stream, so the visit lists below read as the workflow they describe. */
function charting(patient: string, random: Random) {
  const many = (count: number, action: AuditAction, type: ResourceType, screen: string): Step[] =>
    Array.from({ length: count }, () =>
      patientStep(action, type, resourceId(type, patient, random), patient, { screen }),
    );
  const maybe = (probability: number, action: AuditAction, type: ResourceType, screen: string): Step[] =>
    random.chance(probability) ? many(1, action, type, screen) : [];

  return { many, maybe };
}

function openChart(patient: string, options: VisitOptions, screen = 'chart-summary'): Step {
  const details: Details = options.breakGlass ? { screen, break_glass: true, reason: 'emergency' } : { screen };

  return patientStep(read, patientType, patient, patient, details);
}

const physicianVisit: VisitBuilder = (patient, random, options) => {
  const { many, maybe } = charting(patient, random);

  return [
    openChart(patient, options),
    ...many(1, read, encounter, 'encounter-view'),
    ...many(random.int(2, 6), read, observation, 'results-review'),
    ...many(random.int(1, 3), read, medicationRequest, 'medication-list'),
    ...many(random.int(1, 3), read, documentReference, 'notes'),
    ...maybe(0.55, create, documentReference, 'note-editor'),
    ...maybe(0.35, update, encounter, 'encounter-view'),
    ...maybe(0.3, create, medicationRequest, 'order-entry'),
    ...maybe(0.05, print, documentReference, 'after-visit-summary'),
  ];
};

const nurseVisit: VisitBuilder = (patient, random, options) => {
  const { many, maybe } = charting(patient, random);

  return [
    openChart(patient, options),
    ...many(random.int(3, 8), read, observation, 'flowsheet'),
    ...many(random.int(1, 3), create, observation, 'flowsheet'),
    ...many(random.int(2, 5), read, medicationRequest, 'mar'),
    ...maybe(0.5, update, medicationRequest, 'mar'),
    ...many(random.int(0, 2), read, documentReference, 'notes'),
    ...maybe(0.3, create, documentReference, 'nursing-note'),
    ...maybe(0.03, print, documentReference, 'patient-education'),
  ];
};

const frontDeskVisit: VisitBuilder = (patient, random, options) => {
  const { many, maybe } = charting(patient, random);

  return [
    ...(random.chance(0.7) ? [searchStep(random.int(1, 12))] : []),
    openChart(patient, options, 'registration'),
    ...maybe(0.6, read, encounter, 'scheduling'),
    ...(random.chance(0.45) ? many(1, create, encounter, 'scheduling') : maybe(0.5, update, encounter, 'check-in')),
    ...maybe(0.2, update, patientType, 'registration'),
    ...maybe(0.1, print, documentReference, 'consent-forms'),
  ];
};

const billingVisit: VisitBuilder = (patient, random, options) => {
  const { many, maybe } = charting(patient, random);

  return [
    ...(random.chance(0.3) ? [searchStep(random.int(1, 8))] : []),
    openChart(patient, options, 'billing-summary'),
    ...maybe(0.6, read, encounter, 'coding'),
    ...many(random.int(1, 3), read, claim, 'claim-editor'),
    ...maybe(0.5, update, claim, 'claim-editor'),
    ...maybe(0.2, create, claim, 'claim-editor'),
    ...maybe(0.1, read, documentReference, 'coding'),
  ];
};

const adminVisit: VisitBuilder = (patient, random, options) => {
  const { maybe } = charting(patient, random);

  return [
    ...(random.chance(0.5) ? [searchStep(random.int(1, 20))] : []),
    openChart(patient, options, 'registration'),
    ...maybe(0.5, read, encounter, 'encounter-view'),
    ...maybe(0.3, read, documentReference, 'release-of-information'),
    ...maybe(0.1, print, documentReference, 'release-of-information'),
    ...maybe(0.15, update, patientType, 'registration'),
  ];
};

export const roleProfiles: Readonly<Record<StaffRole, RoleProfile>> = {
  physician: {
    eventsPerDay: [240, 400],
    patientsPerDay: [14, 24],
    visit: physicianVisit,
    revisit: [observation, 'results-review'],
  },
  nurse: { eventsPerDay: [260, 400], patientsPerDay: [8, 16], visit: nurseVisit, revisit: [observation, 'flowsheet'] },
  'front-desk': {
    eventsPerDay: [200, 360],
    patientsPerDay: [45, 80],
    visit: frontDeskVisit,
    revisit: [encounter, 'scheduling'],
  },
  billing: {
    eventsPerDay: [180, 340],
    patientsPerDay: [30, 55],
    visit: billingVisit,
    revisit: [claim, 'claim-editor'],
  },
  admin: {
    eventsPerDay: [170, 320],
    patientsPerDay: [35, 60],
    visit: adminVisit,
    revisit: [encounter, 'encounter-view'],
  },
};

/** A second look at a chart already opened today: the summary and a few items of the role's main resource. */
export function revisit(role: StaffRole, patient: string, random: Random): Step[] {
  const [type, screen] = roleProfiles[role].revisit;

  return [chartOpenStep(patient), ...charting(patient, random).many(random.int(1, 3), read, type, screen)];
}
