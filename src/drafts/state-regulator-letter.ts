import {
  isUsJurisdiction,
  type DataElement,
  type IncidentFacts,
  type Obligation,
  type UsJurisdiction,
} from '../obligations';
import { inVocabularyOrder } from './data-element-labels';
import { deadlineText } from './deadline-text';
import { DRAFT_STATUS, DraftInputError, type DraftStatus } from './draft-marking';
import { affectedIn, incidentDates, totalAffected, type IncidentDates } from './incident-dates';
import type { IncidentNarrative, Organisation } from './organisation';
import { senderOpenItems } from './organisation-lines';
import { jurisdictionName } from './state-name';

/**
 * A letter to a state regulator (an attorney general, or the named agency),
 * one per regulator obligation the engine produces. It carries what most
 * statutes ask a regulator to hear: how many of the state's residents, the
 * dates, the kinds of data and what the entity is doing. What one statute
 * adds (a form, a copy of the resident notice, monetary impact) is in the
 * rules data only as a sentence, so the letter quotes that sentence as an
 * open item rather than guess at the statute's list.
 */

export interface StateRegulatorLetterInput {
  facts: IncidentFacts;
  /** A state regulator obligation from `computeObligations`: recipient attorney-general or regulator. */
  obligation: Obligation;
  organisation: Organisation;
  narrative?: IncidentNarrative;
}

export interface StateRegulatorLetterDraft {
  status: DraftStatus;
  kind: 'state-regulator-letter';
  obligationId: string;
  citation: string;
  due: string;
  /** How the rules data describe this notice (content or channel), for legal to check against the statute. */
  ruleSummary: string;
  jurisdiction: UsJurisdiction;
  stateName: string;
  /** E.g. `Attorney General`, `Division of State Police`. */
  recipientName: string;
  organisation: Organisation;
  residentsAffected: number;
  totalAffected: number;
  dates: IncidentDates;
  dataElements: DataElement[];
  description?: string;
  stepsTaken: readonly string[];
  /** The zone the civil dates were read in. */
  timeZone: string;
  openItems: string[];
}

type LetterFields = Omit<StateRegulatorLetterDraft, 'openItems'>;

function regulatorJurisdiction(obligation: Obligation): UsJurisdiction {
  const isRegulator = obligation.recipient === 'attorney-general' || obligation.recipient === 'regulator';
  if (!isRegulator || !isUsJurisdiction(obligation.regime)) {
    throw new DraftInputError(
      'state regulator letter',
      `obligation ${obligation.id} is not a notice to a state regulator (recipient ${obligation.recipient})`,
    );
  }

  return obligation.regime;
}

function letterOpenItems(letter: LetterFields, obligation: Obligation): string[] {
  const items = [
    `Where and how to send: the rules data hold no address or portal for the ${letter.stateName} ${letter.recipientName}.`,
    `Content under ${letter.citation}: check the letter against the statute; the rules data describe this notice as "${letter.ruleSummary}"`,
  ];
  if (obligation.uncertainty !== undefined) items.push(`Uncertain rule: ${obligation.uncertainty}`);
  if (letter.dates.breachEnded === undefined) {
    items.push('Breach end date: the facts give none; say whether the breach is ongoing or its end unknown.');
  }
  if (letter.description === undefined) items.push('Description of the breach: not given (what happened and how).');
  if (letter.stepsTaken.length === 0) items.push('Steps taken: not given (investigation, mitigation, prevention).');
  items.push(
    `Notice to ${letter.stateName} residents: the date it was or will be sent and how; attach a copy if the regulator asks for one.`,
  );
  items.push(...senderOpenItems(letter.organisation));
  items.push('Signature: the name and title of the person signing, and the date.');

  return items;
}

/** Throws `DraftInputError` when the obligation is not a notice to a state regulator. */
export function stateRegulatorLetterDraft(input: StateRegulatorLetterInput): StateRegulatorLetterDraft {
  const { facts, obligation, narrative } = input;
  const jurisdiction = regulatorJurisdiction(obligation);

  const letter: LetterFields = {
    status: DRAFT_STATUS,
    kind: 'state-regulator-letter',
    obligationId: obligation.id,
    citation: obligation.citation,
    due: deadlineText(obligation),
    ruleSummary: obligation.summary,
    jurisdiction,
    stateName: jurisdictionName(jurisdiction, facts),
    recipientName: obligation.recipientName,
    organisation: input.organisation,
    residentsAffected: affectedIn(facts, jurisdiction),
    totalAffected: totalAffected(facts),
    dates: incidentDates(facts),
    dataElements: inVocabularyOrder(facts.dataElements),
    ...(narrative === undefined ? {} : { description: narrative.whatHappened }),
    stepsTaken: narrative?.measuresTaken ?? [],
    timeZone: facts.timeZone,
  };

  return { ...letter, openItems: letterOpenItems(letter, obligation) };
}
