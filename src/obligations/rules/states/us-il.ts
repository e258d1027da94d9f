import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import {
  LAST_REVIEWED,
  afterHhsNotice,
  businessDays,
  noLaterThanIndividuals,
  withoutUnreasonableDelay,
  type StateRule,
} from '../types';

/** Illinois Personal Information Protection Act, through SB 1624 (2020). */
export const illinois: StateRule = {
  jurisdiction: 'US-IL',
  name: 'Illinois',
  citation: '815 ILCS 530/1 et seq.',
  effectiveFrom: '2020-01-01',
  sources: [
    'https://www.ilga.gov/legislation/ilcs/ilcs3.asp?ActID=2702&ChapterID=67',
    'https://www.perkinscoie.com/en/news-insights/security-breach-notification-chart-illinois.html',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', 'taxpayer-id', 'biometric', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: 'A HIPAA-compliant covered entity or business associate is deemed compliant but must give the AG its HHS notification (530/50).',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 501,
      deadline: noLaterThanIndividuals,
      forHipaaEntities: {
        atLeast: 1,
        deadline: afterHhsNotice(businessDays(5)),
        note: 'A copy of the HHS notification within 5 business days of notifying the Secretary (530/50).',
      },
    },
  ],
};
