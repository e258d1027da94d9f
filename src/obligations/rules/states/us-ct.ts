import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, noLaterThanIndividuals, within, type StateRule } from '../types';

/** Connecticut breach of security statute, as amended in 2021 (60 days; HIPAA clause). */
export const connecticut: StateRule = {
  jurisdiction: 'US-CT',
  name: 'Connecticut',
  citation: 'Conn. Gen. Stat. § 36a-701b',
  effectiveFrom: '2021-10-01',
  sources: [
    'https://www.daypitney.com/insights/publications/2021/06/25-ct-enhances-data-breach-notification-law/',
    'https://preview-stage.ct.egov.com/ag/departments/privacy/reporting-a-data-breach',
    'https://www.wordsbywit.com/connecticut',
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
    note: 'Notice in compliance with HIPAA/HITECH is deemed compliant if the AG is notified no later than the residents.',
  },
  individuals: { deadline: within(days(60), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1,
      deadline: noLaterThanIndividuals,
    },
  ],
};
