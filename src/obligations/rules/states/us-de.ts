import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, noLaterThanIndividuals, within, type StateRule } from '../types';

/** Delaware computer security breaches statute, as amended in 2018. */
export const delaware: StateRule = {
  jurisdiction: 'US-DE',
  name: 'Delaware',
  citation: 'Del. Code Ann. tit. 6, §§ 12B-101 to -104',
  effectiveFrom: '2018-04-14',
  sources: [
    'https://www.constangy.com/data-privacy-us-de',
    'https://dwt.com/delaware',
    'https://perkinscoie.com/insights/publication/security-breach-notification-chart-delaware',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'taxpayer-id', 'biometric', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'A regulated entity following its regulator is likely deemed compliant if it notifies residents and the AG (medium confidence); not confirmed for HIPAA.',
  },
  individuals: { deadline: within(days(60), 'determination') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 501,
      deadline: noLaterThanIndividuals,
    },
  ],
};
