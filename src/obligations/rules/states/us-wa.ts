import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, within, type StateRule } from '../types';

/** Washington data breach notification statute (HB 1071, 2019). */
export const washington: StateRule = {
  jurisdiction: 'US-WA',
  name: 'Washington',
  citation: 'Rev. Code Wash. ch. 19.255',
  effectiveFrom: '2020-03-01',
  sources: [
    'https://atg.wa.gov/washington-s-data-breach-notification-laws',
    'https://www.wsha.org/articles/state-law-change-strengthens-consumer-data-breach-notification-requirement-exemption-for-hospitals-complying-with-federal-hitech-law/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'The AG-notice detail for HIPAA entities (more than 500 residents, on the HITECH timeline) is from recollection. A 2026 vendor post hints at an amendment that could not be corroborated.',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', 'dob', 'biometric', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: 'A covered entity complying with HITECH § 13402 is deemed compliant for PHI but must notify the AG when more than 500 residents are affected.',
  },
  individuals: { deadline: within(days(30), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 501,
      deadline: within(days(30), 'discovery'),
      forHipaaEntities: {
        atLeast: 501,
        deadline: within(days(60), 'discovery'),
        note: 'On the HITECH timeline: within 60 days of discovery.',
      },
    },
  ],
};
