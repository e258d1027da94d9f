import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, businessDays, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Vermont Security Breach Notice Act. */
export const vermont: StateRule = {
  jurisdiction: 'US-VT',
  name: 'Vermont',
  citation: 'Vt. Stat. Ann. tit. 9, §§ 2430, 2435',
  effectiveFrom: '2020-07-01',
  sources: [
    'https://legislature.vermont.gov/statutes/section/09/062/02435',
    'https://klinedinstlaw.com/practice/privacy-data-security/vermont',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'The preliminary AG notice is due 14 business days after discovery or the consumer notice, whichever is sooner; the engine counts from discovery, which is never later. Entities with a pre-filed security attestation notify the AG before consumers instead.',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', 'taxpayer-id', 'biometric', 'genetic', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Not verified.' },
  individuals: { deadline: within(days(45), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1,
      deadline: within(businessDays(14), 'discovery'),
      note: 'A preliminary notice within 14 business days of discovery, or when consumers are told if that is sooner; then a copy of the consumer notice and the Vermont count.',
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
