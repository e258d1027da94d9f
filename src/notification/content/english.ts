import type { Phrasebook } from './phrasebook';

export const english: Phrasebook = {
  locale: 'en-US',
  subject: (entityName) => `Notice of a data breach at ${entityName}`,
  greeting: (name) => `Dear ${name},`,
  nextOfKinGreeting: (name, patientName) =>
    `Dear ${name}, we are writing to you as the next of kin or personal representative of ${patientName}.`,
  headings: {
    whatHappened: 'What happened',
    whatInformation: 'What information was involved',
    whatYouCanDo: 'What you can do',
    whatWeAreDoing: 'What we are doing',
    forMoreInformation: 'For more information',
  },
  dates: (breachDate, discoveryDate) =>
    breachDate
      ? `The breach happened on ${breachDate}. We discovered it on ${discoveryDate}.`
      : `The date of the breach is not known. We discovered it on ${discoveryDate}.`,
  informationInvolved: 'The information involved may have included:',
  phiLabels: {
    fullName: 'full name',
    ssn: 'Social Security number',
    dateOfBirth: 'date of birth',
    homeAddress: 'home address',
    accountNumber: 'account number',
    diagnosis: 'diagnosis',
    disabilityCode: 'disability code',
    medicalRecordNumber: 'medical record number',
    insurance: 'health insurance information',
    medications: 'medications',
    labResults: 'laboratory results',
  },
  generalSteps: [
    'Review the statements you receive from your health care providers and insurer; report any service you did not receive.',
    'Be wary of calls, emails or letters asking for your personal or health information.',
  ],
  stepsByPhiType: {
    ssn: 'Place a free fraud alert or security freeze with the credit bureaus, and check your credit reports at annualcreditreport.com.',
    accountNumber:
      'Watch your account statements and tell your bank or card issuer about any charge you do not recognise.',
    insurance: 'Ask your health insurer for a list of the benefits paid in your name.',
  },
  contactLines: (contact) => [
    `Call us toll-free at ${contact.tollFreeNumber}.`,
    `Email: ${contact.email}`,
    `Web: ${contact.website}`,
    `Mail: ${contact.postalAddress}`,
  ],
  closing: (entityName) => `We sincerely apologise. ${entityName}`,
  smsLead: (entityName) => `${entityName}: notice of a data breach that may involve your information.`,
  smsLabels: {
    happened: 'What happened',
    found: 'Found',
    info: 'Information',
    steps: 'What you can do',
    doing: 'What we are doing',
    questions: 'Questions, toll-free',
  },
};
