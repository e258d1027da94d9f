import { addCalendarDays, yearEnd } from './civil-time';
import { encryptionReason, plural, type IncidentContext } from './context';
import { isUsJurisdiction } from './facts';
import { applyLawEnforcementDelay } from './law-enforcement-delay';
import type { CivilDate, Exemption, Obligation, ObligationsResult } from './obligation';
import { hipaaRule } from './rules/hipaa';

/**
 * HIPAA's notices (45 CFR 164.404-410). A covered entity owes individuals,
 * HHS and, per state over 500, the media; a business associate owes only its
 * covered entity, which then owes the rest.
 */

type Draft = Pick<Obligation, 'id' | 'recipient' | 'recipientName' | 'jurisdiction' | 'citation' | 'summary'>;

/** A HIPAA notice due `originalDueDate`, moved by any law-enforcement delay (all of § 164.412's notices). */
function hipaaObligation(
  draft: Draft,
  originalDueDate: CivilDate,
  reasons: string[],
  context: IncidentContext,
): Obligation {
  const delayed = applyLawEnforcementDelay(originalDueDate, context.lawEnforcement);

  return {
    ...draft,
    regime: 'HIPAA',
    reasons: delayed.reason === undefined ? reasons : [...reasons, delayed.reason],
    deadline: { kind: 'civil-date', dueDate: delayed.dueDate },
    timeZone: context.facts.timeZone,
    ...hipaaRule.provenance,
    ...(delayed.lawEnforcementDelay ? { lawEnforcementDelay: delayed.lawEnforcementDelay } : {}),
  };
}

function baseReasons(context: IncidentContext): string[] {
  return [
    `unsecured PHI of ${plural(context.totalAffected, 'individual')}: ${encryptionReason(context)}`,
    `discovered ${context.discoveryDate} (${context.facts.timeZone})`,
  ];
}

function individualNotices(context: IncidentContext): Obligation[] {
  const due = addCalendarDays(context.discoveryDate, hipaaRule.individuals.days);
  const notices = [
    hipaaObligation(
      {
        id: 'HIPAA/individuals',
        recipient: 'individuals',
        recipientName: 'Affected individuals',
        jurisdiction: 'US',
        citation: hipaaRule.individuals.citation,
        summary: 'Written notice by first-class mail (or e-mail where agreed) without unreasonable delay.',
      },
      due,
      [...baseReasons(context), `due ${hipaaRule.individuals.days} calendar days after discovery`],
      context,
    ),
  ];

  const lacking = context.facts.insufficientContactCount;
  if (lacking > 0) {
    const { webOrMediaAtLeast, postingDays } = hipaaRule.substituteNotice;
    const summary =
      lacking < webOrMediaAtLeast
        ? 'Substitute notice by an alternative form of written notice, telephone or other means.'
        : `Substitute notice: a conspicuous ${postingDays}-day home-page posting or major print or broadcast media, and a toll-free number open at least ${postingDays} days.`;
    notices.push(
      hipaaObligation(
        {
          id: 'HIPAA/substitute-notice',
          recipient: 'individuals',
          recipientName: 'Individuals without usable contact details',
          jurisdiction: 'US',
          citation: hipaaRule.substituteNotice.citation,
          summary,
        },
        due,
        [`${plural(lacking, 'individual')} with insufficient or out-of-date contact information`],
        context,
      ),
    );
  }

  return notices;
}

function mediaNotices(context: IncidentContext): { obligations: Obligation[]; exemptions: Exemption[] } {
  const due = addCalendarDays(context.discoveryDate, hipaaRule.media.days);
  const obligations: Obligation[] = [];
  const exemptions: Exemption[] = [];
  for (const { jurisdiction, count } of context.facts.affected) {
    if (!isUsJurisdiction(jurisdiction)) continue;
    const id = `HIPAA/media/${jurisdiction}`;
    if (count <= hipaaRule.media.moreThan) {
      exemptions.push({
        id,
        regime: 'HIPAA',
        jurisdiction,
        citation: hipaaRule.media.citation,
        reason: `${plural(count, 'resident')} of ${jurisdiction}: media notice needs more than ${hipaaRule.media.moreThan}`,
      });
      continue;
    }
    obligations.push(
      hipaaObligation(
        {
          id,
          recipient: 'media',
          recipientName: `Prominent media outlets serving ${jurisdiction}`,
          jurisdiction,
          citation: hipaaRule.media.citation,
          summary:
            'A press release or notice to prominent media outlets serving the state, with the individual-notice content.',
        },
        due,
        [`${plural(count, 'resident')} of ${jurisdiction} affected, more than ${hipaaRule.media.moreThan}`],
        context,
      ),
    );
  }

  return { obligations, exemptions };
}

function hhsNotice(context: IncidentContext): Obligation {
  const total = context.totalAffected;
  if (total >= hipaaRule.hhs.atLeast) {
    return hipaaObligation(
      {
        id: 'HIPAA/hhs',
        recipient: 'hhs',
        recipientName: 'Secretary of HHS (OCR breach portal)',
        jurisdiction: 'US',
        citation: hipaaRule.hhs.citation,
        summary: 'A breach report on the OCR portal, contemporaneously with the notice to individuals.',
      },
      addCalendarDays(context.discoveryDate, hipaaRule.hhs.days),
      [`${plural(total, 'individual')} in total, ${hipaaRule.hhs.atLeast} or more`],
      context,
    );
  }

  // Day 60 after 31 December is 1 March, or 29 February when the next year is a leap year.
  const year = context.discoveryDate.slice(0, 4);
  return hipaaObligation(
    {
      id: 'HIPAA/hhs-annual-log',
      recipient: 'hhs',
      recipientName: 'Secretary of HHS (OCR breach portal)',
      jurisdiction: 'US',
      citation: hipaaRule.hhsAnnualLog.citation,
      summary: `This breach's own report on the OCR portal, with the other breaches under ${hipaaRule.hhs.atLeast} discovered in ${year}.`,
    },
    addCalendarDays(yearEnd(context.discoveryDate), hipaaRule.hhsAnnualLog.daysAfterYearEnd),
    [`${plural(total, 'individual')} in total, fewer than ${hipaaRule.hhs.atLeast}; discovered in ${year}`],
    context,
  );
}

function coveredEntityNotice(context: IncidentContext): Obligation {
  const agreed = context.options.businessAssociateAgreementDays;
  const days = agreed !== undefined && agreed < hipaaRule.coveredEntity.days ? agreed : hipaaRule.coveredEntity.days;
  const limit =
    days === hipaaRule.coveredEntity.days
      ? `due ${days} calendar days after discovery`
      : `due ${days} calendar days after discovery under the business associate agreement (HIPAA allows ${hipaaRule.coveredEntity.days})`;

  return hipaaObligation(
    {
      id: 'HIPAA/covered-entity',
      recipient: 'covered-entity',
      recipientName: 'The covered entity',
      jurisdiction: 'US',
      citation: hipaaRule.coveredEntity.citation,
      summary:
        'Notice identifying each affected individual and the facts the covered entity needs for its own notices.',
    },
    addCalendarDays(context.discoveryDate, days),
    [...baseReasons(context), 'the entity is a business associate', limit],
    context,
  );
}

export function hipaaObligations(context: IncidentContext): ObligationsResult {
  if (context.securedByEncryption) {
    const reason = 'encrypted PHI whose key was not compromised is secured PHI: no HIPAA breach notification is owed';
    return {
      obligations: [],
      exemptions: [
        { id: 'HIPAA', regime: 'HIPAA', jurisdiction: 'US', citation: hipaaRule.safeHarbor.citation, reason },
      ],
    };
  }

  if (context.facts.entityRole === 'business-associate') {
    const reason =
      'a business associate notifies the covered entity, which owes the notices to individuals, media and HHS';
    return {
      obligations: [coveredEntityNotice(context)],
      exemptions: [
        {
          id: 'HIPAA/individuals',
          regime: 'HIPAA',
          jurisdiction: 'US',
          citation: hipaaRule.coveredEntity.citation,
          reason,
        },
      ],
    };
  }

  const media = mediaNotices(context);
  return {
    obligations: [...individualNotices(context), ...media.obligations, hhsNotice(context)],
    exemptions: media.exemptions,
  };
}
