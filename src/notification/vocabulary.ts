/** The ways a notice can reach a person (45 CFR 164.404(d)(1): mail by default, email with consent). */
export const Channels = { mail: 'mail', email: 'email', sms: 'sms' } as const;
export type Channel = (typeof Channels)[keyof typeof Channels];

/** The languages every template is written in. */
export const Languages = { en: 'en', es: 'es' } as const;
export type Language = (typeof Languages)[keyof typeof Languages];

/** Kinds of unsecured PHI a notice can name; 45 CFR 164.404(c)(1)(B) gives most of these as examples. */
export const PhiTypes = {
  fullName: 'fullName',
  ssn: 'ssn',
  dateOfBirth: 'dateOfBirth',
  homeAddress: 'homeAddress',
  accountNumber: 'accountNumber',
  diagnosis: 'diagnosis',
  disabilityCode: 'disabilityCode',
  medicalRecordNumber: 'medicalRecordNumber',
  insurance: 'insurance',
  medications: 'medications',
  labResults: 'labResults',
} as const;
export type PhiType = (typeof PhiTypes)[keyof typeof PhiTypes];
