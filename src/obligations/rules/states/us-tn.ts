import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Tennessee Identity Theft Deterrence Act, breach provisions (2017 amendment). */
export const tennessee: StateRule = {
  jurisdiction: 'US-TN',
  name: 'Tennessee',
  citation: 'Tenn. Code Ann. § 47-18-2107',
  effectiveFrom: '2017-04-04',
  sources: [
    'https://perkinscoie.com/insights/publication/security-breach-notification-chart-tennessee',
    'http://dwt.com/tennessee',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'Reported not to apply to persons subject to HIPAA (2017 amendment; medium confidence).',
  },
  individuals: { deadline: within(days(45), 'discovery') },
  regulators: [],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
