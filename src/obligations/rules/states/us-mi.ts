import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Michigan Identity Theft Protection Act. */
export const michigan: StateRule = {
  jurisdiction: 'US-MI',
  name: 'Michigan',
  citation: 'Mich. Comp. Laws §§ 445.63, 445.72',
  effectiveFrom: '2007-07-02',
  sources: [
    'https://dwt.com/gcp/states/michigan',
    'https://klinedinstlaw.com/practice/privacy-data-security/michigan',
    'https://www.wnj.com/Publications/New-Michigan-Identity-Theft-Law',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'exempt',
    note: 'Persons subject to and complying with HIPAA are carved out (Warner Norcross, 2007).',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
  consumerReportingAgencies: { atLeast: 1000, deadline: withoutUnreasonableDelay() },
};
