import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Georgia Personal Identity Protection Act. */
export const georgia: StateRule = {
  jurisdiction: 'US-GA',
  name: 'Georgia',
  citation: 'O.C.G.A. §§ 10-1-910 to -912',
  effectiveFrom: '2007-05-24',
  sources: [
    'https://law.justia.com/codes/georgia/2016/title-10/chapter-1/article-34/section-10-1-912',
    'https://www.constangy.com/data-privacy-us-ga',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'medium',
  uncertainty:
    "The Act binds information brokers and 'data collectors', defined as state and local agencies, so many private healthcare entities may fall outside it; the engine lists the duty to be safe.",
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Not addressed.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
  consumerReportingAgencies: { atLeast: 10001, deadline: withoutUnreasonableDelay() },
};
