import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** U.S. Virgin Islands identity theft prevention; breach notice. */
export const virginIslands: StateRule = {
  jurisdiction: 'US-VI',
  name: 'U.S. Virgin Islands',
  citation: 'V.I. Code Ann. tit. 14, §§ 2208-2212',
  effectiveFrom: '2005-10-17',
  sources: ['https://www.constangy.com/data-privacy-us-vi', 'https://www.cliclaw.com/node/8023'],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty: 'There is no safe-harbor clause as such: personal information is defined as unencrypted data.',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Not addressed.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
};
