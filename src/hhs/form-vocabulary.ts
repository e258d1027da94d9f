/**
 * The closed lists of the OCR breach portal form ("Notice to the Secretary of
 * HHS Breach of Unsecured Protected Health Information", 45 CFR 164.408), as
 * `../shared/reference/law/hhs_form.md` rebuilt them, with the label the form
 * shows and, where it differs, the label OCR's public breach listing uses.
 *
 * The covered-entity types, breach types and locations are well attested
 * (several sources and the public dataset agree). The safeguard, action and
 * PHI sub-option wordings are reconstructed (medium confidence): check them
 * against OCR's "Breach Portal Questions" PDF before a filing relies on them.
 */

interface Term {
  /** The label on the portal form. */
  label: string;
  /** Other spellings seen in OCR's public listing or on older forms, read as this term. */
  aliases?: readonly string[];
}

/**
 * `business-associate` is not on the form's covered-entity list: a business
 * associate files on behalf of a covered entity. The public listing shows it
 * as the entity type of such reports, so breachline keeps it as a value.
 */
export const CoveredEntityType = {
  healthPlan: 'health-plan',
  healthcareClearinghouse: 'healthcare-clearinghouse',
  healthcareProvider: 'healthcare-provider',
  businessAssociate: 'business-associate',
} as const;
export type CoveredEntityType = (typeof CoveredEntityType)[keyof typeof CoveredEntityType];

export const coveredEntityTypeTerms: Readonly<Record<CoveredEntityType, Term>> = {
  'health-plan': { label: 'Health Plan' },
  'healthcare-clearinghouse': { label: 'Healthcare Clearinghouse', aliases: ['Healthcare Clearing House'] },
  'healthcare-provider': { label: 'Healthcare Provider' },
  'business-associate': { label: 'Business Associate' },
};

/** `unknown` is a value of the public listing, not an option on the form (which has `other`, described). */
export const BreachType = {
  hackingItIncident: 'hacking-it-incident',
  improperDisposal: 'improper-disposal',
  loss: 'loss',
  theft: 'theft',
  unauthorizedAccessDisclosure: 'unauthorized-access-disclosure',
  other: 'other',
  unknown: 'unknown',
} as const;
export type BreachType = (typeof BreachType)[keyof typeof BreachType];

export const breachTypeTerms: Readonly<Record<BreachType, Term>> = {
  'hacking-it-incident': { label: 'Hacking/IT Incident' },
  'improper-disposal': { label: 'Improper Disposal' },
  loss: { label: 'Loss' },
  theft: { label: 'Theft' },
  'unauthorized-access-disclosure': { label: 'Unauthorized Access/Disclosure' },
  other: { label: 'Other' },
  unknown: { label: 'Unknown' },
};

export const BreachLocation = {
  desktopComputer: 'desktop-computer',
  electronicMedicalRecord: 'electronic-medical-record',
  email: 'email',
  laptop: 'laptop',
  networkServer: 'network-server',
  otherPortableElectronicDevice: 'other-portable-electronic-device',
  paperFilms: 'paper-films',
  other: 'other',
} as const;
export type BreachLocation = (typeof BreachLocation)[keyof typeof BreachLocation];

export const breachLocationTerms: Readonly<Record<BreachLocation, Term>> = {
  'desktop-computer': { label: 'Desktop Computer' },
  'electronic-medical-record': { label: 'Electronic Medical Record' },
  email: { label: 'Email', aliases: ['E-mail'] },
  laptop: { label: 'Laptop' },
  'network-server': { label: 'Network Server' },
  'other-portable-electronic-device': { label: 'Other Portable Electronic Device' },
  'paper-films': { label: 'Paper/Films' },
  other: { label: 'Other' },
};

/** "Safeguards in Place Prior to Breach", the options since the 2015 portal update. */
export const Safeguard = {
  none: 'none',
  privacyRule: 'privacy-rule',
  securityAdministrative: 'security-administrative',
  securityPhysical: 'security-physical',
  securityTechnical: 'security-technical',
} as const;
export type Safeguard = (typeof Safeguard)[keyof typeof Safeguard];

export const safeguardTerms: Readonly<Record<Safeguard, Term>> = {
  none: { label: 'None' },
  'privacy-rule': { label: 'Privacy Rule Safeguards (Training, Policies and Procedures, etc.)' },
  'security-administrative': {
    label: 'Security Rule Administrative Safeguards (Risk Analysis, Risk Management, etc.)',
  },
  'security-physical': {
    label: 'Security Rule Physical Safeguards (Facility Access Controls, Workstation Security, etc.)',
  },
  'security-technical': {
    label: 'Security Rule Technical Safeguards (Access Controls, Transmission Security, Audit Controls, etc.)',
  },
};

/** "Actions Taken in Response to Breach" (medium confidence in the exact wording). */
export const ActionTaken = {
  adoptedEncryption: 'adopted-encryption',
  strengthenedPasswords: 'strengthened-passwords',
  updatedRiskManagementPlan: 'updated-risk-management-plan',
  newTechnicalSafeguards: 'new-technical-safeguards',
  periodicEvaluations: 'periodic-evaluations',
  improvedPhysicalSecurity: 'improved-physical-security',
  updatedRiskAnalysis: 'updated-risk-analysis',
  trainedBusinessAssociate: 'trained-business-associate',
  freeCreditMonitoring: 'free-credit-monitoring',
  revisedBusinessAssociateContracts: 'revised-business-associate-contracts',
  revisedPolicies: 'revised-policies',
  sanctionedWorkforce: 'sanctioned-workforce',
  mitigatedHarm: 'mitigated-harm',
  trainedWorkforce: 'trained-workforce',
  other: 'other',
} as const;
export type ActionTaken = (typeof ActionTaken)[keyof typeof ActionTaken];

export const actionTakenTerms: Readonly<Record<ActionTaken, Term>> = {
  'adopted-encryption': { label: 'Adopted encryption technologies' },
  'strengthened-passwords': { label: 'Changed password/strengthened password requirements' },
  'updated-risk-management-plan': { label: 'Created a new/updated Security Rule Risk Management Plan' },
  'new-technical-safeguards': { label: 'Implemented new technical safeguards' },
  'periodic-evaluations': { label: 'Implemented periodic technical and nontechnical evaluations' },
  'improved-physical-security': { label: 'Improved physical security' },
  'updated-risk-analysis': { label: 'Performed a new/updated Security Rule Risk Analysis' },
  'trained-business-associate': { label: 'Provided business associate with additional training on HIPAA requirements' },
  'free-credit-monitoring': { label: 'Provided individuals with free credit monitoring' },
  'revised-business-associate-contracts': { label: 'Revised business associate contracts' },
  'revised-policies': { label: 'Revised policies and procedures' },
  'sanctioned-workforce': { label: 'Sanctioned workforce members involved (including termination)' },
  'mitigated-harm': { label: 'Took steps to mitigate harm' },
  'trained-workforce': { label: 'Trained or retrained workforce members' },
  other: { label: 'Other' },
};

/** "Type of Protected Health Information Involved": the sub-options under each top-level category. */
export const DemographicPhi = {
  name: 'name',
  addressZip: 'address-zip',
  dateOfBirth: 'date-of-birth',
  driversLicense: 'drivers-license',
  ssn: 'ssn',
  other: 'other',
} as const;
export type DemographicPhi = (typeof DemographicPhi)[keyof typeof DemographicPhi];

export const FinancialPhi = {
  claimsInformation: 'claims-information',
  creditCardBankAccount: 'credit-card-bank-account',
  other: 'other',
} as const;
export type FinancialPhi = (typeof FinancialPhi)[keyof typeof FinancialPhi];

export const ClinicalPhi = {
  diagnosisConditions: 'diagnosis-conditions',
  labResults: 'lab-results',
  medications: 'medications',
  otherTreatmentInformation: 'other-treatment-information',
} as const;
export type ClinicalPhi = (typeof ClinicalPhi)[keyof typeof ClinicalPhi];

/** A term's value from its form label or one of its aliases, ignoring case and surrounding blanks. */
export function termByLabel<T extends string>(terms: Readonly<Record<T, Term>>, text: string): T | undefined {
  const wanted = text.trim().toLowerCase();
  const entries = Object.entries(terms) as [T, Term][];
  const match = entries.find(([, term]) =>
    [term.label, ...(term.aliases ?? [])].some((l) => l.toLowerCase() === wanted),
  );

  return match?.[0];
}

/** Values in the order the form lists them, each once: drafts and comparisons do not depend on input order. */
export function inFormOrder<T extends string>(terms: Readonly<Record<T, Term>>, values: Iterable<T>): T[] {
  const present = new Set(values);
  return (Object.keys(terms) as T[]).filter((value) => present.has(value));
}
