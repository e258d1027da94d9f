import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Hawaii security breach of personal information statute. */
export const hawaii: StateRule = {
  jurisdiction: 'US-HI',
  name: 'Hawaii',
  citation: 'Haw. Rev. Stat. §§ 487N-1 to -4',
  effectiveFrom: '2008-01-01',
  sources: [
    'http://www.perkinscoie.com/sc_hawaii',
    'https://mintz.com/mintz-matrix/hawaii',
    'https://policyrisk.com/states/hawaii/statutes/487N-2',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'Health plans and providers complying with HIPAA are reported deemed compliant, but that rests on recollection, not a source found; the engine lists the state duties to be safe.',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Reported deemed compliant for HIPAA plans and providers; not verified.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'office-of-consumer-protection',
      recipient: 'regulator',
      name: 'State Office of Consumer Protection',
      atLeast: 1001,
      deadline: withoutUnreasonableDelay(),
      note: 'Written notice of the timing, distribution and content of the notice.',
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
