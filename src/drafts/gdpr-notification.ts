import { GdprRisk, type DataElement, type IncidentFacts, type Obligation } from '../obligations';
import { inVocabularyOrder } from './data-element-labels';
import { instantText } from './deadline-text';
import { DRAFT_STATUS, DraftInputError } from './draft-marking';
import type { DraftNarrative, DraftOrganisation } from './draft-input-files';
import { gdprOpenItems } from './gdpr-notification-open-items';
import type { GdprBreachNotificationDraft, GdprNotificationFields } from './gdpr-notification-draft';
import { affectedIn, incidentDates, totalAffected } from './incident-dates';

/**
 * The GDPR Art. 33 notification to one member state's supervisory authority,
 * with the Art. 33(3) minimum content: (a) the nature of the breach with the
 * categories and approximate numbers of data subjects and records, (b) the
 * DPO or another contact point, (c) the likely consequences and (d) the
 * measures taken or proposed. A notification made after the 72 hours must
 * give the reasons for the delay (Art. 33(1)), so the draft knows when it was
 * prepared and says so when it is late.
 */

/**
 * Art. 9(1) names data concerning health, genetic data and biometric data
 * (for uniquely identifying a person) among the special categories; health
 * data weighs toward a higher risk (`../shared/reference/law/gdpr.md` § 1).
 */
export const SPECIAL_CATEGORY_ELEMENTS: readonly DataElement[] = ['medical', 'genetic', 'biometric'];

export interface GdprNotificationInput {
  facts: IncidentFacts;
  /** A GDPR supervisory-authority obligation from `computeObligations`, due at an instant. */
  obligation: Obligation;
  organisation: DraftOrganisation;
  narrative?: DraftNarrative;
  /** The risk assessment the obligations were computed with; an `unlikely` breach owes no notification. */
  gdprRisk: GdprRisk;
  /** When the draft is prepared (ISO 8601 with offset): after the due instant, reasons for the delay are needed. */
  preparedAt: string;
}

const countryNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

function checkedInput(input: GdprNotificationInput): { dueAt: string; risk: Exclude<GdprRisk, 'unlikely'> } {
  const { obligation, gdprRisk } = input;
  const { deadline } = obligation;
  if (obligation.regime !== 'GDPR' || obligation.recipient !== 'supervisory-authority' || deadline.kind !== 'instant') {
    throw new DraftInputError('GDPR Art. 33 notification', `obligation ${obligation.id} is not an Art. 33 notice`);
  }
  if (gdprRisk === GdprRisk.unlikely) {
    throw new DraftInputError(
      'GDPR Art. 33 notification',
      'the risk assessment found the breach unlikely to result in a risk: no notification is owed (Art. 33(1))',
    );
  }

  return { dueAt: deadline.dueAt, risk: gdprRisk };
}

function contactPoint(organisation: DraftOrganisation): GdprBreachNotificationDraft['contactPoint'] {
  if (organisation.dataProtectionOfficer !== undefined) {
    return { role: 'data-protection-officer', contact: organisation.dataProtectionOfficer };
  }

  return {
    role: 'other-contact-point',
    ...(organisation.contact === undefined ? {} : { contact: organisation.contact }),
  };
}

function natureOf(input: GdprNotificationInput): GdprNotificationFields['nature'] {
  const { facts, narrative, obligation } = input;
  const dataCategories = inVocabularyOrder(facts.dataElements);
  const records = narrative?.gdpr?.approximateRecords;

  return {
    ...(narrative === undefined ? {} : { description: narrative.whatHappened }),
    dates: incidentDates(facts),
    dataSubjectCategories: narrative?.gdpr?.dataSubjectCategories ?? [],
    dataSubjectsInCountry: affectedIn(facts, obligation.jurisdiction),
    dataSubjectsInTotal: totalAffected(facts),
    dataCategories,
    specialCategories: dataCategories.filter((element) => SPECIAL_CATEGORY_ELEMENTS.includes(element)),
    ...(records === undefined ? {} : { approximateRecords: records }),
  };
}

/** Throws `DraftInputError` for an obligation that is not an Art. 33 notice, or an `unlikely` risk. */
export function gdprNotificationDraft(input: GdprNotificationInput): GdprBreachNotificationDraft {
  const { dueAt, risk } = checkedInput(input);
  const { facts, obligation, organisation, narrative } = input;
  const consequences = narrative?.gdpr?.likelyConsequences;

  const draft: GdprNotificationFields = {
    status: DRAFT_STATUS,
    kind: 'gdpr-art33-notification',
    obligationId: obligation.id,
    citation: obligation.citation,
    country: obligation.jurisdiction,
    countryName: countryNames.of(obligation.jurisdiction) ?? obligation.jurisdiction,
    awareAt: facts.determinedAt,
    dueAt,
    preparedAt: input.preparedAt,
    late: Date.parse(input.preparedAt) > Date.parse(dueAt),
    controller: {
      name: organisation.name,
      ...(organisation.address === undefined ? {} : { address: organisation.address }),
    },
    nature: natureOf(input),
    contactPoint: contactPoint(organisation),
    riskAssessment: risk,
    ...(consequences === undefined ? {} : { likelyConsequences: consequences }),
    measures: narrative?.measuresTaken ?? [],
    timeZone: facts.timeZone,
  };

  return { ...draft, openItems: gdprOpenItems(draft, instantText(dueAt, facts.timeZone), obligation.uncertainty) };
}
