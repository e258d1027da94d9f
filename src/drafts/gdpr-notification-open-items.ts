import type { GdprNotificationFields } from './gdpr-notification-draft';

/**
 * What a GDPR Art. 33 draft leaves for legal. Art. 33(4) lets information
 * that is not yet available follow in phases, so a gap here need not hold up
 * the first notification; each item says which element it belongs to.
 */

function natureItems(draft: GdprNotificationFields): string[] {
  const { nature } = draft;
  const items: string[] = [];
  if (nature.description === undefined) items.push('Nature of the breach (Art. 33(3)(a)): no description given.');
  if (nature.dates.breachEnded === undefined) {
    items.push('Date of the breach: the facts give no end; say whether it is ongoing or its end unknown.');
  }
  if (nature.dataSubjectCategories.length === 0) {
    items.push('Categories of data subjects (Art. 33(3)(a)): not given (e.g. patients, employees).');
  }
  if (nature.approximateRecords === undefined) {
    items.push('Approximate number of personal data records (Art. 33(3)(a)): not given; the facts count people only.');
  }
  if (nature.dataCategories.some((element) => element === 'health-insurance' || element === 'medical-record-number')) {
    items.push(
      'Special categories (Art. 9): decide whether the health-insurance or record-number data reveals health.',
    );
  }

  return items;
}

function contactItems(draft: GdprNotificationFields): string[] {
  const { contactPoint } = draft;
  if (contactPoint.contact === undefined) {
    return ['DPO or contact point (Art. 33(3)(b)): the organisation file names neither.'];
  }
  if (contactPoint.role === 'other-contact-point') {
    return [
      'DPO (Art. 33(3)(b)): none named in the organisation file, so its contact is given as the contact point; name the DPO if one is designated (Art. 37).',
    ];
  }

  return [];
}

function timingItems(draft: GdprNotificationFields, dueText: string): string[] {
  if (draft.late) {
    return [
      `Reasons for the delay (Art. 33(1)): required, since this notification is made after the 72 hours ended at ${dueText}.`,
    ];
  }

  return [`Send by ${dueText}: a notification made later must give the reasons for the delay (Art. 33(1)).`];
}

export function gdprOpenItems(draft: GdprNotificationFields, dueText: string, uncertainty?: string): string[] {
  const items = [
    `Competent authority (Art. 55): confirm which supervisory authority of ${draft.countryName} is competent and how it takes notifications; the rules data hold neither.`,
    ...timingItems(draft, dueText),
    ...natureItems(draft),
    ...contactItems(draft),
  ];
  if (draft.likelyConsequences === undefined) {
    items.push('Likely consequences (Art. 33(3)(c)): not described.');
  }
  if (draft.measures.length === 0) {
    items.push(
      'Measures taken or proposed (Art. 33(3)(d)): none given, including measures to mitigate adverse effects.',
    );
  }
  if (uncertainty !== undefined) items.push(`Awareness: ${uncertainty}`);
  items.push('Phases (Art. 33(4)): say which information will follow, and send it without undue further delay.');

  return items;
}
