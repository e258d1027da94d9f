import { addBusinessDays } from './business-days';
import { addCalendarDays } from './civil-time';
import { internalTarget, type IncidentContext } from './context';
import { hipaaRule } from './rules/hipaa';
import type { CivilDate, Deadline, Period } from './obligation';
import type { Anchor, RuleDeadline, StateRule } from './rules/types';

/** Turns a statute's deadline rule into a deadline for this incident. */

export interface StateDeadline {
  deadline: Deadline;
  /** In words, for the obligation's reasons. */
  basis: string;
  businessDayCalendar?: string;
}

function anchorDate(anchor: Anchor, context: IncidentContext): CivilDate {
  return anchor === 'discovery' ? context.discoveryDate : context.determinationDate;
}

export function periodText(period: Period): string {
  return `${period.count} ${period.unit.replace('-', ' ')}`;
}

/** A civil date `period` after `date`, business days counted on `calendar`'s holidays. */
export function civilDateAfter(date: CivilDate, period: Period, calendar: string): CivilDate {
  switch (period.unit) {
    case 'calendar-days':
      return addCalendarDays(date, period.count);
    case 'business-days':
      return addBusinessDays(date, period.count, calendar);
    case 'hours':
      // From the end of `date`, so whole days of 24 hours: 48 hours after a day ends two days later.
      return addCalendarDays(date, Math.ceil(period.count / 24));
  }
}

/** Which obligation a relative rule is timed against: the state's own individual notice, or HIPAA's. */
export function relativeTarget(
  to: 'individuals' | 'hhs',
  rule: StateRule,
  ownIndividuals: boolean,
  context: IncidentContext,
): string {
  if (to === 'individuals') return ownIndividuals ? `${rule.jurisdiction}/individuals` : 'HIPAA/individuals';

  return context.totalAffected >= hipaaRule.hhs.atLeast ? 'HIPAA/hhs' : 'HIPAA/hhs-annual-log';
}

export function stateDeadline(
  ruleDeadline: RuleDeadline,
  rule: StateRule,
  ownIndividuals: boolean,
  context: IncidentContext,
): StateDeadline {
  switch (ruleDeadline.kind) {
    case 'within': {
      const from = anchorDate(ruleDeadline.from, context);
      const dueDate = civilDateAfter(from, ruleDeadline.period, rule.jurisdiction);
      return {
        deadline: { kind: 'civil-date', dueDate },
        basis: `due ${periodText(ruleDeadline.period)} after ${ruleDeadline.from} (${from})`,
        ...(ruleDeadline.period.unit === 'business-days' ? { businessDayCalendar: rule.jurisdiction } : {}),
      };
    }
    case 'without-unreasonable-delay':
      return {
        deadline: internalTarget(anchorDate(ruleDeadline.from, context), context),
        basis: `no fixed limit in law; internal target ${context.options.internalTargetDays} days after ${ruleDeadline.from}`,
      };
    case 'relative': {
      const to = relativeTarget(ruleDeadline.to, rule, ownIndividuals, context);
      const period = ruleDeadline.period;
      return {
        deadline: { kind: 'relative', relation: ruleDeadline.relation, to, ...(period ? { period } : {}) },
        basis: `due ${period ? `${periodText(period)} ` : ''}${ruleDeadline.relation.replaceAll('-', ' ')} ${to}`,
        ...(period?.unit === 'business-days' ? { businessDayCalendar: rule.jurisdiction } : {}),
      };
    }
  }
}
