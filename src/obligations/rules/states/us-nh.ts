import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, noLaterThanIndividuals, withoutUnreasonableDelay, type StateRule } from '../types';

/** New Hampshire right to privacy; notice of security breach. */
export const newHampshire: StateRule = {
  jurisdiction: 'US-NH',
  name: 'New Hampshire',
  citation: 'N.H. Rev. Stat. §§ 359-C:19 to -21',
  effectiveFrom: '2007-01-01',
  sources: [
    'https://www.doj.nh.gov/citizens/consumer-protection-antitrust-bureau/security-breach-notifications',
    'https://lawserver.com/law/state/new-hampshire/nh-statutes/new_hampshire_revised_statutes_359-c_20',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'A separate provision (RSA 332-I:5) makes providers notify of some PHI disclosures even when federal law permits them; not modelled.',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'No HIPAA carve-out.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1,
      deadline: noLaterThanIndividuals,
      note: 'Give the anticipated date of resident notice and the approximate number of New Hampshire residents.',
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
