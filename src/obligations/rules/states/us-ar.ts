import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Arkansas Personal Information Protection Act, as amended by Act 1030 of 2019. */
export const arkansas: StateRule = {
  jurisdiction: 'US-AR',
  name: 'Arkansas',
  citation: 'Ark. Code Ann. §§ 4-110-101 to -108',
  effectiveFrom: '2019-07-23',
  sources: [
    'https://arkansasag.gov/resources/contact-us/data-breach-reporting/',
    'https://www.dwt.com/gcp/states/arkansas',
    'https://csrps.com/privacy-regulations/arkansas/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'medium',
  uncertainty:
    'Arkansas lists medical information but not health-insurance numbers; its general deemed-compliance clause is not confirmed to cover HIPAA.',
  personalInformation: { withName: [...CORE_ELEMENTS, 'medical', 'biometric'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'A general deemed-compliance clause exists; no explicit HIPAA clause confirmed.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1001,
      deadline: within(days(45), 'determination'),
      note: 'At the same time as the notice to individuals if that comes first.',
    },
  ],
};
