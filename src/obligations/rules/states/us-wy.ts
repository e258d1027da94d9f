import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Wyoming computer security breach statute, as amended in 2015. */
export const wyoming: StateRule = {
  jurisdiction: 'US-WY',
  name: 'Wyoming',
  citation: 'Wyo. Stat. Ann. §§ 40-12-501 to -509',
  effectiveFrom: '2015-07-01',
  sources: [
    'https://www.perkinscoie.com/en/news-insights/security-breach-notification-chart-wyoming.html',
    'https://law.counselstack.com/statute/wy/12/40-12-502',
    'https://webiis05.mondaq.com/unitedstates/data-protection/389022/update-on-state-breach-notification-laws',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty: 'The HIPAA deemed-compliance clause covers individual notice (2015 amendment; medium confidence).',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', 'taxpayer-id', 'biometric', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: 'Covered entities and business associates complying with HIPAA are deemed compliant with individual notice.',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
};
