import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Mississippi breach of security statute. */
export const mississippi: StateRule = {
  jurisdiction: 'US-MS',
  name: 'Mississippi',
  citation: 'Miss. Code Ann. § 75-24-29',
  effectiveFrom: '2011-07-01',
  sources: [
    'https://dwt.com/mississippi',
    'https://perkinscoie.com/insights/publication/security-breach-notification-chart-mississippi',
    'https://billstatus.ls.state.ms.us/documents/2024/html/SB/2400-2499/SB2479IN.htm',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty: 'SB 2479 (2024) proposed AG reporting and was not found enacted.',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: "An entity following its federal regulator's procedures is likely deemed compliant (medium confidence).",
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
};
