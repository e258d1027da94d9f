import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Colorado protections for consumer data (HB 18-1128). */
export const colorado: StateRule = {
  jurisdiction: 'US-CO',
  name: 'Colorado',
  citation: 'Colo. Rev. Stat. § 6-1-716',
  effectiveFrom: '2018-09-01',
  sources: [
    'https://constangy.com/data-privacy-us-co',
    'https://dwt.com/gcp/states/colorado',
    'https://www.mintz.com/mintz-matrix/colorado',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'Summaries differ on the CRA threshold (more than 1,000 or 1,000 or more); the engine uses 1,000 or more.',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', 'biometric', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'An entity following its regulator is reportedly deemed compliant but still owes the AG notice, and the shorter deadline controls; not confirmed.',
  },
  individuals: { deadline: within(days(30), 'determination') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 500,
      deadline: within(days(30), 'determination'),
    },
  ],
  consumerReportingAgencies: { atLeast: 1000, deadline: withoutUnreasonableDelay() },
};
