import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Alaska Personal Information Protection Act. */
export const alaska: StateRule = {
  jurisdiction: 'US-AK',
  name: 'Alaska',
  citation: 'Alaska Stat. §§ 45.48.010-.090',
  effectiveFrom: '2009-07-01',
  sources: [
    'https://law.justia.com/codes/alaska/2019/title-45/chapter-48/article-1/section-45-48-010/',
    'https://www.constangy.com/data-privacy-us-ak',
    'https://dwt.com/alaska',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'The Attorney General hears only when the entity relies on the no-harm exception to skip consumer notice (written notice, records kept 5 years); the engine does not model that path.',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'No HIPAA-specific exemption found.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
