import { CoveredEntityType, coveredEntityTypeTerms } from '../hhs/form-vocabulary';
import { DESCRIPTION_MAX_CHARACTERS } from './hhs-report-input';
import type { HhsBreachReportDraft } from './hhs-report-draft';

/**
 * What an HHS report draft leaves for legal: fields the facts cannot fill,
 * values the public listing uses but the form does not offer, and the
 * wordings `form-vocabulary.ts` holds with medium confidence. The portal
 * cannot save a half-filled report, so every item must be settled before
 * someone starts filing.
 */

type DraftFields = Omit<HhsBreachReportDraft, 'openItems'>;

const formEntityTypes = Object.entries(coveredEntityTypeTerms)
  .filter(([type]) => type !== CoveredEntityType.businessAssociate)
  .map(([, term]) => term.label)
  .join(', ');

function coveredEntityItems(draft: DraftFields): string[] {
  const { coveredEntity } = draft;
  const items: string[] = [];
  if (coveredEntity.name === undefined) items.push('Name of Covered Entity: not given.');
  if (coveredEntity.address === undefined) items.push('Covered entity address: not given.');
  if (coveredEntity.contact === undefined) items.push('Covered entity point of contact: not given.');
  if (coveredEntity.type === CoveredEntityType.businessAssociate) {
    items.push(
      `Type of Covered Entity: the form offers ${formEntityTypes}; a business associate files on a covered entity's behalf and gives that entity's type.`,
    );
  }
  if (draft.businessAssociatePresent) {
    items.push('Business associate: the form asks for its name, address and point of contact.');
  }

  return items;
}

function breachItems(draft: DraftFields): string[] {
  const { breach } = draft;
  const items: string[] = [];
  if (breach.endDate === undefined) {
    items.push('Breach End Date: the form requires it; the facts give none (ongoing, or the end is not known).');
  }
  if (breach.types.includes('unknown')) {
    items.push('Type of Breach: the form has no Unknown; choose the types that apply, or Other and describe it.');
  }
  if (breach.types.includes('other') || breach.locations.includes('other')) {
    items.push('Type of Breach or Location: Other is selected; the description must say what it was.');
  }
  if (breach.description === undefined) {
    items.push(
      `Brief Description of the Breach: not given (at most ${DESCRIPTION_MAX_CHARACTERS.toLocaleString('en-US')} characters: where and how it happened).`,
    );
  }
  items.push('Type of Protected Health Information Involved: choose the demographic, financial and clinical kinds.');
  if (breach.safeguards.length === 0) {
    items.push('Safeguards in Place Prior to Breach: none selected; choose None if there were none.');
  }

  return items;
}

function noticeItems(draft: DraftFields): string[] {
  const items = ['Individual Notice Provided Start Date and Projected/Expected End Date: from the notice as sent.'];
  if (draft.notice.actionsTaken.length === 0) items.push('Actions Taken in Response to Breach: none selected.');
  if (draft.breach.safeguards.length > 0 || draft.notice.actionsTaken.length > 0) {
    items.push(
      "Safeguard and action wordings are reconstructed: check them against OCR's Breach Portal Questions before filing.",
    );
  }

  return items;
}

export function hhsReportOpenItems(draft: DraftFields): string[] {
  return [
    ...coveredEntityItems(draft),
    ...breachItems(draft),
    ...noticeItems(draft),
    'Attestation: the name or signature of the person filing, and the date.',
  ];
}
