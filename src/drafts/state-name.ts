import { civilDateOf, isUsJurisdiction, stateRuleFor, type IncidentFacts } from '../obligations';

/**
 * The name a notice uses for a US state or territory: the one its encoded
 * rule carries ("Texas"), or the ISO code for the few places without a rule.
 */
export function jurisdictionName(jurisdiction: string, facts: IncidentFacts): string {
  if (!isUsJurisdiction(jurisdiction)) return jurisdiction;

  return stateRuleFor(jurisdiction, civilDateOf(facts.discoveredAt, facts.timeZone))?.name ?? jurisdiction;
}
