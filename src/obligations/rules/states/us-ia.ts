import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, afterIndividuals, businessDays, withoutUnreasonableDelay, type StateRule } from '../types';

/** Iowa personal information security breach protection statute. */
export const iowa: StateRule = {
  jurisdiction: 'US-IA',
  name: 'Iowa',
  citation: 'Iowa Code ch. 715C',
  effectiveFrom: '2018-07-01',
  sources: [
    'https://www.iowaattorneygeneral.gov/for-consumers/security-breach-notifications',
    'https://www.dwt.com/iowa/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    "The statute says more than 500, the AG's page at least 500; the engine uses 500 or more. A HIPAA exemption from 2018 is recalled, not verified.",
  personalInformation: { withName: [...CORE_ELEMENTS, 'biometric'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'A 2018 amendment is recalled to exempt HIPAA-compliant entities; not verified.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General (Director, Consumer Protection Division)',
      atLeast: 500,
      deadline: afterIndividuals(businessDays(5)),
    },
  ],
};
