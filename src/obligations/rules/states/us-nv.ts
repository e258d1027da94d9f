import { CORE_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Nevada security of personal information statute. */
export const nevada: StateRule = {
  jurisdiction: 'US-NV',
  name: 'Nevada',
  citation: 'Nev. Rev. Stat. §§ 603A.010 et seq. (603A.220)',
  effectiveFrom: '2019-10-01',
  sources: [
    'https://perkinscoie.com/insights/publication/security-breach-notification-chart-nevada',
    'https://casetext.com/statute/nevada-revised-statutes/title-52-trade-regulations-and-practices/chapter-603a-security-and-privacy-of-personal-information/security-of-information-maintained-by-data-collectors-and-other-businesses/regulation-of-business-practices/section-603a220-disclosure-of-breach-of-security-of-system-data-methods-of-disclosure',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'Nevada lists a medical identification number and a health-insurance identification number, not medical information in general (from recollection; verify 603A.040).',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'health-insurance', 'medical-record-number'],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Not verified (a GLBA carve-out exists).' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
