/**
 * How strongly one factor of the risk assessment points to the PHI having
 * been compromised. Only `low` on every factor can rebut the presumption of a
 * breach (see assess-risk.ts).
 */
export const RiskRating = {
  low: 'low',
  medium: 'medium',
  high: 'high',
} as const;
export type RiskRating = (typeof RiskRating)[keyof typeof RiskRating];

/**
 * What the assessment concludes. Only `reportable` starts notification; each
 * of the others is a documented "no breach to notify" for a different legal
 * reason, which 45 CFR 164.414(b) makes the entity prove.
 */
export const AssessmentOutcome = {
  /** A breach of unsecured PHI: Subpart D notification duties apply. */
  reportable: 'reportable',
  /** The four-factor assessment showed a low probability that the PHI was compromised. */
  notReportableLowProbability: 'not-reportable-low-probability',
  /** The information was not protected health information at all. */
  notPhi: 'not-phi',
  /** One of the three exclusions in the definition of breach applies. */
  notReportableException: 'not-reportable-exception',
  /** The PHI was secured (encrypted with an uncompromised key, or destroyed) as HHS guidance specifies. */
  notReportableSafeHarbor: 'not-reportable-safe-harbor',
} as const;
export type AssessmentOutcome = (typeof AssessmentOutcome)[keyof typeof AssessmentOutcome];

/**
 * How the PHI was secured, if at all. The HHS guidance names exactly two
 * methods; anything else (redaction, access controls, a password) leaves PHI
 * unsecured.
 */
export const SecuringMethod = {
  none: 'none',
  encryption: 'encryption',
  destruction: 'destruction',
} as const;
export type SecuringMethod = (typeof SecuringMethod)[keyof typeof SecuringMethod];
