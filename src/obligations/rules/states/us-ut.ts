import { CORE_ELEMENTS } from '../elements';
import { LAST_REVIEWED, withoutUnreasonableDelay, type StateRule } from '../types';

/** Utah Protection of Personal Information Act, am. SB 127 (2023) and SB 98 (2024). */
export const utah: StateRule = {
  jurisdiction: 'US-UT',
  name: 'Utah',
  citation: 'Utah Code §§ 13-44-101 to -301',
  effectiveFrom: '2024-05-01',
  sources: [
    'https://perkinscoie.com./insights/publication/security-breach-notification-chart-utah',
    'https://www.eyeonprivacy.com/2023/04/utah-amends-data-breach-law-creates-cyber-center/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  personalInformation: { withName: CORE_ELEMENTS, alone: [] },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: "A regulated person following its regulator's procedures is likely deemed compliant (medium confidence).",
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 500,
      deadline: withoutUnreasonableDelay(),
      note: 'Breach and discovery dates, total and Utah counts, PI types, a short description.',
    },
    {
      key: 'cyber-center',
      recipient: 'regulator',
      name: 'Utah Cyber Center',
      atLeast: 500,
      deadline: withoutUnreasonableDelay(),
    },
  ],
  consumerReportingAgencies: { atLeast: 1000, deadline: withoutUnreasonableDelay() },
};
