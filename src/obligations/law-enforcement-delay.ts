import { addCalendarDays, civilDateOf, laterDate } from './civil-time';
import type { IncidentFacts } from './facts';
import type { CivilDate, Deadline } from './obligation';
import { hipaaRule } from './rules/hipaa';

/**
 * A law-enforcement request to hold notice (45 CFR 164.412, and the like
 * clauses of the state statutes). It tolls only the notices it covers: HIPAA's
 * notices and the states' notices to individuals, never a regulator's own
 * clock (Puerto Rico's 10 days to DACO are expressly non-extendable) nor GDPR,
 * which has no such clause for Art. 33.
 *
 * HHS does not spell out the arithmetic. We take the conservative reading in
 * `../shared/reference/law/hipaa.md`: notice is due when the delay ends, or
 * on the original date if that is later; both dates are kept.
 */

export interface LawEnforcementWindow {
  requestedDate: CivilDate;
  endDate: CivilDate;
  reason: string;
}

export function lawEnforcementWindow(facts: IncidentFacts): LawEnforcementWindow | undefined {
  const delay = facts.lawEnforcementDelay;
  if (!delay) return undefined;

  const requestedDate = civilDateOf(delay.requestedAt, facts.timeZone);
  const stated = delay.until === undefined ? undefined : civilDateOf(delay.until, facts.timeZone);
  if (delay.kind === 'written') {
    const endDate = stated ?? requestedDate;
    return { requestedDate, endDate, reason: `written law-enforcement request delays notice until ${endDate}` };
  }

  // An oral request holds at most 30 days from the day it was made unless it is confirmed in writing.
  const cap = addCalendarDays(requestedDate, hipaaRule.lawEnforcementDelay.oralMaxDays);
  const endDate = stated !== undefined && stated < cap ? stated : cap;
  return {
    requestedDate,
    endDate,
    reason: `oral law-enforcement request on ${requestedDate} delays notice until ${endDate} (at most ${hipaaRule.lawEnforcementDelay.oralMaxDays} days unless confirmed in writing)`,
  };
}

export interface DelayedDate {
  dueDate: CivilDate;
  lawEnforcementDelay?: { originalDueDate: CivilDate; delayedUntil: CivilDate };
  reason?: string;
}

/** Moves `originalDueDate` to the end of the delay when the request came in while the clock was still running. */
export function applyLawEnforcementDelay(
  originalDueDate: CivilDate,
  window: LawEnforcementWindow | undefined,
): DelayedDate {
  if (!window || window.requestedDate > originalDueDate) return { dueDate: originalDueDate };

  const delayedUntil = window.endDate;
  const dueDate = laterDate(originalDueDate, delayedUntil);
  if (dueDate === originalDueDate) {
    return { dueDate, reason: `${window.reason}; the original deadline is later and stands` };
  }

  return { dueDate, lawEnforcementDelay: { originalDueDate, delayedUntil }, reason: window.reason };
}

/** The same for a deadline: civil dates and internal targets move; hour and relative deadlines are not tolled. */
export function delayDeadline(
  deadline: Deadline,
  window: LawEnforcementWindow | undefined,
): Omit<DelayedDate, 'dueDate'> & { deadline: Deadline } {
  if (deadline.kind === 'civil-date') {
    const { dueDate, ...delayed } = applyLawEnforcementDelay(deadline.dueDate, window);
    return { ...delayed, deadline: { ...deadline, dueDate } };
  }
  if (deadline.kind === 'without-unreasonable-delay') {
    const { dueDate, ...delayed } = applyLawEnforcementDelay(deadline.targetDate, window);
    return { ...delayed, deadline: { ...deadline, targetDate: dueDate } };
  }

  return { deadline };
}
