import type { NoticeFacts } from '../../../src/notification/notice-facts';

/** A complete notice for an invented incident at an invented hospital. */
export function sampleNoticeFacts(overrides: Partial<NoticeFacts> = {}): NoticeFacts {
  return {
    entityName: 'St. Elsewhere Hospital',
    whatHappened: {
      en: 'A staff account was used to view patient records without a work reason.',
      es: 'Se usó una cuenta del personal para ver historias clínicas sin motivo laboral.',
    },
    breachDate: '2026-03-02',
    discoveryDate: '2026-03-09',
    phiTypes: ['fullName', 'dateOfBirth', 'ssn', 'diagnosis'],
    entityActions: {
      en: 'We disabled the account, reviewed every access it made and retrained staff.',
      es: 'Desactivamos la cuenta, revisamos cada acceso y volvimos a capacitar al personal.',
    },
    contact: {
      tollFreeNumber: '1-800-555-0142',
      email: 'privacy@st-elsewhere.test',
      website: 'https://st-elsewhere.test/notice',
      postalAddress: 'Privacy Office, 1 Hospital Way, Boston, MA 02115',
    },
    ...overrides,
  };
}
