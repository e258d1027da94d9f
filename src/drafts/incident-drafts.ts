import type { HhsIncidentProfileInput } from '../hhs/incident-profile';
import { isUsJurisdiction, type GdprRisk, type IncidentFacts, type Obligation } from '../obligations';
import type { DraftNarrative, DraftOrganisation } from './draft-input-files';
import { gdprNotificationDraft } from './gdpr-notification';
import { renderGdprNotification } from './gdpr-notification-text';
import { hhsBreachReportDraft } from './hhs-breach-report';
import { renderHhsBreachReport } from './hhs-report-text';
import { mediaNoticeDraft } from './media-notice';
import { renderMediaNotice } from './media-notice-text';
import { stateRegulatorLetterDraft } from './state-regulator-letter';
import { renderStateRegulatorLetter } from './state-regulator-letter-text';

/**
 * Every draft an incident's obligations call for, rendered as text and named
 * for a file: the HHS report, one letter per state regulator notice, one
 * media notice per state over 500 and one Art. 33 notification per member
 * state. Obligations with no draft are listed with why, so nothing owed is
 * silently passed over. Pure: the CLI does the reading and writing.
 */

export interface IncidentDraftsInput {
  facts: IncidentFacts;
  obligations: readonly Obligation[];
  organisation: DraftOrganisation;
  narrative?: DraftNarrative;
  /** What the OCR form asks beyond the facts; without it the HHS report is not drafted. */
  hhsProfile?: HhsIncidentProfileInput;
  /** The GDPR risk the obligations were computed with. */
  gdprRisk: GdprRisk;
  /** When the drafts are prepared (ISO 8601 with offset): decides whether an Art. 33 notification is late. */
  preparedAt: string;
}

export interface RenderedDraft {
  obligationId: string;
  fileName: string;
  text: string;
}

export interface NotDrafted {
  obligationId: string;
  reason: string;
}

export interface IncidentDrafts {
  drafts: RenderedDraft[];
  notDrafted: NotDrafted[];
}

type Drafting = RenderedDraft | NotDrafted;

function hhsReport(obligation: Obligation, input: IncidentDraftsInput): Drafting {
  if (input.hhsProfile === undefined) {
    return { obligationId: obligation.id, reason: 'the HHS report needs the OCR form profile (--profile)' };
  }
  const draft = hhsBreachReportDraft({
    facts: input.facts,
    profile: input.hhsProfile,
    organisation: input.organisation,
    ...(input.narrative === undefined ? {} : { description: input.narrative.whatHappened }),
  });

  return { obligationId: obligation.id, fileName: 'hhs-breach-report.txt', text: renderHhsBreachReport(draft) };
}

function stateLetter(obligation: Obligation, input: IncidentDraftsInput): RenderedDraft {
  const { facts, organisation, narrative } = input;
  const draft = stateRegulatorLetterDraft({ facts, obligation, organisation, ...(narrative ? { narrative } : {}) });

  return {
    obligationId: obligation.id,
    fileName: `state-letter-${obligation.id.replaceAll('/', '-')}.txt`,
    text: renderStateRegulatorLetter(draft),
  };
}

function mediaNotice(obligation: Obligation, input: IncidentDraftsInput): RenderedDraft {
  const { facts, organisation, narrative } = input;
  const draft = mediaNoticeDraft({ facts, obligation, organisation, ...(narrative ? { narrative } : {}) });

  return {
    obligationId: obligation.id,
    fileName: `media-notice-${obligation.jurisdiction}.txt`,
    text: renderMediaNotice(draft),
  };
}

function gdprNotification(obligation: Obligation, input: IncidentDraftsInput): RenderedDraft {
  const { facts, organisation, narrative, gdprRisk, preparedAt } = input;
  const draft = gdprNotificationDraft({
    facts,
    obligation,
    organisation,
    gdprRisk,
    preparedAt,
    ...(narrative ? { narrative } : {}),
  });

  return {
    obligationId: obligation.id,
    fileName: `gdpr-art33-${obligation.jurisdiction}.txt`,
    text: renderGdprNotification(draft),
  };
}

function draftFor(obligation: Obligation, input: IncidentDraftsInput): Drafting {
  const { recipient, regime } = obligation;
  if (regime === 'HIPAA' && recipient === 'hhs') return hhsReport(obligation, input);
  if (regime === 'HIPAA' && recipient === 'media') return mediaNotice(obligation, input);
  if (isUsJurisdiction(regime) && (recipient === 'attorney-general' || recipient === 'regulator')) {
    return stateLetter(obligation, input);
  }
  if (regime === 'GDPR' && recipient === 'supervisory-authority') return gdprNotification(obligation, input);

  return { obligationId: obligation.id, reason: `no draft is written for notices to ${recipient}` };
}

/** Throws `DraftInputError` (or its `HhsReportInputError`) when an input cannot make its draft. */
export function incidentDrafts(input: IncidentDraftsInput): IncidentDrafts {
  const result: IncidentDrafts = { drafts: [], notDrafted: [] };
  for (const obligation of input.obligations) {
    const drafting = draftFor(obligation, input);
    if ('text' in drafting) result.drafts.push(drafting);
    else result.notDrafted.push(drafting);
  }

  return result;
}
