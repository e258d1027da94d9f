import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, afterIndividuals, days, withoutUnreasonableDelay, type StateRule } from '../types';

const sources = [
  'https://www.troutmanprivacy.com/?p=30240',
  'https://www.insideprivacy.com/cybersecurity-2/oklahoma-substantially-amends-its-data-breach-notification-statute',
  'https://lawivy.com/?p=56091',
  'https://rmaintl.org/member-alert-oklahoma-amends-data-breach-notification-law',
];

/** Oklahoma Security Breach Notification Act as amended by SB 626, for breaches discovered from 2026-01-01. */
export const oklahoma: StateRule = {
  jurisdiction: 'US-OK',
  name: 'Oklahoma',
  citation: 'Okla. Stat. tit. 24, §§ 161-166 (am. SB 626, 2025)',
  effectiveFrom: '2026-01-01',
  sources,
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'Most summaries count the 60 days after the resident notice; one (HIPAA Journal) counts them from discovery. The AG threshold is 1,000 if the breached system belongs to a credit bureau.',
  personalInformation: { withName: [...CORE_ELEMENTS, 'biometric'], alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'individuals-exempt',
    note: 'Entities complying with HIPAA are exempt from individual notice if they notify the AG.',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 500,
      deadline: afterIndividuals(days(60)),
      note: 'Breach and determination dates, nature, PI types, Oklahoma count, estimated monetary impact, safeguards.',
    },
  ],
};

/** Oklahoma before SB 626: resident notice only. */
export const oklahomaBefore2026: StateRule = {
  ...oklahoma,
  citation: 'Okla. Stat. tit. 24, §§ 161-166',
  effectiveFrom: '2008-11-01',
  uncertainty: undefined,
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  hipaa: { effect: 'none', note: 'No HIPAA carve-out before SB 626.' },
  regulators: [],
};
