import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Kansas security breach statute. */
export const kansas: StateRule = {
  jurisdiction: 'US-KS',
  name: 'Kansas',
  citation: 'Kan. Stat. Ann. §§ 50-7a01 to -7a04',
  effectiveFrom: '2007-01-01',
  sources: [
    'https://www.perkinscoie.com/en/news-insights/security-breach-notification-chart-kansas.html',
    'https://www.swlaw.com/data-breach-map/view/state/ks',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: "A regulated entity following its regulator's procedures is likely deemed compliant (medium confidence).",
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
