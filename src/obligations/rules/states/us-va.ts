import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Virginia breach of personal information notification (§ 18.2-186.6). */
export const virginia: StateRule = {
  jurisdiction: 'US-VA',
  name: 'Virginia',
  citation: 'Va. Code Ann. § 18.2-186.6',
  effectiveFrom: '2020-07-01',
  sources: [
    'https://klinedinstlaw.com/practice/privacy-data-security/virginia?all=1',
    'https://dwt.com/gcp/states/virginia',
    'https://csrps.com/privacy-regulations/virginia/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'The medical-information statute (§ 32.1-127.1:05) does not apply to HIPAA covered entities or business associates, so medical data alone does not trigger Virginia notice here.',
  personalInformation: { withName: [...CORE_ELEMENTS, 'passport', 'military-id'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: "§ 18.2-186.6 deems compliant an entity following its federal regulator's procedures (to verify for HIPAA).",
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Office of the Attorney General',
      atLeast: 1,
      deadline: withoutUnreasonableDelay(),
      note: 'With more than 1,000 residents, also the timing, distribution and content of the notice.',
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
