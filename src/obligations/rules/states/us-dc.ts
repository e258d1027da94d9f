import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, noLaterThanIndividuals, withoutUnreasonableDelay, type StateRule } from '../types';

/** District of Columbia, Security Breach Protection Amendment Act of 2020. */
export const districtOfColumbia: StateRule = {
  jurisdiction: 'US-DC',
  name: 'District of Columbia',
  citation: 'D.C. Code §§ 28-3851 to 28-3853',
  effectiveFrom: '2020-06-17',
  sources: [
    'https://oag.dc.gov/requirements-districts-data-breach-notification',
    'https://csrps.com/privacy-regulations/washington-d-c/',
    'https://www.ropesdataphiles.com/2020/05/new-d-c-data-security-requirements-and-amended-breach-requirements-to-take-effect-by-june-12-2020/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'medium',
  uncertainty: 'The AG is also owed notice when the number affected is unknown; the engine always has a count.',
  personalInformation: {
    withName: [...CORE_ELEMENTS, 'passport', 'military-id', 'taxpayer-id', 'biometric', 'genetic', ...HEALTH_ELEMENTS],
    alone: ONLINE_CREDENTIALS,
  },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'HIPAA compliance satisfies the safeguards duty; a carve-out for HIPAA notices reportedly still requires AG notice (unverified).',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Office of the Attorney General',
      atLeast: 50,
      deadline: noLaterThanIndividuals,
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
