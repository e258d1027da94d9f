import type { HhsIncidentProfileInput } from '../hhs/incident-profile';
import type { CoveredEntityType } from '../hhs/form-vocabulary';
import { civilDateOf, hipaaRule, isUsJurisdiction, type IncidentFacts, type UsJurisdiction } from '../obligations';
import { DRAFT_STATUS, DraftInputError } from './draft-marking';
import { checkHhsReportProfile } from './hhs-report-input';
import { hhsReportOpenItems } from './hhs-report-open-items';
import { BreachAffecting, FilerRole, HHS_REPORT_FORM_TITLE, type HhsBreachReportDraft } from './hhs-report-draft';
import type { Organisation } from './organisation';

/**
 * The HHS breach report (45 CFR 164.408) as a draft of the OCR portal form,
 * filled from the incident's facts and profile for legal to check, complete
 * and file by hand. What the facts cannot say (names, contacts, PHI types,
 * notice dates, the attestation) is left empty and listed in `openItems`.
 */

export interface HhsBreachReportInput {
  facts: IncidentFacts;
  profile: HhsIncidentProfileInput;
  /** The covered entity's name, address and contact, when known. */
  organisation?: Organisation;
  /** The form's "Brief Description of the Breach", in the entity's words. */
  description?: string;
}

function totalAffected(facts: IncidentFacts): number {
  return facts.affected.reduce((sum, { count }) => sum + count, 0);
}

/** § 164.406: media notice is owed for each state or jurisdiction with more than 500 residents affected. */
function mediaNoticeRequired(facts: IncidentFacts): boolean {
  return facts.affected.some(
    ({ jurisdiction, count }) => isUsJurisdiction(jurisdiction) && count > hipaaRule.media.moreThan,
  );
}

/** The form's discovery start and end bracket the finding out: from discovery to the investigation's determination. */
function breachDates(facts: IncidentFacts) {
  const civil = (instant: string) => civilDateOf(instant, facts.timeZone);
  const { startedAt, endedAt } = facts.breach;

  return {
    startDate: civil(startedAt),
    ...(endedAt === undefined ? {} : { endDate: civil(endedAt) }),
    discoveryStartDate: civil(facts.discoveredAt),
    discoveryEndDate: civil(facts.determinedAt),
  };
}

function coveredEntityOf(input: HhsBreachReportInput, type: CoveredEntityType, state: UsJurisdiction) {
  const { organisation } = input;

  return {
    type,
    state,
    ...(organisation?.name === undefined ? {} : { name: organisation.name }),
    ...(organisation?.address === undefined ? {} : { address: organisation.address }),
    ...(organisation?.contact === undefined ? {} : { contact: organisation.contact }),
  };
}

/**
 * Throws `HhsReportInputError`, naming each field, when the profile holds a
 * value outside the form's vocabularies, and `DraftInputError` when the PHI
 * was secured, since the form reports breaches of unsecured PHI only.
 */
export function hhsBreachReportDraft(input: HhsBreachReportInput): HhsBreachReportDraft {
  const profile = checkHhsReportProfile(input.profile, input.description);
  const { facts } = input;
  if (facts.encryption.encrypted && !facts.encryption.keyCompromised) {
    throw new DraftInputError(
      'HHS breach report',
      `the PHI was secured by encryption (${hipaaRule.safeHarbor.citation}): no report is owed`,
    );
  }

  const individualsAffected = totalAffected(facts);
  const large = individualsAffected >= hipaaRule.hhs.atLeast;

  const draft: Omit<HhsBreachReportDraft, 'openItems'> = {
    status: DRAFT_STATUS,
    form: HHS_REPORT_FORM_TITLE,
    citation: large ? hipaaRule.hhs.citation : hipaaRule.hhsAnnualLog.citation,
    reportType: 'initial',
    breachAffecting: large ? BreachAffecting.fiveHundredOrMore : BreachAffecting.fewerThanFiveHundred,
    filerRole:
      facts.entityRole === 'business-associate' ? FilerRole.businessAssociateForCoveredEntity : FilerRole.coveredEntity,
    coveredEntity: coveredEntityOf(input, profile.entityType, profile.state),
    businessAssociatePresent: profile.businessAssociatePresent,
    breach: {
      ...breachDates(facts),
      individualsAffected,
      types: profile.breachTypes,
      locations: profile.locations,
      ...(input.description === undefined ? {} : { description: input.description }),
      safeguards: profile.safeguards,
    },
    notice: {
      substituteNoticeRequired: facts.insufficientContactCount > 0,
      mediaNoticeRequired: mediaNoticeRequired(facts),
      actionsTaken: profile.actionsTaken,
    },
    timeZone: facts.timeZone,
  };

  return { ...draft, openItems: hhsReportOpenItems(draft) };
}
