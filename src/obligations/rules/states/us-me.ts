import { CORE_ELEMENTS } from '../elements';
import {
  LAST_REVIEWED,
  days,
  noLaterThanIndividuals,
  within,
  withoutUnreasonableDelay,
  type StateRule,
} from '../types';

/** Maine Notice of Risk to Personal Data Act. */
export const maine: StateRule = {
  jurisdiction: 'US-ME',
  name: 'Maine',
  citation: 'Me. Rev. Stat. tit. 10, §§ 1346-1350-B',
  effectiveFrom: '2019-09-19',
  sources: [
    'https://www.maine.gov/ag/consumer-protection/data-security-breaches',
    'https://docest.com/doc/131605/mrs-title-10-1349-enforcement-penalties',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'The 30 days run from becoming aware of the breach and identifying its scope; the engine counts from discovery, the earlier reading. After a law-enforcement delay notice is due within 7 business days of clearance; not modelled, as the HIPAA notice stands for the resident notice.',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: 'Compliance with federal procedures at least as protective is deemed compliance (§ 1349(4)); the AG still hears with the residents.',
  },
  individuals: { deadline: within(days(30), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1,
      deadline: noLaterThanIndividuals,
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
