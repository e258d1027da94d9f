import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, afterIndividuals, days, within, type StateRule } from '../types';

/** Louisiana Database Security Breach Notification Law and its rule (La. Admin. Code tit. 16, pt. III, § 701). */
export const louisiana: StateRule = {
  jurisdiction: 'US-LA',
  name: 'Louisiana',
  citation: 'La. Rev. Stat. §§ 51:3071-3077',
  effectiveFrom: '2018-08-01',
  sources: [
    'https://ag.state.la.us/Page/DataBreach',
    'https://klinedinstlaw.com/practice/privacy-data-security/louisiana?all=1',
    'https://lewisbrisbois.com/privacy/US/Louisiana/data-breach',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'The AG grants a reasonable extension when reasons are given in writing within the 60 days; not modelled.',
  personalInformation: { withName: [...CORE_ELEMENTS, 'passport', 'biometric'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'No HIPAA carve-out found.' },
  individuals: { deadline: within(days(60), 'discovery') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General (Consumer Protection Section)',
      atLeast: 1,
      deadline: afterIndividuals(days(10)),
      note: 'Must list the names of the Louisiana residents affected.',
    },
  ],
};
