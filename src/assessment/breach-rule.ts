/**
 * The parts of the HIPAA Breach Notification Rule that decide whether an
 * incident is a reportable breach, named once with their sources so the
 * schema, the decision and the closure report all quote the same text.
 * Source: 45 CFR 164.402 as amended by the Omnibus Rule (78 FR 5566, 2013),
 * and the HHS guidance on unsecured PHI (74 FR 19006, 2009); see
 * shared/reference/law/hipaa.md, sections 2, 3 and 10.
 */

export const Citation = {
  phiDefinition: '45 CFR 160.103 (protected health information)',
  breachDefinition: '45 CFR 164.402 (breach)',
  presumption: '45 CFR 164.402, breach, paragraph (2)',
  unsecuredPhi: '45 CFR 164.402 (unsecured protected health information)',
  securingGuidance:
    'HHS guidance specifying technologies that render PHI unusable, unreadable or indecipherable, 74 FR 19006',
  encryptionDefinition: '45 CFR 164.304 (encryption)',
  burdenOfProof: '45 CFR 164.414(b)',
  notificationDuties: '45 CFR 164.400-164.414 (Subpart D)',
} as const;

export interface LegalTest {
  /** A few words to head a table row. */
  title: string;
  /** What the rule asks, in a sentence fit for a report. */
  label: string;
  citation: string;
}

/** The exclusions from the definition of breach: when one applies, the event is not a breach. */
export const breachExceptions = {
  unintentionalWorkforceUse: {
    title: 'Unintentional workforce use',
    label:
      'unintentional acquisition, access or use by a workforce member or person acting under the authority of the ' +
      'entity, in good faith, within the scope of authority, and not further used or disclosed impermissibly',
    citation: '45 CFR 164.402, breach, paragraph (1)(i)',
  },
  inadvertentAuthorizedDisclosure: {
    title: 'Inadvertent disclosure between authorized persons',
    label:
      'inadvertent disclosure by a person authorized to access PHI to another person authorized at the same entity, ' +
      'business associate or organized health care arrangement, and not further used or disclosed impermissibly',
    citation: '45 CFR 164.402, breach, paragraph (1)(ii)',
  },
  recipientCouldNotRetain: {
    title: 'Recipient could not retain the PHI',
    label: 'a good-faith belief that the unauthorized recipient would not reasonably have been able to retain the PHI',
    citation: '45 CFR 164.402, breach, paragraph (1)(iii)',
  },
} as const satisfies Record<string, LegalTest>;
export type BreachException = keyof typeof breachExceptions;

/** The four factors the risk assessment must cover at least. */
export const riskFactors = {
  natureAndExtent: {
    title: 'Nature and extent of the PHI',
    label:
      'the nature and extent of the PHI, including the types of identifiers and the likelihood of re-identification',
    citation: '45 CFR 164.402, breach, paragraph (2)(i)',
  },
  unauthorizedPerson: {
    title: 'The unauthorized person',
    label: 'the unauthorized person who used the PHI or to whom it was disclosed',
    citation: '45 CFR 164.402, breach, paragraph (2)(ii)',
  },
  acquiredOrViewed: {
    title: 'Actually acquired or viewed',
    label: 'whether the PHI was actually acquired or viewed',
    citation: '45 CFR 164.402, breach, paragraph (2)(iii)',
  },
  mitigation: {
    title: 'Mitigation',
    label: 'the extent to which the risk to the PHI has been mitigated',
    citation: '45 CFR 164.402, breach, paragraph (2)(iv)',
  },
} as const satisfies Record<string, LegalTest>;
export type RiskFactor = keyof typeof riskFactors;

export const breachExceptionKeys = Object.keys(breachExceptions) as BreachException[];
export const riskFactorKeys = Object.keys(riskFactors) as RiskFactor[];
