import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Indiana disclosure of security breach statute, 45-day limit since 2022. */
export const indiana: StateRule = {
  jurisdiction: 'US-IN',
  name: 'Indiana',
  citation: 'Ind. Code art. 24-4.9',
  effectiveFrom: '2022-07-01',
  sources: [
    'https://klinedinstlaw.com/practice/privacy-data-security/indiana',
    'https://dwt.com/gcp/states/indiana',
    'https://www.in.gov/attorneygeneral/3037.htm',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: ['ssn'] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'The HIPAA carve-out in IC 24-4.9-3-3.5 covers the security-procedures duty; no notification exemption confirmed.',
  },
  individuals: { deadline: within(days(45), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1,
      deadline: within(days(45), 'discovery'),
      note: "The AG's form plus a sample notice.",
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
