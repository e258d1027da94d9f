import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** West Virginia breach of security of consumer information statute. */
export const westVirginia: StateRule = {
  jurisdiction: 'US-WV',
  name: 'West Virginia',
  citation: 'W. Va. Code §§ 46A-2A-101 to -105',
  effectiveFrom: '2008-06-06',
  sources: [
    'https://lexace.ai/us/statute/west-virginia/46A-2A-102',
    'https://csrps.com/privacy-regulations/west-virginia/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Carve-out for financial institutions only.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
