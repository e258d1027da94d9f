import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, within, type StateRule } from '../types';

/** Arizona data security breach statute, as amended by HB 2154 (2018). */
export const arizona: StateRule = {
  jurisdiction: 'US-AZ',
  name: 'Arizona',
  citation: 'Ariz. Rev. Stat. §§ 18-551, 18-552',
  effectiveFrom: '2018-08-03',
  sources: [
    'https://www.azag.gov/consumer/data-breach/faq',
    'https://www.constangy.com/data-privacy-us-az',
    'https://csrps.com/privacy-regulations/arizona/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'Constangy also lists the Director of the Arizona Department of Homeland Security for breaches over 1,000; not confirmed elsewhere.',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', 'taxpayer-id', 'biometric', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'exempt',
    note: 'HIPAA covered entities and business associates are exempt (Attorney General FAQ).',
  },
  individuals: { deadline: within(days(45), 'determination') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1001,
      deadline: within(days(45), 'determination'),
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: within(days(45), 'determination') },
};
