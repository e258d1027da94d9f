import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Wisconsin notice of unauthorized acquisition of personal information. */
export const wisconsin: StateRule = {
  jurisdiction: 'US-WI',
  name: 'Wisconsin',
  citation: 'Wis. Stat. § 134.98',
  effectiveFrom: '2006-03-31',
  sources: ['https://dwt.com/wisconsin', 'https://lewisbrisbois.com/privacy/US/Wisconsin/data-breach'],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: [...CORE_ELEMENTS, 'biometric', 'genetic'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'exempt', note: 'HIPAA covered entities are deemed compliant.' },
  individuals: { deadline: within(days(45), 'discovery') },
  regulators: [],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
