import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** South Carolina breach of security of business data statute. */
export const southCarolina: StateRule = {
  jurisdiction: 'US-SC',
  name: 'South Carolina',
  citation: 'S.C. Code Ann. § 39-1-90',
  effectiveFrom: '2013-04-23',
  sources: [
    'https://consumer.sc.gov/identity-theft-unit/security-breaches',
    'https://perkinscoie.com/insights/publication/security-breach-notification-chart-south-carolina',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty: "The statute says more than 1,000, the Department's page 1,000 or more; the engine uses 1,000 or more.",
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Not verified (a GLBA carve-out exists).' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'department-of-consumer-affairs',
      recipient: 'regulator',
      name: 'Department of Consumer Affairs (Consumer Protection Division)',
      atLeast: 1000,
      deadline: withoutUnreasonableDelay(),
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
