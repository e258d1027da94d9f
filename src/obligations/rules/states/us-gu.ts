import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Guam notification of breaches of personal information. */
export const guam: StateRule = {
  jurisdiction: 'US-GU',
  name: 'Guam',
  citation: '9 G.C.A. §§ 48.10-48.80',
  effectiveFrom: '2009-07-01',
  sources: ['https://www.constangy.com/data-privacy-us-gu', 'https://lewisbrisbois.com/privacy/US/Guam/data-breach'],
  lastReviewed: LAST_REVIEWED,
  confidence: 'medium',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: '§ 48.40 deems some procedures compliant (own policy, primary regulator); HIPAA not confirmed.',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
};
