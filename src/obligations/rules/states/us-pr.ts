import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Puerto Rico Citizen Information on Data Banks Security Act (Act 111-2005, am. Act 97-2008). */
export const puertoRico: StateRule = {
  jurisdiction: 'US-PR',
  name: 'Puerto Rico',
  citation: 'P.R. Laws Ann. tit. 10, §§ 4051-4055',
  effectiveFrom: '2008-09-08',
  sources: [
    'https://casetext.com/statute/laws-of-puerto-rico/title-ten-commerce/subtitle-3-business-regulations-generally/chapter-310-citizen-information-on-data-banks-security-act/4052-notification',
    'https://www.swlaw.com/data-breach-map/view/state/pr',
    'https://www.constangy.com/data-privacy-us-pr',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: [...CORE_ELEMENTS, 'medical', 'credentials'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'Not addressed; the definition of personal information includes HIPAA-protected medical information.',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'daco',
      recipient: 'regulator',
      name: 'Department of Consumer Affairs (DACO)',
      atLeast: 1,
      deadline: within(days(10), 'discovery'),
      note: 'Within a non-extendable 10 days after the breach is detected; DACO announces it publicly within 24 hours.',
    },
  ],
};
