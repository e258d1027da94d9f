import { dataElementLabels, dataElementList } from './data-element-labels';
import { instantText } from './deadline-text';
import { field, INDENT, joinBlocks, legalHeader, listField, NOT_GIVEN, openItemsBlock } from './draft-text';
import type { GdprBreachNotificationDraft } from './gdpr-notification-draft';
import { breachPeriodText } from './incident-dates';
import { addressText, contactText } from './organisation-lines';

/**
 * A GDPR Art. 33 notification draft as plain text: a header for legal with
 * awareness, due and preparation times, then the four Art. 33(3) elements as
 * numbered sections, and, when the draft is late, the reasons-for-delay
 * section Art. 33(1) asks for.
 */

const riskFindings: Readonly<Record<GdprBreachNotificationDraft['riskAssessment'], string>> = {
  risk: 'likely to result in a risk to the rights and freedoms of natural persons, not a high risk',
  high: 'likely to result in a high risk to the rights and freedoms of natural persons',
};

function header(draft: GdprBreachNotificationDraft): string[] {
  const lines = [
    field('Obligation', draft.obligationId),
    field('Citation', draft.citation),
    field('Became aware', instantText(draft.awareAt, draft.timeZone)),
    field('Due (72 hours after awareness)', instantText(draft.dueAt, draft.timeZone)),
    field('Prepared', instantText(draft.preparedAt, draft.timeZone)),
  ];
  if (draft.late) {
    lines.push(
      `${INDENT}LATE: prepared after the 72 hours ended. Art. 33(1): a notification made after 72 hours must give the reasons for the delay.`,
    );
  }

  return legalHeader(`GDPR Art. 33 notification to the supervisory authority of ${draft.countryName}`, lines);
}

function count(value: number | undefined): string {
  return value === undefined ? NOT_GIVEN : `approximately ${value.toLocaleString('en-US')}`;
}

function nature(draft: GdprBreachNotificationDraft): string[] {
  const { nature: facts } = draft;
  const categories = facts.dataSubjectCategories;
  const special = facts.specialCategories.map((element) => dataElementLabels[element]).join('; ');

  return [
    '1. Nature of the breach (Art. 33(3)(a))',
    field('Description', facts.description ?? NOT_GIVEN),
    field('Date of the breach', breachPeriodText(facts.dates)),
    field('Date discovered', facts.dates.discovered),
    field('Date the controller became aware', facts.dates.determined),
    field('Categories of data subjects', categories.length === 0 ? NOT_GIVEN : categories.join('; ')),
    field(`Approximate number of data subjects in ${draft.countryName}`, count(facts.dataSubjectsInCountry)),
    field('Approximate number of data subjects in total, all countries', count(facts.dataSubjectsInTotal)),
    field('Categories of personal data', dataElementList(facts.dataCategories)),
    field('Special categories of personal data (Art. 9)', special === '' ? 'none among the categories above' : special),
    field('Approximate number of personal data records', count(facts.approximateRecords)),
  ];
}

function contactPoint(draft: GdprBreachNotificationDraft): string[] {
  const { role, contact } = draft.contactPoint;
  const label = role === 'data-protection-officer' ? 'Data protection officer' : 'Contact point';

  return [
    '2. Data protection officer or other contact point (Art. 33(3)(b))',
    field(label, contact === undefined ? NOT_GIVEN : contactText(contact)),
  ];
}

function delay(draft: GdprBreachNotificationDraft): string[][] {
  if (!draft.late) return [];

  return [['5. Reasons for the delay (Art. 33(1))', `${INDENT}${NOT_GIVEN}`]];
}

export function renderGdprNotification(draft: GdprBreachNotificationDraft): string {
  const { controller } = draft;
  const addressing = [
    `To: Supervisory authority of ${draft.countryName} (${draft.country})`,
    `From: ${controller.name} (controller)${controller.address === undefined ? '' : `, ${addressText(controller.address)}`}`,
    'Re: Notification of a personal data breach under Art. 33 GDPR',
  ];
  const consequences = [
    '3. Likely consequences of the breach (Art. 33(3)(c))',
    field("Controller's risk assessment", riskFindings[draft.riskAssessment]),
    field('Likely consequences', draft.likelyConsequences ?? NOT_GIVEN),
  ];
  const measures = [
    '4. Measures taken or proposed (Art. 33(3)(d))',
    ...listField('Measures, including those to mitigate possible adverse effects', draft.measures),
  ];
  const dates = `Dates are civil dates in ${draft.timeZone}.`;

  return joinBlocks([
    header(draft),
    addressing,
    nature(draft),
    contactPoint(draft),
    consequences,
    measures,
    ...delay(draft),
    openItemsBlock(draft.openItems),
    [dates],
  ]);
}
