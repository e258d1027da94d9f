import type { DraftNarrative, DraftOrganisation } from '../../src/drafts/draft-input-files';
import {
  computeObligations,
  parseIncidentFacts,
  type IncidentFacts,
  type IncidentFactsInput,
  type Obligation,
  type ObligationOptionsInput,
} from '../../src/obligations';

/**
 * A Dallas clinic whose mail server was read by an intruder: 600 Texans, so
 * a Texas AG letter and a Texas media notice are owed. Tests override what
 * they vary; nothing here names a patient, because the facts cannot.
 */

export const texasFacts: IncidentFactsInput = {
  discoveredAt: '2026-03-02T09:30:00-06:00',
  determinedAt: '2026-03-06T16:00:00-06:00',
  timeZone: 'America/Chicago',
  entityRole: 'covered-entity',
  breach: { startedAt: '2026-02-20T08:00:00-06:00', endedAt: '2026-02-27T17:00:00-06:00' },
  affected: [{ jurisdiction: 'US-TX', count: 600 }],
  dataElements: ['medical', 'name', 'dob'],
  encryption: { encrypted: false, keyCompromised: false },
};

export const organisation: DraftOrganisation = {
  name: 'Trinity Health Clinic',
  address: { lines: ['4100 Elm Street', 'Suite 7'], city: 'Dallas', region: 'TX', postalCode: '75226' },
  contact: {
    name: 'Privacy Office',
    title: 'Privacy Officer',
    email: 'privacy@trinity.example',
    phone: '214-555-0142',
  },
  website: 'https://trinity.example/notice',
  tollFreePhone: '1-888-555-0123',
};

export const narrative: DraftNarrative = {
  whatHappened: 'An intruder signed in to a staff mailbox with a stolen password and could read messages in it.',
  measuresTaken: ['Reset the password and ended every open session', 'Required multi-factor sign-in for all staff'],
  stepsForIndividuals: ['Review the statements you receive from your health insurer'],
};

export function parsedFacts(overrides: Partial<IncidentFactsInput> = {}): IncidentFacts {
  return parseIncidentFacts({ ...texasFacts, ...overrides });
}

export function obligationsFor(facts: IncidentFacts, options?: ObligationOptionsInput): Obligation[] {
  return computeObligations(facts, options).obligations;
}

export function obligationOf(facts: IncidentFacts, id: string, options?: ObligationOptionsInput): Obligation {
  const obligations = obligationsFor(facts, options);
  const found = obligations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no obligation ${id}; have ${obligations.map((o) => o.id).join(', ')}`);

  return found;
}

/**
 * The numbers, email addresses and web addresses in `text` that occur in
 * none of `sources`: a draft that invents a count, a date or a contact shows
 * up here. Numbers are compared as digit runs, so 600 and "2026-03-02" match
 * their inputs however they are formatted.
 */
export function valuesNotFrom(text: string, sources: readonly unknown[]): string[] {
  const source = sources.map((item) => (typeof item === 'string' ? item : JSON.stringify(item))).join('\n');
  const digits = new Set(source.match(/\d+/g) ?? []);
  const numbers = (text.match(/\d+/g) ?? []).filter((run) => !digits.has(run));
  const contacts = (text.match(/[\w.+-]+@[\w.-]+|https?:\/\/\S+/g) ?? []).filter((value) => !source.includes(value));

  return [...new Set([...numbers, ...contacts])];
}
