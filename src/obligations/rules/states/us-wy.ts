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
  uncertainty:
    'A 2015 clause may deem HIPAA-compliant covered entities and business associates compliant; the reference has it from recollection only (medium), so the engine owes the Wyoming notice as well.',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', 'taxpayer-id', 'biometric', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'A HIPAA deemed-compliance clause is reported but not confirmed; notify under both (states_notes.md § 4).',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
};
