import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** North Carolina Identity Theft Protection Act, breach provisions. */
export const northCarolina: StateRule = {
  jurisdiction: 'US-NC',
  name: 'North Carolina',
  citation: 'N.C. Gen. Stat. §§ 75-61, 75-65',
  effectiveFrom: '2009-10-01',
  sources: [
    'https://ncdoj.gov/protecting-consumers/protecting-your-identity/protect-your-business-from-id-theft/security-breach-information/',
    'https://dwt.com/gcp/states/north-carolina',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: [...CORE_ELEMENTS, 'passport', 'taxpayer-id', 'biometric'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Only a financial-institution safe harbor.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General, Consumer Protection Division',
      atLeast: 1,
      deadline: withoutUnreasonableDelay(),
      note: 'Nature of the breach, number affected, steps taken and notice plans.',
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
