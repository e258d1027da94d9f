import { dataElementList } from './data-element-labels';
import { field, INDENT, joinBlocks, legalHeader, NOT_GIVEN, openItemsBlock } from './draft-text';
import { breachPeriodText } from './incident-dates';
import type { MediaNoticeDraft } from './media-notice';
import { addressText } from './organisation-lines';

/**
 * A media notice as plain text, under the headings readers of breach
 * notices know, one per element of 45 CFR 164.404(c)(1).
 */

function paragraph(lines: readonly string[]): string[] {
  return lines.length === 0 ? [`${INDENT}${NOT_GIVEN}`] : lines.map((line) => `${INDENT}${line}`);
}

function bullets(items: readonly string[]): string[] {
  return paragraph(items.map((item) => `- ${item}`));
}

function whatHappened(notice: MediaNoticeDraft): string[] {
  const { dates } = notice;
  const count = notice.residentsAffected.toLocaleString('en-US');

  return [
    'What happened',
    ...paragraph([notice.whatHappened ?? NOT_GIVEN]),
    field('Date of the breach', breachPeriodText(dates)),
    field('Date discovered', dates.discovered),
    field(`${notice.jurisdictionName} residents affected`, count),
  ];
}

function moreInformation(notice: MediaNoticeDraft): string[] {
  const { contact } = notice;
  const lines = [
    ...(contact.tollFreePhone === undefined ? [] : [field('Toll-free', contact.tollFreePhone)]),
    ...(contact.email === undefined ? [] : [field('Email', contact.email)]),
    ...(contact.website === undefined ? [] : [field('Web', contact.website)]),
    ...(contact.postalAddress === undefined ? [] : [field('Mail', addressText(contact.postalAddress))]),
  ];

  return ['For more information', ...(lines.length === 0 ? paragraph([]) : lines)];
}

export function renderMediaNotice(notice: MediaNoticeDraft): string {
  const header = legalHeader(`HIPAA media notice for ${notice.jurisdictionName}`, [
    field('Obligation', notice.obligationId),
    field('Citation', `${notice.citation} (content: ${notice.contentCitation})`),
    field('Due', notice.due),
  ]);
  const headline = [
    `${notice.organisationName}: notice of a data breach affecting ${notice.jurisdictionName} residents`,
  ];
  const dates = `Dates are civil dates in ${notice.timeZone}.`;

  return joinBlocks([
    header,
    headline,
    whatHappened(notice),
    ['What information was involved', ...paragraph([dataElementList(notice.dataElements)])],
    ['What you can do', ...bullets(notice.stepsForIndividuals)],
    ['What we are doing', ...bullets(notice.measuresTaken)],
    moreInformation(notice),
    openItemsBlock(notice.openItems),
    [dates],
  ]);
}
