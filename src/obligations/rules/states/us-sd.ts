import { CORE_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** South Dakota breach of security notification statute (2018). */
export const southDakota: StateRule = {
  jurisdiction: 'US-SD',
  name: 'South Dakota',
  citation: 'S.D. Codified Laws §§ 22-40-19 to -26',
  effectiveFrom: '2018-07-01',
  sources: [
    'https://self-law.org/code/sd/title-22/chapter-22-40/22-40-20',
    'https://www.dwt.com/gcp/states/south-dakota',
    'https://csrps.com/privacy-regulations/south-dakota/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'The AG notice has no period of its own (in practice within the 60 days). Summaries disagree on the CRA threshold (any, or more than 1,000); the engine uses any.',
  personalInformation: { withName: [...CORE_ELEMENTS, 'medical', 'biometric'], alone: ONLINE_CREDENTIALS },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'A federally regulated holder following federal breach procedures is likely deemed compliant (22-40-23; medium confidence).',
  },
  individuals: { deadline: within(days(60), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 251,
      deadline: within(days(60), 'discovery'),
    },
  ],
  consumerReportingAgencies: { atLeast: 1, deadline: withoutUnreasonableDelay() },
};
