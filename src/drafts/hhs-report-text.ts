import {
  actionTakenTerms,
  breachLocationTerms,
  breachTypeTerms,
  coveredEntityTypeTerms,
  safeguardTerms,
} from '../hhs/form-vocabulary';
import { DRAFT_BANNER } from './draft-marking';
import { BreachAffecting, FilerRole, type HhsBreachReportDraft } from './hhs-report-draft';
import type { Contact, PostalAddress } from './organisation';

/**
 * An HHS report draft as plain text, in the form's order and with its
 * labels, so legal can read it beside the portal while filing. Empty fields
 * say so rather than disappear.
 */

const NOT_GIVEN = '(not given)';
const INDENT = '   ';

const affectingLabels: Readonly<Record<BreachAffecting, string>> = {
  '500-or-more': '500 or More Individuals',
  'fewer-than-500': 'Fewer Than 500 Individuals',
};

const filerLabels: Readonly<Record<FilerRole, string>> = {
  'covered-entity': 'Covered entity filing for its own organization',
  'business-associate-for-covered-entity': 'Business associate filing on behalf of a covered entity',
};

function labels<T extends string>(terms: Readonly<Record<T, { label: string }>>, values: readonly T[]): string {
  return values.length === 0 ? '(none selected)' : values.map((value) => terms[value].label).join('; ');
}

function yesNo(answer: boolean): string {
  return answer ? 'Yes' : 'No';
}

function addressText(address: PostalAddress | undefined): string {
  if (address === undefined) return NOT_GIVEN;
  const place = `${address.city}, ${address.region} ${address.postalCode}`;

  return [...address.lines, place, ...(address.country === undefined ? [] : [address.country])].join(', ');
}

function contactText(contact: Contact | undefined): string {
  if (contact === undefined) return NOT_GIVEN;

  return [contact.name, contact.title, contact.email, contact.phone].filter((part) => part !== undefined).join(', ');
}

/** A field line (a question's answer follows its question mark); a multi-line value continues indented. */
function field(label: string, value: string): string {
  const separator = label.endsWith('?') ? ' ' : ': ';

  return `${INDENT}${label}${separator}${value.replaceAll('\n', `\n${INDENT}${INDENT}`)}`;
}

function coveredEntitySection(draft: HhsBreachReportDraft): string[] {
  const entity = draft.coveredEntity;

  return [
    '1. Covered Entity',
    field('Name of Covered Entity', entity.name ?? NOT_GIVEN),
    field('Address', addressText(entity.address)),
    field('Point of contact', contactText(entity.contact)),
    field('State', entity.state.replace(/^US-/, '')),
    field('Type of Covered Entity', coveredEntityTypeTerms[entity.type].label),
  ];
}

function breachSection(draft: HhsBreachReportDraft): string[] {
  const { breach } = draft;

  return [
    '3. Breach',
    field('Breach Start Date', breach.startDate),
    field('Breach End Date', breach.endDate ?? NOT_GIVEN),
    field('Discovery Start Date', breach.discoveryStartDate),
    field('Discovery End Date', breach.discoveryEndDate),
    field(
      'Approximate Number of Individuals Affected by the Breach',
      breach.individualsAffected.toLocaleString('en-US'),
    ),
    field('Type of Breach', labels(breachTypeTerms, breach.types)),
    field('Location of Breached Information', labels(breachLocationTerms, breach.locations)),
    field('Brief Description of the Breach', breach.description ?? NOT_GIVEN),
    field('Safeguards in Place Prior to Breach', labels(safeguardTerms, breach.safeguards)),
  ];
}

function noticeSection(draft: HhsBreachReportDraft): string[] {
  return [
    '4. Notice of Breach and Actions Taken',
    field('Was Substitute Notice Required?', yesNo(draft.notice.substituteNoticeRequired)),
    field('Was Media Notice Required?', yesNo(draft.notice.mediaNoticeRequired)),
    field('Actions Taken in Response to Breach', labels(actionTakenTerms, draft.notice.actionsTaken)),
  ];
}

export function renderHhsBreachReport(draft: HhsBreachReportDraft): string {
  const heading = [
    DRAFT_BANNER,
    '',
    `${draft.form} (${draft.citation})`,
    `Report Type: Initial Breach Report`,
    `Breach Affecting: ${affectingLabels[draft.breachAffecting]}`,
    `Filed by: ${filerLabels[draft.filerRole]}`,
  ];
  const businessAssociate = [
    '2. Business Associate',
    field('Business Associate Present', yesNo(draft.businessAssociatePresent)),
  ];
  const openItems = ['Open items for legal:', ...draft.openItems.map((item) => `${INDENT}- ${item}`)];
  const dates = `Dates are civil dates in ${draft.timeZone}.`;

  const blocks = [heading, coveredEntitySection(draft), businessAssociate, breachSection(draft), noticeSection(draft)];

  return [...blocks, openItems, [dates]].map((block) => block.join('\n')).join('\n\n') + '\n';
}
