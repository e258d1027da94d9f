import type { ActionTaken, BreachLocation, BreachType, CoveredEntityType, Safeguard } from '../hhs/form-vocabulary';
import type { CivilDate, UsJurisdiction } from '../obligations';
import type { DraftStatus } from './draft-marking';
import type { Contact, PostalAddress } from './organisation';

/**
 * The shape of an HHS breach report draft: the OCR portal form's sections
 * and fields (`../shared/reference/law/hhs_form.md`), each select-all list in
 * the vocabulary of `form-vocabulary.ts`.
 */

export const HHS_REPORT_FORM_TITLE = 'Notice to the Secretary of HHS Breach of Unsecured Protected Health Information';

/** The form's first question: which of its two reports this is. */
export const BreachAffecting = {
  fiveHundredOrMore: '500-or-more',
  fewerThanFiveHundred: 'fewer-than-500',
} as const;
export type BreachAffecting = (typeof BreachAffecting)[keyof typeof BreachAffecting];

/** The wizard branches on who files: the covered entity, or its business associate on the entity's behalf. */
export const FilerRole = {
  coveredEntity: 'covered-entity',
  businessAssociateForCoveredEntity: 'business-associate-for-covered-entity',
} as const;
export type FilerRole = (typeof FilerRole)[keyof typeof FilerRole];

export interface HhsBreachReportDraft {
  status: DraftStatus;
  form: typeof HHS_REPORT_FORM_TITLE;
  citation: string;
  /** Always an initial report: an addendum needs the first report's transaction number, which breachline never has. */
  reportType: 'initial';
  breachAffecting: BreachAffecting;
  filerRole: FilerRole;
  coveredEntity: {
    name?: string;
    /** As the listing records it: `business-associate` when a business associate filed. */
    type: CoveredEntityType;
    /** Where the entity is, e.g. `US-MA`; not where the affected people live. */
    state: UsJurisdiction;
    address?: PostalAddress;
    contact?: Contact;
  };
  businessAssociatePresent: boolean;
  /** Civil dates in the entity's zone, as the form asks for dates without times. */
  breach: {
    startDate: CivilDate;
    /** Mandatory on the form; absent when the facts say the breach is ongoing or its end unknown. */
    endDate?: CivilDate;
    discoveryStartDate: CivilDate;
    /** When the investigation determined a breach occurred: the end of discovery. */
    discoveryEndDate: CivilDate;
    individualsAffected: number;
    types: BreachType[];
    locations: BreachLocation[];
    description?: string;
    safeguards: Safeguard[];
  };
  notice: {
    substituteNoticeRequired: boolean;
    mediaNoticeRequired: boolean;
    actionsTaken: ActionTaken[];
  };
  /** The zone the dates were read in. */
  timeZone: string;
  /** What legal must complete or decide before filing, one sentence each. */
  openItems: string[];
}
