import type { NoticeFacts } from '../notice-facts';
import type { Language } from '../vocabulary';
import { formatDate, phrasebookFor, stepsToTake } from './compose-notice';

/**
 * The SMS prompt. It is sent in addition to the written notice, never in
 * place of it, yet still carries every 164.404(c)(1) element in short form,
 * so a reader who sees only the text knows what happened and whom to call.
 * It runs to several segments; carriers join them.
 */
export function renderSms(facts: NoticeFacts, language: Language): string {
  const book = phrasebookFor(language);
  const labels = book.smsLabels;
  const breach = facts.breachDate === undefined ? '' : `${formatDate(facts.breachDate, language)}; `;
  const phi = facts.phiTypes.map((type) => book.phiLabels[type]).join(', ');

  return [
    book.smsLead(facts.entityName),
    `${labels.happened}: ${facts.whatHappened[language]} (${breach}${labels.found} ${formatDate(facts.discoveryDate, language)}).`,
    `${labels.info}: ${phi}.`,
    `${labels.steps}: ${stepsToTake(facts, book).join(' ')}`,
    `${labels.doing}: ${facts.entityActions[language]}`,
    `${labels.questions}: ${facts.contact.tollFreeNumber}, ${facts.contact.website}`,
  ].join('\n');
}
