import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, noLaterThanIndividuals, withoutUnreasonableDelay, type StateRule } from '../types';

/** Montana computer security breach statute, as amended in 2015. */
export const montana: StateRule = {
  jurisdiction: 'US-MT',
  name: 'Montana',
  citation: 'Mont. Code Ann. §§ 30-14-1701 to -1705',
  effectiveFrom: '2015-10-01',
  sources: ['https://dojmt.gov/office-of-consumer-protection/reporting-requirements-for-data-breaches'],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'Medical record information is in the definition; health-insurance numbers are not listed. CRAs are coordinated with only when the notice tells people to contact them; there is no threshold to encode.',
  personalInformation: { withName: [...CORE_ELEMENTS, 'taxpayer-id', 'medical'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'Not verified.' },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General, Office of Consumer Protection',
      atLeast: 1,
      deadline: noLaterThanIndividuals,
      note: 'Simultaneously: an electronic copy of the notice, the number of Montana residents notified, date and method.',
    },
  ],
};
