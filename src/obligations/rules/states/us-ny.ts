import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import {
  LAST_REVIEWED,
  afterHhsNotice,
  businessDays,
  days,
  noLaterThanIndividuals,
  within,
  withoutUnreasonableDelay,
  type RegulatorRule,
  type StateRule,
} from '../types';

const withResidents = (key: string, name: string): RegulatorRule => ({
  key,
  recipient: key === 'attorney-general' ? 'attorney-general' : 'regulator',
  name,
  atLeast: 1,
  deadline: noLaterThanIndividuals,
  note: 'Timing, content, distribution and approximate number affected.',
});

/** New York SHIELD Act (GBL § 899-aa) as amended Dec. 2024 (30 days) and by S804 (Feb. 2025). */
export const newYork: StateRule = {
  jurisdiction: 'US-NY',
  name: 'New York',
  citation: 'N.Y. Gen. Bus. Law § 899-aa',
  effectiveFrom: '2025-03-21',
  sources: [
    'https://www.covingtonblogs.com/2025/01/07/new-york-adopts-amendment-to-the-state-data-breach-notification-law/',
    'https://alstonprivacy.com/new-york-amends-data-breach-notification-law-with-immediate-implications',
    'https://docmagic.com/node/15518',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'NYDFS notice (72 hours under 23 NYCRR 500) applies only to DFS-covered entities and is not listed. Medical and health-insurance information count from 2025-03-21.',
  personalInformation: { withName: [...CORE_ELEMENTS, 'biometric', ...HEALTH_ELEMENTS], alone: ONLINE_CREDENTIALS },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: 'Notice under HIPAA satisfies resident notice; the AG, Department of State and State Police must still hear, and the AG gets a copy of the HHS notice.',
  },
  individuals: { deadline: within(days(30), 'discovery') },
  regulators: [
    withResidents('attorney-general', 'Attorney General'),
    withResidents('department-of-state', 'Department of State'),
    withResidents('state-police', 'Division of State Police'),
    {
      key: 'attorney-general-hhs-copy',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1,
      deadline: afterHhsNotice(businessDays(5)),
      hipaaEntitiesOnly: true,
      note: 'A copy of the HHS breach notification within 5 business days of notifying the Secretary.',
    },
  ],
  consumerReportingAgencies: { atLeast: 5001, deadline: withoutUnreasonableDelay() },
};
