import { CORE_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, beforeIndividuals, withoutUnreasonableDelay, type StateRule } from '../types';

/** New Jersey Identity Theft Prevention Act, breach notice provisions. */
export const newJersey: StateRule = {
  jurisdiction: 'US-NJ',
  name: 'New Jersey',
  citation: 'N.J. Stat. Ann. §§ 56:8-161 to -166',
  effectiveFrom: '2019-09-01',
  sources: [
    'https://www.cyber.nj.gov/data-breach-notifications/',
    'https://klinedinstlaw.com/practice/privacy-data-security/new-jersey',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: ONLINE_CREDENTIALS },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Only an own-procedures safe harbor.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'state-police',
      recipient: 'regulator',
      name: 'Division of State Police (NJCCIC portal)',
      atLeast: 1,
      deadline: beforeIndividuals,
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
