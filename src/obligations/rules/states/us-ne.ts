import { CORE_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, noLaterThanIndividuals, withoutUnreasonableDelay, type StateRule } from '../types';

/** Nebraska Financial Data Protection and Consumer Notification of Data Security Breach Act. */
export const nebraska: StateRule = {
  jurisdiction: 'US-NE',
  name: 'Nebraska',
  citation: 'Neb. Rev. Stat. §§ 87-801 to -808',
  effectiveFrom: '2016-07-20',
  sources: [
    'https://self-law.org/code/ne/chapter-87/87-803',
    'https://protectthegoodlife.nebraska.gov/data-breach-notification',
    'https://www.dwt.com/nebraska/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: [...CORE_ELEMENTS, 'biometric'], alone: ONLINE_CREDENTIALS },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: "An entity following its regulator's procedures is likely deemed compliant if it notifies residents and the AG (medium confidence).",
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1,
      deadline: noLaterThanIndividuals,
    },
  ],
};
