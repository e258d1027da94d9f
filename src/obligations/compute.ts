import { incidentContext, type IncidentContext } from './context';
import { parseObligationOptions } from './errors';
import { isUsJurisdiction, type IncidentFacts } from './facts';
import { gdprObligations } from './gdpr-obligations';
import { hipaaObligations } from './hipaa-obligations';
import type { ObligationsResult } from './obligation';
import type { ObligationOptionsInput } from './options';
import { resolveRelativeDeadlines } from './relative-deadlines';
import { gdprCountries } from './rules/gdpr';
import { stateObligations } from './state-obligations';

/**
 * Every notice the law requires for an incident, and every rule considered
 * that does not apply, with why. Pure: the same facts and options always
 * give the same answer, so workflows can call it and replay it.
 */

/** Countries outside the US and the EEA: named as not covered rather than silently passed over. */
function uncoveredCountries(context: IncidentContext): ObligationsResult {
  const outside = context.facts.affected.filter(
    ({ jurisdiction }) => !isUsJurisdiction(jurisdiction) && !gdprCountries.includes(jurisdiction),
  );

  return {
    obligations: [],
    exemptions: outside.map(({ jurisdiction }) => ({
      id: jurisdiction,
      regime: 'GDPR',
      jurisdiction,
      citation: '—',
      reason:
        'outside the US and the EEA: no breach-notification rule is encoded (UK GDPR and other national laws are not covered)',
    })),
  };
}

export function computeObligations(facts: IncidentFacts, options?: ObligationOptionsInput): ObligationsResult {
  const resolvedOptions = parseObligationOptions(options);
  const context = incidentContext(facts, resolvedOptions);

  const parts = [
    hipaaObligations(context),
    stateObligations(context),
    gdprObligations(context),
    uncoveredCountries(context),
  ];
  const obligations = parts.flatMap((part) => part.obligations);

  return {
    obligations: resolveRelativeDeadlines(obligations, resolvedOptions.met),
    exemptions: parts.flatMap((part) => part.exemptions),
  };
}
