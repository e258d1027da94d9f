import { CORE_ELEMENTS, HEALTH_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** North Dakota notice of security breach for personal information. */
export const northDakota: StateRule = {
  jurisdiction: 'US-ND',
  name: 'North Dakota',
  citation: 'N.D. Cent. Code §§ 51-30-01 to -07',
  effectiveFrom: '2015-08-01',
  sources: [
    'https://lexace.ai/us/statute/north-dakota/51-30-02',
    'https://www.perkinscoie.com/en/news-insights/security-breach-notification-chart-north-dakota.html',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'dob', 'mothers-maiden-name', 'passport', ...HEALTH_ELEMENTS],
    alone: [],
  },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Not verified.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 251,
      deadline: withoutUnreasonableDelay(),
    },
  ],
};
