import type { NoticeFacts } from '../notice-facts';
import type { Language } from '../vocabulary';
import { english } from './english';
import type { Phrasebook } from './phrasebook';
import { spanish } from './spanish';

/**
 * One individual notice as plain structure (45 CFR 164.404(c)(1) elements
 * A–E, each a section), before any format is chosen: email, letter and SMS
 * all render from this, so no channel can drop an element.
 */

export interface NoticeRecipient {
  /** The name the notice is addressed to: the individual, or next of kin for a deceased individual. */
  name: string;
  /** Set when writing to next of kin: the deceased individual's name. */
  onBehalfOf?: string;
}

export interface NoticeSection {
  heading: string;
  paragraphs: string[];
  bullets: string[];
}

export interface NoticeDocument {
  language: Language;
  subject: string;
  greeting: string;
  sections: NoticeSection[];
  closing: string;
}

const phrasebooks: Record<Language, Phrasebook> = { en: english, es: spanish };

export function phrasebookFor(language: Language): Phrasebook {
  return phrasebooks[language];
}

// Building an Intl.DateTimeFormat costs far more than using one; a fan-out formats two dates per notice.
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** An ISO date (YYYY-MM-DD) written out the way the language writes dates; UTC, so no zone shifts the day. */
export function formatDate(isoDate: string, language: Language): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(phrasebookFor(language).locale, { dateStyle: 'long', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

export function stepsToTake(facts: NoticeFacts, book: Phrasebook): string[] {
  const specific = facts.phiTypes.map((type) => book.stepsByPhiType[type]).filter((step) => step !== undefined);
  return [...book.generalSteps, ...new Set(specific)];
}

export function composeNotice(facts: NoticeFacts, recipient: NoticeRecipient, language: Language): NoticeDocument {
  const book = phrasebookFor(language);
  const breachDate = facts.breachDate === undefined ? undefined : formatDate(facts.breachDate, language);
  const section = (heading: string, paragraphs: string[], bullets: string[] = []) => ({ heading, paragraphs, bullets });

  return {
    language,
    subject: book.subject(facts.entityName),
    greeting: recipient.onBehalfOf
      ? book.nextOfKinGreeting(recipient.name, recipient.onBehalfOf)
      : book.greeting(recipient.name),
    sections: [
      section(book.headings.whatHappened, [
        facts.whatHappened[language],
        book.dates(breachDate, formatDate(facts.discoveryDate, language)),
      ]),
      section(
        book.headings.whatInformation,
        [book.informationInvolved],
        facts.phiTypes.map((type) => book.phiLabels[type]),
      ),
      section(book.headings.whatYouCanDo, [], stepsToTake(facts, book)),
      section(book.headings.whatWeAreDoing, [facts.entityActions[language]]),
      section(book.headings.forMoreInformation, book.contactLines(facts.contact)),
    ],
    closing: book.closing(facts.entityName),
  };
}
