import type { Provenance } from '../obligation';
import { LAST_REVIEWED } from './types';

/**
 * The HIPAA Breach Notification Rule, 45 CFR 164.400-414, as data. Every
 * limit names its section; `../shared/reference/law/hipaa.md` has the
 * paraphrase these numbers were checked against.
 */
export const hipaaRule = {
  provenance: {
    sources: [
      'https://www.ecfr.gov/current/title-45/subtitle-A/subchapter-C/part-164/subpart-D',
      'https://law.lawstack.com/cfr/45/164.414/',
      'http://www.hhs.gov/ocr/privacy/hipaa/administrative/breachnotificationrule/brinstruction.html',
    ],
    lastReviewed: LAST_REVIEWED,
    confidence: 'high',
  } satisfies Provenance,

  /** § 164.404(b): no later than 60 calendar days after discovery; no business-day adjustment. */
  individuals: { days: 60, citation: '45 CFR 164.404' },
  /** § 164.404(d)(2): fewer than 10 lacking contact details → other written or phone notice; 10 or more → web/media plus a toll-free line. */
  substituteNotice: { webOrMediaAtLeast: 10, postingDays: 90, citation: '45 CFR 164.404(d)(2)' },
  /** § 164.406: strictly more than 500 residents of one State or jurisdiction. */
  media: { moreThan: 500, days: 60, citation: '45 CFR 164.406' },
  /** § 164.408(b): 500 or more in total → with the individual notice. */
  hhs: { atLeast: 500, days: 60, citation: '45 CFR 164.408(b)' },
  /** § 164.408(c): fewer than 500 → logged, due 60 days after the end of the calendar year of discovery. */
  hhsAnnualLog: { daysAfterYearEnd: 60, citation: '45 CFR 164.408(c)' },
  /** § 164.410(b): business associate to covered entity, 60 calendar days after discovery. */
  coveredEntity: { days: 60, citation: '45 CFR 164.410' },
  /** § 164.412(b): an oral request delays notice at most 30 days unless confirmed in writing. */
  lawEnforcementDelay: { oralMaxDays: 30, citation: '45 CFR 164.412' },
  /** § 164.402 and HHS guidance 74 FR 19006: encrypted PHI whose key was not compromised is "secured". */
  safeHarbor: { citation: '45 CFR 164.402; 74 FR 19006' },
} as const;
