import { dataElementList } from './data-element-labels';
import { field, joinBlocks, legalHeader, listField, NOT_GIVEN, openItemsBlock } from './draft-text';
import { breachPeriodText } from './incident-dates';
import { addressText, contactText } from './organisation-lines';
import type { StateRegulatorLetterDraft } from './state-regulator-letter';

/**
 * A state regulator letter as plain text: a header for legal (obligation,
 * citation, due date), then the letter itself with one labelled line per
 * element, then the open items.
 */

function addressing(letter: StateRegulatorLetterDraft): string[] {
  const { organisation } = letter;

  return [
    `To: ${letter.recipientName}, ${letter.stateName}`,
    `From: ${organisation.name}${organisation.address === undefined ? '' : `, ${addressText(organisation.address)}`}`,
    `Re: Notice of a data breach affecting ${letter.stateName} residents, under ${letter.citation}`,
  ];
}

function facts(letter: StateRegulatorLetterDraft): string[] {
  const { dates } = letter;
  const opening =
    `${letter.organisation.name} gives notice of a breach of the security of personal information ` +
    `that affects residents of ${letter.stateName}.`;

  return [
    opening,
    '',
    field(`${letter.stateName} residents affected`, letter.residentsAffected.toLocaleString('en-US')),
    field('Individuals affected in total', letter.totalAffected.toLocaleString('en-US')),
    field('Date of the breach', breachPeriodText(dates)),
    field('Date discovered', dates.discovered),
    field('Date the breach was determined', dates.determined),
    field('Kinds of personal information involved', dataElementList(letter.dataElements)),
    field('Description of the breach', letter.description ?? NOT_GIVEN),
    ...listField('Steps taken', letter.stepsTaken),
  ];
}

function contact(letter: StateRegulatorLetterDraft): string[] {
  const { organisation } = letter;

  return [
    'For more information, please contact:',
    field('Contact', organisation.contact === undefined ? NOT_GIVEN : contactText(organisation.contact)),
    ...(organisation.website === undefined ? [] : [field('Website', organisation.website)]),
  ];
}

export function renderStateRegulatorLetter(letter: StateRegulatorLetterDraft): string {
  const header = legalHeader(`letter to the ${letter.stateName} ${letter.recipientName}`, [
    field('Obligation', letter.obligationId),
    field('Citation', letter.citation),
    field('Due', letter.due),
  ]);
  const dates = `Dates are civil dates in ${letter.timeZone}.`;

  return joinBlocks([
    header,
    addressing(letter),
    facts(letter),
    contact(letter),
    openItemsBlock(letter.openItems),
    [dates],
  ]);
}
