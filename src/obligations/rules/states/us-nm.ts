import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** New Mexico Data Breach Notification Act. */
export const newMexico: StateRule = {
  jurisdiction: 'US-NM',
  name: 'New Mexico',
  citation: 'N.M. Stat. Ann. §§ 57-12C-1 to -12',
  effectiveFrom: '2017-06-16',
  sources: [
    'https://www.constangy.com/data-privacy-us-nm',
    'https://www.cliclaw.com/legal-compliance/data-breach-data-security-compliance-solutions/resources-data-breach-laws/new-1',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: [...CORE_ELEMENTS, 'biometric'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'exempt', note: 'The Act does not apply to persons subject to HIPAA or GLBA (57-12C-8).' },
  individuals: { deadline: within(days(45), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 1001,
      deadline: within(days(45), 'discovery'),
    },
  ],
  consumerReportingAgencies: { atLeast: 1001, deadline: withoutUnreasonableDelay() },
};
