import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, beforeIndividuals, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Maryland Personal Information Protection Act, as amended by HB 962 (2022). */
export const maryland: StateRule = {
  jurisdiction: 'US-MD',
  name: 'Maryland',
  citation: 'Md. Code Ann., Com. Law §§ 14-3501 to -3508',
  effectiveFrom: '2022-10-01',
  sources: [
    'https://lexace.ai/us/statute/maryland/CL-14-3504',
    'https://perkinscoie.com/insights/publication/security-breach-notification-chart-maryland',
    'https://www.dwt.com/gcp/states/maryland',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'taxpayer-id', 'biometric', 'genetic', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'A business subject to and complying with HIPAA is likely deemed compliant (medium confidence; verify § 14-3507).',
  },
  individuals: { deadline: within(days(45), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Office of the Attorney General',
      atLeast: 1,
      deadline: beforeIndividuals,
    },
  ],
  consumerReportingAgencies: { atLeast: 1000, deadline: withoutUnreasonableDelay() },
};
