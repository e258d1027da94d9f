import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, days, within, withoutUnreasonableDelay, type StateRule } from '../types';

/** Rhode Island Identity Theft Protection Act of 2015. */
export const rhodeIsland: StateRule = {
  jurisdiction: 'US-RI',
  name: 'Rhode Island',
  citation: 'R.I. Gen. Laws §§ 11-49.3-1 to -6',
  effectiveFrom: '2016-07-02',
  sources: [
    'https://lawserver.com/law/state/rhode-island/ri-laws/rhode_island_general_laws_11-49-3-4',
    'https://www.swlaw.com/data-breach-map/view/state/ri',
    'https://lewisbrisbois.com/privacy/US/Rhode%20Island/data-breach',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    'The 45 days run from confirming the breach and being able to gather the notice information; the engine counts from the determination.',
  personalInformation: { withName: [...CORE_ELEMENTS, ...HEALTH_ELEMENTS], alone: ONLINE_CREDENTIALS },
  encryptionSafeHarbor: true,
  hipaa: { effect: 'none', note: 'A deemed-compliance clause for HIPAA covered entities is recalled, not verified.' },
  individuals: { deadline: within(days(45), 'determination') },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 501,
      deadline: withoutUnreasonableDelay('determination'),
      note: 'Timing, content, distribution and approximate number affected; must not delay resident notice.',
    },
  ],
  consumerReportingAgencies: { atLeast: 501, deadline: withoutUnreasonableDelay('determination') },
};
