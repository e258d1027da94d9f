import type { DataElement } from '../obligations';

/**
 * The data-element kinds of the incident facts in words a regulator or a
 * reader of a press notice understands. The labels name kinds of data, never
 * values: a draft says "Social Security numbers", not whose.
 */
export const dataElementLabels: Readonly<Record<DataElement, string>> = {
  name: 'names',
  address: 'addresses',
  dob: 'dates of birth',
  email: 'email addresses',
  phone: 'telephone numbers',
  ssn: 'Social Security numbers',
  'drivers-license': "driver's license numbers",
  'state-id': 'state identification card numbers',
  passport: 'passport numbers',
  'taxpayer-id': 'taxpayer identification numbers',
  'military-id': 'military identification numbers',
  'financial-account': 'financial account numbers',
  'payment-card': 'payment card numbers',
  credentials: 'online account credentials',
  'mothers-maiden-name': "mothers' maiden names",
  medical: 'medical information',
  'medical-record-number': 'medical record numbers',
  'health-insurance': 'health insurance information',
  biometric: 'biometric data',
  genetic: 'genetic data',
};

/** The kinds in the order above (identity first, health last), each once, so a draft never depends on input order. */
export function inVocabularyOrder(elements: readonly DataElement[]): DataElement[] {
  const present = new Set(elements);

  return (Object.keys(dataElementLabels) as DataElement[]).filter((element) => present.has(element));
}

export function dataElementList(elements: readonly DataElement[]): string {
  return inVocabularyOrder(elements)
    .map((element) => dataElementLabels[element])
    .join('; ');
}
