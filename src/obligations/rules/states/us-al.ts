import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Alabama Data Breach Notification Act of 2018. */
export const alabama: StateRule = {
  jurisdiction: 'US-AL',
  name: 'Alabama',
  citation: 'Ala. Code §§ 8-38-1 to 8-38-12',
  effectiveFrom: '2018-06-01',
  sources: [
    'https://law.uslawyerdatabase.com/section-8-38-5-notice-of-security-breach-individuals-affected/',
    'https://www.fincher.co/state-breach-notification-law/alabama-breach-notification-law-',
    'https://mintz.com/mintz-matrix/alabama',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'Notice is owed only when the breach is reasonably likely to cause substantial harm; the engine assumes it is.',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', 'taxpayer-id', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: 'An entity following HIPAA is exempt but must still send the Attorney General a copy when more than 1,000 residents are affected (§ 8-38-11).',
  },
  individuals: { deadline: within(days(45), 'determination') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1001,
      deadline: within(days(45), 'determination'),
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
