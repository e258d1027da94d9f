import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Massachusetts security breaches statute, ch. 93H. */
export const massachusetts: StateRule = {
  jurisdiction: 'US-MA',
  name: 'Massachusetts',
  citation: 'Mass. Gen. Laws ch. 93H, §§ 1-6',
  effectiveFrom: '2019-04-11',
  sources: [
    'https://www.mass.gov/info-details/notifications-in-the-event-of-a-data-breach',
    'https://proteuscyber.com/privacy-database/news/4569-massachusetts-chapter-93h-security-breaches-mass-gen-laws-93h-1',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'Consumer reporting agencies are notified as the OCABR directs; there is no numeric threshold to encode.',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: 'Notice under federal procedures is deemed compliant for residents; the AG and OCABR must still be notified (93H § 5).',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1,
      deadline: withoutUnreasonableDelay(),
    },
    {
      key: 'ocabr',
      recipient: 'regulator',
      name: 'Office of Consumer Affairs and Business Regulation (OCABR)',
      atLeast: 1,
      deadline: withoutUnreasonableDelay(),
    },
  ],
};
