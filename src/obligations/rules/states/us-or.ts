import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Oregon Consumer Information Protection Act. */
export const oregon: StateRule = {
  jurisdiction: 'US-OR',
  name: 'Oregon',
  citation: 'Or. Rev. Stat. §§ 646A.600-.628 (646A.604)',
  effectiveFrom: '2020-01-01',
  sources: ['http://www.oregonlaws.org/ors/646A.604', 'https://dwt.com/oregon'],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty: 'Medical and health-insurance information in the definition are from recollection of 646A.602; verify.',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'taxpayer-id', 'biometric', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: 'HIPAA-compliant entities are exempt from resident notice but must still notify the AG when more than 250 are affected.',
  },
  individuals: { deadline: within(days(45), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 251,
      deadline: within(days(45), 'discovery'),
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
