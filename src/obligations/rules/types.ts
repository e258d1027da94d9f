import type { UsJurisdiction } from '../facts';
import type { Period, PersonalInformationRule, Provenance, Relation } from '../obligation';

/**
 * The shape of a state or territory breach-notification statute, as data.
 * One file per jurisdiction under `states/`, each with its sources, the date
 * it was last reviewed and, where a fact is uncertain, a sentence saying so.
 */

/** What a statute counts its days from: discovery of the breach, or the determination that one occurred. */
export const Anchor = { discovery: 'discovery', determination: 'determination' } as const;
export type Anchor = (typeof Anchor)[keyof typeof Anchor];

export type RuleDeadline =
  | { kind: 'within'; period: Period; from: Anchor }
  | { kind: 'without-unreasonable-delay'; from: Anchor }
  /** Timed against this state's own individual notice, or against the HIPAA notice to HHS. */
  | { kind: 'relative'; relation: Relation; to: 'individuals' | 'hhs'; period?: Period };

/**
 * How the statute treats an entity that notifies under HIPAA:
 * - `exempt`: the statute does not apply, or deems HIPAA compliance compliance with all of it;
 * - `individuals-exempt`: the HIPAA notice to individuals satisfies it, but regulator notices are still owed;
 * - `none`: no carve-out, or one we could not confirm (the conservative default: notify under both).
 */
export const HipaaEffect = { exempt: 'exempt', individualsExempt: 'individuals-exempt', none: 'none' } as const;
export type HipaaEffect = (typeof HipaaEffect)[keyof typeof HipaaEffect];

export interface RegulatorRule {
  /** The obligation id's last part: `attorney-general`, `state-police`. */
  key: string;
  recipient: 'attorney-general' | 'regulator';
  name: string;
  /** Residents of the state affected at which notice is owed (`more than 500` is 501). */
  atLeast: number;
  deadline: RuleDeadline;
  /** A different threshold or timing for an entity that notified under HIPAA (Illinois, Washington). */
  forHipaaEntities?: { atLeast: number; deadline: RuleDeadline; note: string };
  /** Owed only by entities that notified under HIPAA (New York's copy of the HHS notice). */
  hipaaEntitiesOnly?: boolean;
  note?: string;
}

export interface StateRule extends Provenance {
  jurisdiction: UsJurisdiction;
  name: string;
  citation: string;
  /** The first discovery date this version of the rule governs. */
  effectiveFrom: string;
  personalInformation: PersonalInformationRule;
  /** Encrypted data whose key was not compromised is outside the statute. */
  encryptionSafeHarbor: boolean;
  hipaa: { effect: HipaaEffect; note: string };
  individuals: { deadline: RuleDeadline };
  regulators: readonly RegulatorRule[];
  consumerReportingAgencies?: { atLeast: number; deadline: RuleDeadline; note?: string };
}

export const days = (count: number): Period => ({ count, unit: 'calendar-days' });
export const businessDays = (count: number): Period => ({ count, unit: 'business-days' });
export const hours = (count: number): Period => ({ count, unit: 'hours' });

export const within = (period: Period, from: Anchor): RuleDeadline => ({ kind: 'within', period, from });
export const withoutUnreasonableDelay = (from: Anchor = 'discovery'): RuleDeadline => ({
  kind: 'without-unreasonable-delay',
  from,
});
export const afterIndividuals = (period: Period): RuleDeadline => ({
  kind: 'relative',
  relation: 'after',
  to: 'individuals',
  period,
});
export const noLaterThanIndividuals: RuleDeadline = { kind: 'relative', relation: 'no-later-than', to: 'individuals' };
export const beforeIndividuals: RuleDeadline = { kind: 'relative', relation: 'before', to: 'individuals' };
export const afterHhsNotice = (period: Period): RuleDeadline => ({
  kind: 'relative',
  relation: 'after',
  to: 'hhs',
  period,
});

/** The date these rules were last checked against `../shared/reference/law/` and the statutes. */
export const LAST_REVIEWED = '2026-12-03';
