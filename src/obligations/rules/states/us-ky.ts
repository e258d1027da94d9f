import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Kentucky security breach statute. */
export const kentucky: StateRule = {
  jurisdiction: 'US-KY',
  name: 'Kentucky',
  citation: 'Ky. Rev. Stat. § 365.732',
  effectiveFrom: '2014-07-15',
  sources: [
    'https://www.perkinscoie.com/en/news-insights/security-breach-notification-chart-kentucky.html',
    'https://dwt.com/gcp/states/kentucky',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'Reported not to apply to persons subject to HIPAA (medium confidence, not confirmed by a source found).',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
