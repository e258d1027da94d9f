import { CORE_ELEMENTS, HEALTH_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Missouri breach of security statute (2009). */
export const missouri: StateRule = {
  jurisdiction: 'US-MO',
  name: 'Missouri',
  citation: 'Mo. Rev. Stat. § 407.1500',
  effectiveFrom: '2009-08-28',
  sources: [
    'https://www.itechlaw.org/latinamericadataprotection/missouri-4',
    'https://instalawyer.io/laws/missouri-revised-statutes/section-4071500-definitions',
    'https://www.hldataprotection.com/2009/08/articles/cybersecurity-data-breaches/possible-health-information-trend-in-state-data-protection-statutes/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: [...CORE_ELEMENTS, ...HEALTH_ELEMENTS], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: "A regulated entity following its regulator's procedures is likely deemed compliant (medium confidence).",
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1001,
      deadline: withoutUnreasonableDelay(),
      note: 'The timing, distribution and content of the notice.',
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
