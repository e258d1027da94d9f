import { isUsJurisdiction, type DataElement, type IncidentFacts, type Obligation } from '../obligations';
import { inVocabularyOrder } from './data-element-labels';
import { deadlineText } from './deadline-text';
import { DRAFT_STATUS, DraftInputError, type DraftStatus } from './draft-marking';
import { affectedIn, incidentDates, type IncidentDates } from './incident-dates';
import type { IncidentNarrative, Organisation, PostalAddress } from './organisation';
import { jurisdictionName } from './state-name';

/**
 * The HIPAA media notice (45 CFR 164.406), one per state or jurisdiction
 * with more than 500 residents affected. Its content is the individual
 * notice's (164.406(c) refers to 164.404(c)): what happened with the breach
 * and discovery dates, the kinds of PHI, steps people should take, what the
 * entity is doing, and how to ask questions.
 */

/** § 164.404(c)(1): elements (A) to (E) of a breach notice. */
export const NOTICE_CONTENT_CITATION = '45 CFR 164.404(c)';

export interface MediaNoticeInput {
  facts: IncidentFacts;
  /** A HIPAA media obligation from `computeObligations` (`HIPAA/media/US-TX`). */
  obligation: Obligation;
  organisation: Organisation;
  narrative?: IncidentNarrative;
}

/** § 164.404(c)(1)(E): at least one of these must be given. */
export interface ContactProcedures {
  tollFreePhone?: string;
  email?: string;
  website?: string;
  postalAddress?: PostalAddress;
}

export interface MediaNoticeDraft {
  status: DraftStatus;
  kind: 'hipaa-media-notice';
  obligationId: string;
  citation: string;
  contentCitation: typeof NOTICE_CONTENT_CITATION;
  due: string;
  jurisdiction: string;
  jurisdictionName: string;
  organisationName: string;
  residentsAffected: number;
  dates: IncidentDates;
  /** (A) What happened, in the organisation's words. */
  whatHappened?: string;
  /** (B) The types of unsecured PHI involved. */
  dataElements: DataElement[];
  /** (C) Steps individuals should take. */
  stepsForIndividuals: readonly string[];
  /** (D) What the entity is doing to investigate, mitigate harm and protect against further breaches. */
  measuresTaken: readonly string[];
  /** (E) Contact procedures. */
  contact: ContactProcedures;
  timeZone: string;
  openItems: string[];
}

type NoticeFields = Omit<MediaNoticeDraft, 'openItems'>;

function mediaJurisdiction(obligation: Obligation): string {
  if (obligation.recipient !== 'media' || !isUsJurisdiction(obligation.jurisdiction)) {
    throw new DraftInputError('media notice', `obligation ${obligation.id} is not a HIPAA media notice`);
  }

  return obligation.jurisdiction;
}

function contactProcedures(organisation: Organisation): ContactProcedures {
  const email = organisation.contact?.email;

  return {
    ...(organisation.tollFreePhone === undefined ? {} : { tollFreePhone: organisation.tollFreePhone }),
    ...(email === undefined ? {} : { email }),
    ...(organisation.website === undefined ? {} : { website: organisation.website }),
    ...(organisation.address === undefined ? {} : { postalAddress: organisation.address }),
  };
}

function noticeOpenItems(notice: NoticeFields): string[] {
  const items = [
    `Outlets: choose the prominent media outlets serving ${notice.jurisdictionName} (${notice.citation}); a press release to them is the usual form.`,
  ];
  if (notice.whatHappened === undefined)
    items.push('What happened: not given (a brief description in plain language).');
  if (notice.dates.breachEnded === undefined) {
    items.push('Date of the breach: the facts give no end; say whether it is ongoing or its end unknown.');
  }
  if (notice.stepsForIndividuals.length === 0) items.push('What you can do: no steps for individuals given.');
  if (notice.measuresTaken.length === 0) {
    items.push('What we are doing: not given (investigating, mitigating harm, protecting against further breaches).');
  }
  if (Object.keys(notice.contact).length === 0) {
    items.push(
      `For more information: ${NOTICE_CONTENT_CITATION}(1)(E) requires a toll-free number, an email address, a website or a postal address; the organisation file gives none.`,
    );
  }
  items.push(`Plain language (${NOTICE_CONTENT_CITATION}(2)): read it as a member of the public would.`);

  return items;
}

/** Throws `DraftInputError` when the obligation is not a HIPAA media notice. */
export function mediaNoticeDraft(input: MediaNoticeInput): MediaNoticeDraft {
  const { facts, obligation, narrative } = input;
  const jurisdiction = mediaJurisdiction(obligation);

  const notice: NoticeFields = {
    status: DRAFT_STATUS,
    kind: 'hipaa-media-notice',
    obligationId: obligation.id,
    citation: obligation.citation,
    contentCitation: NOTICE_CONTENT_CITATION,
    due: deadlineText(obligation),
    jurisdiction,
    jurisdictionName: jurisdictionName(jurisdiction, facts),
    organisationName: input.organisation.name,
    residentsAffected: affectedIn(facts, jurisdiction),
    dates: incidentDates(facts),
    ...(narrative === undefined ? {} : { whatHappened: narrative.whatHappened }),
    dataElements: inVocabularyOrder(facts.dataElements),
    stepsForIndividuals: narrative?.stepsForIndividuals ?? [],
    measuresTaken: narrative?.measuresTaken ?? [],
    contact: contactProcedures(input.organisation),
    timeZone: facts.timeZone,
  };

  return { ...notice, openItems: noticeOpenItems(notice) };
}
