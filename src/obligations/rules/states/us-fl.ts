import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Florida Information Protection Act of 2014. */
export const florida: StateRule = {
  jurisdiction: 'US-FL',
  name: 'Florida',
  citation: 'Fla. Stat. § 501.171',
  effectiveFrom: '2014-07-01',
  sources: [
    'https://www.constangy.com/data-privacy-us-fl',
    'https://dwt.com/gcp/states/florida',
    'https://foley.com/?p=53926',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'Both 30-day limits extend by 15 days when good cause is given in writing to the Department within 30 days; the engine does not model the extension.',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: "Notice under the federal regulator's rules is deemed compliant if a copy goes to the Department; the Department notice is still due at 500 or more.",
  },
  individuals: { deadline: within(days(30), 'determination') },
  regulators: [
    {
      key: 'department-of-legal-affairs',
      recipient: 'attorney-general',
      name: 'Department of Legal Affairs (Attorney General)',
      atLeast: 500,
      deadline: within(days(30), 'determination'),
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
