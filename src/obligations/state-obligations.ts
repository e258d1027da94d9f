import { plural, type IncidentContext } from './context';
import { isUsJurisdiction, type DataElement, type UsJurisdiction } from './facts';
import { delayDeadline } from './law-enforcement-delay';
import type { Exemption, Obligation, ObligationsResult } from './obligation';
import { stateRuleFor } from './rules/states';
import type { RegulatorRule, StateRule } from './rules/types';
import { stateDeadline, type StateDeadline } from './state-deadlines';

/**
 * The state and territory statutes, for each jurisdiction with affected
 * residents. Every state but a few lets a risk-of-harm finding excuse notice;
 * the engine assumes the assessment found harm possible, since it runs only
 * once a breach is judged reportable.
 *
 * A business associate is the statutes' "maintainer" of data it does not own:
 * its state duty is to tell the owner, which its HIPAA notice to the covered
 * entity does; the owner then notifies residents and regulators.
 */

interface Applicable {
  rule: StateRule;
  count: number;
  reasons: string[];
  uncertainty?: string;
}

function exposedElements(rule: StateRule, elements: readonly DataElement[]): string[] {
  const exposed = new Set(elements);
  const withName = exposed.has('name') ? rule.personalInformation.withName.filter((e) => exposed.has(e)) : [];
  const alone = rule.personalInformation.alone.filter((e) => exposed.has(e));

  return [...withName.map((element) => `name + ${element}`), ...alone];
}

function exemption(rule: StateRule, id: string, reason: string): Exemption {
  return { id, regime: rule.jurisdiction, jurisdiction: rule.jurisdiction, citation: rule.citation, reason };
}

function applicability(
  jurisdiction: UsJurisdiction,
  count: number,
  context: IncidentContext,
): Applicable | Exemption | undefined {
  const rule = stateRuleFor(jurisdiction, context.discoveryDate);
  if (!rule) return undefined;

  if (context.facts.entityRole === 'business-associate') {
    return exemption(
      rule,
      jurisdiction,
      'a business associate tells the covered entity that owns the data, which notifies',
    );
  }
  if (rule.hipaa.effect === 'exempt')
    return exemption(rule, jurisdiction, `HIPAA entities are exempt: ${rule.hipaa.note}`);
  if (rule.encryptionSafeHarbor && context.securedByEncryption) {
    return exemption(rule, jurisdiction, 'the data was encrypted and the key was not compromised');
  }
  const exposed = exposedElements(rule, context.facts.dataElements);
  if (exposed.length === 0) {
    return exemption(
      rule,
      jurisdiction,
      `the exposed data elements are not personal information under ${rule.citation}`,
    );
  }

  const early = context.discoveryDate < rule.effectiveFrom;
  const uncertainty = [
    rule.uncertainty,
    early
      ? `Discovered before this version took effect (${rule.effectiveFrom}); the earlier law is not encoded.`
      : undefined,
  ].filter((text) => text !== undefined);
  return {
    rule,
    count,
    reasons: [`${plural(count, 'resident')} of ${jurisdiction} affected`, `exposed: ${exposed.join(', ')}`],
    ...(uncertainty.length > 0 ? { uncertainty: uncertainty.join(' ') } : {}),
  };
}

function stateObligation(
  state: Applicable,
  draft: Pick<Obligation, 'id' | 'recipient' | 'recipientName' | 'summary'>,
  timing: StateDeadline,
  reasons: string[],
  context: IncidentContext,
): Obligation {
  const { rule } = state;

  return {
    ...draft,
    regime: rule.jurisdiction,
    jurisdiction: rule.jurisdiction,
    citation: rule.citation,
    reasons: [...state.reasons, ...reasons, timing.basis],
    deadline: timing.deadline,
    timeZone: context.facts.timeZone,
    sources: rule.sources,
    lastReviewed: rule.lastReviewed,
    confidence: rule.confidence,
    ...(state.uncertainty === undefined ? {} : { uncertainty: state.uncertainty }),
    ...(timing.businessDayCalendar === undefined ? {} : { businessDayCalendar: timing.businessDayCalendar }),
  };
}

/** The notice to residents, moved by a law-enforcement delay like HIPAA's. */
function individualsNotice(state: Applicable, context: IncidentContext): Obligation {
  const { rule } = state;
  const timing = stateDeadline(rule.individuals.deadline, rule, true, context);
  const delayed = delayDeadline(timing.deadline, context.lawEnforcement);
  const obligation = stateObligation(
    state,
    {
      id: `${rule.jurisdiction}/individuals`,
      recipient: 'individuals',
      recipientName: `Affected ${rule.name} residents`,
      summary: `Notice to residents under ${rule.name} law.`,
    },
    { ...timing, deadline: delayed.deadline },
    delayed.reason === undefined ? [] : [delayed.reason],
    context,
  );

  return delayed.lawEnforcementDelay ? { ...obligation, lawEnforcementDelay: delayed.lawEnforcementDelay } : obligation;
}

function regulatorNotice(
  state: Applicable,
  regulator: RegulatorRule,
  ownIndividuals: boolean,
  context: IncidentContext,
): Obligation | Exemption {
  const { rule, count } = state;
  const id = `${rule.jurisdiction}/${regulator.key}`;
  // Every entity here notifies under HIPAA, so a HIPAA-specific version of the rule replaces the general one.
  const applied = regulator.forHipaaEntities ?? regulator;
  if (count < applied.atLeast) {
    return exemption(
      rule,
      id,
      `${plural(count, 'resident')} affected; notice to ${regulator.name} starts at ${applied.atLeast}`,
    );
  }

  const note = regulator.forHipaaEntities?.note ?? regulator.note;
  return stateObligation(
    state,
    {
      id,
      recipient: regulator.recipient,
      recipientName: regulator.name,
      summary: note ?? `Notice to the ${regulator.name}.`,
    },
    stateDeadline(applied.deadline, rule, ownIndividuals, context),
    applied.atLeast > 1 ? [`threshold: ${applied.atLeast} or more residents`] : [],
    context,
  );
}

function craNotice(
  state: Applicable,
  ownIndividuals: boolean,
  context: IncidentContext,
): Obligation | Exemption | undefined {
  const { rule, count } = state;
  const cra = rule.consumerReportingAgencies;
  if (!cra) return undefined;

  const id = `${rule.jurisdiction}/consumer-reporting-agencies`;
  if (count < cra.atLeast)
    return exemption(rule, id, `${plural(count, 'resident')} affected; CRA notice starts at ${cra.atLeast}`);
  return stateObligation(
    state,
    {
      id,
      recipient: 'consumer-reporting-agencies',
      recipientName: 'Nationwide consumer reporting agencies',
      summary: cra.note ?? 'Timing, distribution and content of the notices sent to residents.',
    },
    stateDeadline(cra.deadline, rule, ownIndividuals, context),
    [`threshold: ${cra.atLeast} or more residents`],
    context,
  );
}

function forState(state: Applicable, context: IncidentContext): ObligationsResult {
  const result: ObligationsResult = { obligations: [], exemptions: [] };
  const add = (item: Obligation | Exemption | undefined): void => {
    if (item === undefined) return;
    if ('deadline' in item) result.obligations.push(item);
    else result.exemptions.push(item);
  };

  const ownIndividuals = state.rule.hipaa.effect !== 'individuals-exempt';
  if (ownIndividuals) add(individualsNotice(state, context));
  else
    add(
      exemption(
        state.rule,
        `${state.rule.jurisdiction}/individuals`,
        `the HIPAA notice satisfies it: ${state.rule.hipaa.note}`,
      ),
    );
  for (const regulator of state.rule.regulators) add(regulatorNotice(state, regulator, ownIndividuals, context));
  add(craNotice(state, ownIndividuals, context));

  return result;
}

export function stateObligations(context: IncidentContext): ObligationsResult {
  const result: ObligationsResult = { obligations: [], exemptions: [] };
  for (const { jurisdiction, count } of context.facts.affected) {
    if (!isUsJurisdiction(jurisdiction)) continue;
    const state = applicability(jurisdiction, count, context);
    if (state === undefined) {
      result.exemptions.push({
        id: jurisdiction,
        regime: jurisdiction,
        jurisdiction,
        citation: '—',
        reason: 'no breach-notification rule is encoded for this jurisdiction',
      });
    } else if ('rule' in state) {
      const own = forState(state, context);
      result.obligations.push(...own.obligations);
      result.exemptions.push(...own.exemptions);
    } else {
      result.exemptions.push(state);
    }
  }

  return result;
}
