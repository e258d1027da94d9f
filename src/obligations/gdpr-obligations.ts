import { addHours } from './civil-time';
import { internalTarget, plural, type IncidentContext } from './context';
import type { Exemption, Obligation, ObligationsResult } from './obligation';
import { gdprCountries, gdprRule } from './rules/gdpr';

/**
 * GDPR Arts. 33 and 34 for people in the EU and EEA. The platform is a US
 * controller with no EU establishment, so each member state's authority is
 * notified (no one-stop shop). A business associate is a processor: it tells
 * its controller without undue delay (Art. 33(2)), and the controller notifies.
 */

function gdprObligation(
  draft: Pick<Obligation, 'id' | 'recipient' | 'recipientName' | 'jurisdiction' | 'citation' | 'summary' | 'deadline'>,
  reasons: string[],
  context: IncidentContext,
): Obligation {
  return {
    ...draft,
    regime: 'GDPR',
    reasons,
    timeZone: context.facts.timeZone,
    ...gdprRule.provenance,
    uncertainty: gdprRule.awarenessNote,
  };
}

function exemption(id: string, jurisdiction: string, citation: string, reason: string): Exemption {
  return { id, regime: 'GDPR', jurisdiction, citation, reason };
}

function supervisoryAuthority(country: string, count: number, context: IncidentContext): Obligation | Exemption {
  const id = `GDPR/${country}/supervisory-authority`;
  const citation = gdprRule.supervisoryAuthority.citation;
  if (context.options.gdprRisk === 'unlikely') {
    return exemption(
      id,
      country,
      citation,
      'the risk assessment found the breach unlikely to result in a risk (Art. 33(1)); document it under Art. 33(5)',
    );
  }

  const hours = gdprRule.supervisoryAuthority.hours;
  const reasons = [
    `${plural(count, 'data subject')} in ${country}`,
    `due ${hours} hours after awareness (${context.facts.determinedAt})`,
  ];
  if (context.securedByEncryption) {
    reasons.push(
      'the data was encrypted with an uncompromised key: an assessment finding no risk (gdprRisk unlikely) would remove this notice',
    );
  }
  return gdprObligation(
    {
      id,
      recipient: 'supervisory-authority',
      recipientName: `Supervisory authority of ${country}`,
      jurisdiction: country,
      citation,
      summary: 'Art. 33(3) notification; may be given in phases, and a late one must say why.',
      deadline: { kind: 'instant', dueAt: addHours(context.facts.determinedAt, hours) },
    },
    reasons,
    context,
  );
}

function dataSubjects(country: string, count: number, context: IncidentContext): Obligation | Exemption {
  const id = `GDPR/${country}/data-subjects`;
  const citation = gdprRule.dataSubjects.citation;
  if (context.options.gdprRisk !== 'high') {
    return exemption(id, country, citation, 'the risk assessment did not find a likely high risk (Art. 34(1))');
  }
  if (context.securedByEncryption) {
    return exemption(id, country, citation, 'the data was encrypted and the key not compromised (Art. 34(3)(a))');
  }

  return gdprObligation(
    {
      id,
      recipient: 'individuals',
      recipientName: `Data subjects in ${country}`,
      jurisdiction: country,
      citation,
      summary:
        'Plain-language communication with the Art. 33(3)(b)-(d) content, or a public communication if individual contact is disproportionate.',
      deadline: internalTarget(context.determinationDate, context),
    },
    [`${plural(count, 'data subject')} in ${country}`, 'the risk assessment found a likely high risk'],
    context,
  );
}

function processorNotice(context: IncidentContext, countries: string[]): Obligation {
  return gdprObligation(
    {
      id: 'GDPR/controller',
      recipient: 'covered-entity',
      recipientName: 'The controller (the covered entity)',
      jurisdiction: 'EU',
      citation: 'GDPR Art. 33(2)',
      summary: 'A processor tells its controller of the breach without undue delay.',
      deadline: internalTarget(context.determinationDate, context),
    },
    [`data subjects in ${countries.join(', ')}`, 'the entity is a business associate (processor)'],
    context,
  );
}

/** A processor owes the controller, not the authority or the data subjects: the controller notifies them. */
function processorExemptions(country: string): Exemption[] {
  const reason = 'the entity is a processor: it notifies its controller (Art. 33(2)), which notifies';
  return [
    exemption(
      `GDPR/${country}/supervisory-authority`,
      country,
      gdprRule.supervisoryAuthority.citation,
      `${reason} the authority`,
    ),
    exemption(`GDPR/${country}/data-subjects`, country, gdprRule.dataSubjects.citation, `${reason} the data subjects`),
  ];
}

export function gdprObligations(context: IncidentContext): ObligationsResult {
  const inScope = context.facts.affected.filter((entry) => gdprCountries.includes(entry.jurisdiction));
  if (inScope.length === 0) return { obligations: [], exemptions: [] };
  if (context.facts.entityRole === 'business-associate') {
    return {
      obligations: [
        processorNotice(
          context,
          inScope.map((entry) => entry.jurisdiction),
        ),
      ],
      exemptions: inScope.flatMap(({ jurisdiction }) => processorExemptions(jurisdiction)),
    };
  }

  const result: ObligationsResult = { obligations: [], exemptions: [] };
  for (const { jurisdiction, count } of inScope) {
    for (const item of [
      supervisoryAuthority(jurisdiction, count, context),
      dataSubjects(jurisdiction, count, context),
    ]) {
      if ('deadline' in item) result.obligations.push(item);
      else result.exemptions.push(item);
    }
  }

  return result;
}
