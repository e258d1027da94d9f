import type { DataElement, GdprRisk } from '../obligations';
import type { DraftStatus } from './draft-marking';
import type { IncidentDates } from './incident-dates';
import type { Contact, PostalAddress } from './organisation';

/**
 * The shape of a GDPR Art. 33 notification draft: the Art. 33(3) elements in
 * their order, with the timing legal needs to judge whether it is late.
 */

export interface GdprBreachNotificationDraft {
  status: DraftStatus;
  kind: 'gdpr-art33-notification';
  obligationId: string;
  citation: string;
  country: string;
  countryName: string;
  /** The facts' `determinedAt`: when the controller became aware (EDPB 9/2022). */
  awareAt: string;
  dueAt: string;
  preparedAt: string;
  /** Prepared after the 72 hours ended: Art. 33(1) requires the reasons for the delay. */
  late: boolean;
  controller: { name: string; address?: PostalAddress };
  /** Art. 33(3)(a). */
  nature: {
    description?: string;
    dates: IncidentDates;
    dataSubjectCategories: readonly string[];
    dataSubjectsInCountry: number;
    dataSubjectsInTotal: number;
    dataCategories: DataElement[];
    specialCategories: DataElement[];
    approximateRecords?: number;
  };
  /** Art. 33(3)(b): the DPO when one is named, otherwise the organisation's contact. */
  contactPoint: { role: 'data-protection-officer' | 'other-contact-point'; contact?: Contact };
  /** Art. 33(3)(c): the assessment's finding, and the consequences in the organisation's words. */
  riskAssessment: Exclude<GdprRisk, 'unlikely'>;
  likelyConsequences?: string;
  /** Art. 33(3)(d). */
  measures: readonly string[];
  timeZone: string;
  openItems: string[];
}

export type GdprNotificationFields = Omit<GdprBreachNotificationDraft, 'openItems'>;
