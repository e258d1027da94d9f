import { CORE_ELEMENTS, HEALTH_ELEMENTS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Texas Identity Theft Enforcement and Protection Act, § 521.053 as amended by SB 768 (2023). */
export const texas: StateRule = {
  jurisdiction: 'US-TX',
  name: 'Texas',
  citation: 'Tex. Bus. & Com. Code § 521.053',
  effectiveFrom: '2023-09-01',
  sources: [
    'https://www.perkinscoie.com/en/news-insights/security-breach-notification-chart-texas.html',
    'https://billcam.com/bill-texts/w6dDLmcAOt',
    'https://lawserver.com/law/state/texas/tx-codes/texas_business_and_commerce_code_521-053',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: [...CORE_ELEMENTS, ...HEALTH_ELEMENTS], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'No HIPAA exemption.' },
  individuals: { deadline: within(days(60), 'determination') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 250,
      deadline: within(days(30), 'determination'),
      note: "On the AG's electronic form.",
    },
  ],
  consumerReportingAgencies: { atLeast: 10001, deadline: withoutUnreasonableDelay() },
};
