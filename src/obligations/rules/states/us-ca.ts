import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, afterIndividuals, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

const sources = [
  'https://www.pillsburylaw.com/en/news-and-insights/california-data-breach-notification-requirements.html',
  'https://www.dataprotectionreport.com/2025/11/california-tightens-data-breach-notification-timelines-imposes-30-day-notice-requirement/',
  'https://www.constangy.com/data-privacy-us-ca',
];

const personalInformation = {
  withName: [
    ...CORE_ELEMENTS,
    'passport',
    'military-id',
    'taxpayer-id',
    'biometric',
    'genetic',
    ...HEALTH_ELEMENTS,
  ] as const,
  alone: ONLINE_CREDENTIALS,
};

const hipaa = {
  effect: 'none',
  note: 'A covered entity complying with HITECH § 13402(f) is deemed compliant with the content rules of subd. (d) only.',
} as const;

const uncertainty =
  'Licensed clinics, health facilities, home health agencies and hospices also owe CDPH and the patient notice within 15 business days under Health & Safety Code § 1280.15; the engine does not know whether the entity is licensed, so it does not list that notice.';

/** California Civ. Code § 1798.82 as amended by SB 446: 30 days to consumers, the AG 15 days after them. */
export const california: StateRule = {
  jurisdiction: 'US-CA',
  name: 'California',
  citation: 'Cal. Civ. Code § 1798.82 (am. SB 446, 2025)',
  effectiveFrom: '2026-01-01',
  sources,
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty,
  personalInformation,
  encryptionSafeHarbor: true,
  hipaa,
  individuals: { deadline: within(days(30), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 501,
      deadline: afterIndividuals(days(15)),
      note: 'A sample copy of the consumer notice, submitted electronically.',
    },
  ],
};

/** California Civ. Code § 1798.82 before SB 446: no fixed number of days. */
export const californiaBefore2026: StateRule = {
  ...california,
  citation: 'Cal. Civ. Code § 1798.82',
  effectiveFrom: '2003-07-01',
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 501,
      deadline: withoutUnreasonableDelay(),
      note: 'A sample copy of the consumer notice, submitted electronically.',
    },
  ],
};
