import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Ohio private disclosure of security breach statute. */
export const ohio: StateRule = {
  jurisdiction: 'US-OH',
  name: 'Ohio',
  citation: 'Ohio Rev. Code § 1349.19',
  effectiveFrom: '2007-02-17',
  sources: ['https://dwt.com/ohio', 'https://mintz.com/mintz-matrix/ohio'],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'HIPAA covered entities are reported exempt (SB 126, 2007; medium confidence, not confirmed by a source found).',
  },
  individuals: { deadline: within(days(45), 'discovery') },
  regulators: [],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
