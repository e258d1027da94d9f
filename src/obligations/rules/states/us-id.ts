import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Idaho identity theft statute (private entities; agencies owe the AG notice within 24 hours). */
export const idaho: StateRule = {
  jurisdiction: 'US-ID',
  name: 'Idaho',
  citation: 'Idaho Code §§ 28-51-104 to -107',
  effectiveFrom: '2015-07-01',
  sources: ['https://constangy.com/data-privacy-us-id', 'https://dwt.com/gcp/states/idaho'],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: "An entity following its federal regulator's procedures is likely deemed compliant (medium confidence).",
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [],
};
