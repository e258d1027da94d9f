import {
  computeObligations,
  parseIncidentFacts,
  type IncidentFactsInput,
  type Obligation,
  type ObligationOptionsInput,
  type ObligationsResult,
} from '../../src/obligations';

/** A covered entity in New York with an unencrypted breach of names and SSNs in Texas: tests override what they vary. */
export function facts(overrides: Partial<IncidentFactsInput> = {}): IncidentFactsInput {
  return {
    discoveredAt: '2026-03-02T10:00:00-05:00',
    timeZone: 'America/New_York',
    entityRole: 'covered-entity',
    breach: { startedAt: '2026-02-20T00:00:00Z', endedAt: '2026-02-28T00:00:00Z' },
    affected: [{ jurisdiction: 'US-TX', count: 100 }],
    dataElements: ['name', 'ssn', 'medical'],
    encryption: { encrypted: false, keyCompromised: false },
    ...overrides,
  };
}

export function compute(
  overrides: Partial<IncidentFactsInput> = {},
  options?: ObligationOptionsInput,
): ObligationsResult {
  return computeObligations(parseIncidentFacts(facts(overrides)), options);
}

export function ids(result: ObligationsResult): string[] {
  return result.obligations.map((obligation) => obligation.id).sort();
}

export function obligation(result: ObligationsResult, id: string): Obligation {
  const found = result.obligations.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no obligation ${id}; have ${ids(result).join(', ')}`);

  return found;
}

/** The civil due date of an obligation with a fixed date, failing the test for any other kind. */
export function dueDate(result: ObligationsResult, id: string): string {
  const deadline = obligation(result, id).deadline;
  if (deadline.kind !== 'civil-date') throw new Error(`${id} is ${deadline.kind}, not civil-date`);

  return deadline.dueDate;
}

export function exemptionReason(result: ObligationsResult, id: string): string {
  const found = result.exemptions.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no exemption ${id}`);

  return found.reason;
}
