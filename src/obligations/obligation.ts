import type { DataElement, UsJurisdiction } from './facts';

/**
 * What the engine produces: one notice owed, to whom, on what legal basis
 * and by when. Obligation ids are stable across recomputations (a corrected
 * discovery date moves a deadline, never renames it), so clocks and records
 * of notices sent can be keyed by them.
 */

export const Regime = { hipaa: 'HIPAA', gdpr: 'GDPR' } as const;
/** HIPAA, GDPR, or the state or territory whose statute applies (its ISO 3166-2 code). */
export type Regime = (typeof Regime)[keyof typeof Regime] | UsJurisdiction;

export const Recipient = {
  individuals: 'individuals',
  hhs: 'hhs',
  media: 'media',
  attorneyGeneral: 'attorney-general',
  regulator: 'regulator',
  consumerReportingAgencies: 'consumer-reporting-agencies',
  coveredEntity: 'covered-entity',
  supervisoryAuthority: 'supervisory-authority',
} as const;
export type Recipient = (typeof Recipient)[keyof typeof Recipient];

export const Confidence = { high: 'high', medium: 'medium', low: 'low' } as const;
export type Confidence = (typeof Confidence)[keyof typeof Confidence];

/** A civil date, YYYY-MM-DD, read in the entity's time zone. */
export type CivilDate = string;

export const PeriodUnit = {
  calendarDays: 'calendar-days',
  businessDays: 'business-days',
  hours: 'hours',
} as const;
export type PeriodUnit = (typeof PeriodUnit)[keyof typeof PeriodUnit];

export interface Period {
  count: number;
  unit: PeriodUnit;
}

/**
 * How one obligation is timed against another that has not been met yet:
 * `after` (a period after it), `no-later-than` (with it or before), or
 * `before` (strictly before it, as Maryland's and New Jersey's regulators
 * must hear before consumers do).
 */
export const Relation = { after: 'after', noLaterThan: 'no-later-than', before: 'before' } as const;
export type Relation = (typeof Relation)[keyof typeof Relation];

export type Deadline =
  /** An hour-based rule: due at this instant (UTC ISO 8601). */
  | { kind: 'instant'; dueAt: string }
  /** A calendar- or business-day rule: due by the end of this civil day in the entity's zone. */
  | { kind: 'civil-date'; dueDate: CivilDate }
  /** No fixed limit in law; `targetDate` is the organisation's own target, `targetDays` after the anchor. */
  | { kind: 'without-unreasonable-delay'; targetDate: CivilDate; targetDays: number }
  /**
   * Timed against obligation `to`, which is not met yet. `latestDate`, when
   * known, is where this lands if `to` is met on its own last day.
   */
  | { kind: 'relative'; relation: Relation; to: string; period?: Period; latestDate?: CivilDate };

export type DeadlineKind = Deadline['kind'];

/** Where the rule came from and how sure we are of it. */
export interface Provenance {
  sources: readonly string[];
  lastReviewed: CivilDate;
  confidence: Confidence;
  /** What is uncertain about the rule, in a sentence; absent when nothing is. */
  uncertainty?: string;
}

export interface Obligation extends Provenance {
  /** Stable id, e.g. `US-CA/individuals`, `HIPAA/media/US-TX`, `GDPR/DE/supervisory-authority`. */
  id: string;
  regime: Regime;
  recipient: Recipient;
  /** Who exactly, e.g. `Attorney General` or `Department of Consumer Affairs (DACO)`. */
  recipientName: string;
  /** `US` for federal HIPAA duties, an ISO 3166-2 US code, or a country code. */
  jurisdiction: string;
  citation: string;
  /** What must be sent, in a sentence. */
  summary: string;
  /** Which facts made this obligation arise; never PHI, only counts, kinds and dates. */
  reasons: string[];
  deadline: Deadline;
  /** The entity's IANA zone, in which civil dates end. */
  timeZone: string;
  /** The zone-and-holiday calendar business days were counted in, when the rule counts them. */
  businessDayCalendar?: string;
  /** Set when a law-enforcement delay moved this deadline; the deadline without it is kept for the record. */
  lawEnforcementDelay?: { originalDueDate: CivilDate; delayedUntil: CivilDate };
  /** When the organisation recorded this notice as given, if it has. */
  metAt?: string;
}

/** A rule that was considered and does not apply, with the reason: the record HIPAA's burden of proof asks for. */
export interface Exemption {
  /** The id the obligation would have had, or the rule's scope (`HIPAA`, `US-TX`). */
  id: string;
  regime: Regime;
  jurisdiction: string;
  citation: string;
  reason: string;
}

export interface ObligationsResult {
  obligations: Obligation[];
  exemptions: Exemption[];
}

/** The data elements, as listed in one statute, that make a breach of them notifiable. */
export interface PersonalInformationRule {
  /** Elements that count when exposed with the person's name. */
  withName: readonly DataElement[];
  /** Elements that count on their own (online credentials, in most states that list them). */
  alone: readonly DataElement[];
}
