import { CORE_ELEMENTS, HEALTH_ELEMENTS, ONLINE_CREDENTIALS } from '../elements';
import { LAST_REVIEWED, noLaterThanIndividuals, withoutUnreasonableDelay, type StateRule } from '../types';

/** Pennsylvania Breach of Personal Information Notification Act, am. Act 151 of 2022 and Act 33 of 2024. */
export const pennsylvania: StateRule = {
  jurisdiction: 'US-PA',
  name: 'Pennsylvania',
  citation: '73 Pa. Stat. §§ 2301-2330',
  effectiveFrom: '2024-09-26',
  sources: [
    'https://jdsupra.com/legalnews/pennsylvania-s-amendments-to-data-4940636',
    'https://databreaches.net/2024/07/07/new-pennsylvania-law-will-offer-added-protections-for-victims-of-data-breaches-and-new-reporting-requirements',
    'http://law.justia.com/codes/pennsylvania/2022/act-151/',
    'https://www.cyberadviserblog.com/2022/12/pennsylvania-amends-data-breach-notification-law/',
  ],
  lastReviewed: LAST_REVIEWED,
  confidence: 'high',
  uncertainty:
    "The reference rates the deemed-compliance clause for entities following their federal regulator's procedures only 'likely' (medium) to cover HIPAA and leaves open whether Act 33's AG notice still binds them, so the engine owes both the individual and AG notices. The CRA threshold (500, lowered from 1,000 by Act 33) is from Constangy and not checked against the enrolled text.",
  personalInformation: { withName: [...CORE_ELEMENTS, ...HEALTH_ELEMENTS], alone: ONLINE_CREDENTIALS },
  encryptionSafeHarbor: true,
  hipaa: {
    effect: 'none',
    note: 'A generic primary-or-functional-regulator clause, not confirmed to cover HIPAA; notify under both (states_notes.md § 4).',
  },
  individuals: { deadline: withoutUnreasonableDelay() },
  regulators: [
    {
      key: 'attorney-general',
      recipient: 'attorney-general',
      name: 'Attorney General',
      atLeast: 501,
      deadline: noLaterThanIndividuals,
      note: 'Concurrently with the individuals: organisation, breach date, summary, total and Pennsylvania counts.',
    },
  ],
  consumerReportingAgencies: { atLeast: 501, deadline: withoutUnreasonableDelay() },
};
