import { DateTime } from 'luxon';
import { addCalendarDays, civilDateOf, civilDaysBetween } from '../civil-time';
import { dueDateOf, dueInstant } from '../due';
import type { Obligation } from '../obligation';

/**
 * When legal hears about a deadline: at each configured number of days
 * before it, on the due day, and every day once it is overdue. Reminders for
 * civil-date deadlines go out at the configured local hour in the entity's
 * zone, so a daylight-saving change never moves them to another day; those
 * for hour-based deadlines (GDPR's 72 hours) count whole days back from the
 * due instant. Pure, so the tracking workflow can call it and replay it.
 */

export const ReminderKind = { before: 'before', dueDay: 'due-day', overdue: 'overdue' } as const;
export type ReminderKind = (typeof ReminderKind)[keyof typeof ReminderKind];

export interface ReminderPolicy {
  /** Days before the due date, e.g. [30, 14, 7, 3, 1]. */
  daysBefore: readonly number[];
  /** Local hour, in the entity's zone, at which a day's reminders go out. */
  hour: number;
}

export const DEFAULT_REMINDER_POLICY: ReminderPolicy = { daysBefore: [30, 14, 7, 3, 1], hour: 9 };

export interface Reminder {
  /** Unique per obligation and due date, e.g. `before-7@2027-02-02`: a moved deadline gets fresh keys. */
  key: string;
  kind: ReminderKind;
  /** When it is due to go out (UTC ISO 8601). */
  at: string;
  /** Days before the due day (positive), on it (0), or after it (negative). */
  daysRemaining: number;
  /** 0 until overdue; the k-th overdue day escalates to the k-th next contact. */
  escalationLevel: number;
}

/** No deadline runs for ten years; it bounds the daily overdue reminders generated at once. */
const MAX_OVERDUE_DAYS = 3650;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

function atLocalHour(date: string, timeZone: string, hour: number): string {
  return DateTime.fromISO(date, { zone: timeZone }).set({ hour }).toUTC().toISO() ?? '';
}

function shift(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}

function iso(instant: string): string {
  return new Date(Date.parse(instant)).toISOString();
}

/** Hour deadlines: the due-day reminder at the local hour, or an hour before the deadline when that is earlier. */
function instantReminders(dueAt: string, obligation: Obligation, policy: ReminderPolicy, until: string): Reminder[] {
  const stamp = iso(dueAt);
  const before = policy.daysBefore.map((days) => ({
    key: `before-${days}@${stamp}`,
    kind: ReminderKind.before,
    at: shift(stamp, -days * DAY_MS),
    daysRemaining: days,
    escalationLevel: 0,
  }));
  const localHour = atLocalHour(civilDateOf(stamp, obligation.timeZone), obligation.timeZone, policy.hour);
  const dueDayAt = localHour < stamp ? localHour : shift(stamp, -HOUR_MS);
  const overdueDays = Math.min(MAX_OVERDUE_DAYS, Math.floor((Date.parse(until) - Date.parse(stamp)) / DAY_MS));
  const overdue = Array.from({ length: Math.max(0, overdueDays) }, (_, index) => ({
    key: `overdue-${index + 1}@${stamp}`,
    kind: ReminderKind.overdue,
    at: shift(stamp, (index + 1) * DAY_MS),
    daysRemaining: -(index + 1),
    escalationLevel: index + 1,
  }));

  return [
    ...before,
    { key: `due-day@${stamp}`, kind: ReminderKind.dueDay, at: dueDayAt, daysRemaining: 0, escalationLevel: 0 },
    ...overdue,
  ];
}

function civilReminders(dueDate: string, obligation: Obligation, policy: ReminderPolicy, until: string): Reminder[] {
  const zone = obligation.timeZone;
  const reminderOn = (daysRemaining: number): string =>
    atLocalHour(addCalendarDays(dueDate, -daysRemaining), zone, policy.hour);
  const before = policy.daysBefore.map((days) => ({
    key: `before-${days}@${dueDate}`,
    kind: ReminderKind.before,
    at: reminderOn(days),
    daysRemaining: days,
    escalationLevel: 0,
  }));
  const overdueDays = Math.min(MAX_OVERDUE_DAYS, civilDaysBetween(dueDate, civilDateOf(until, zone)));
  const overdue = Array.from({ length: Math.max(0, overdueDays) }, (_, index) => ({
    key: `overdue-${index + 1}@${dueDate}`,
    kind: ReminderKind.overdue,
    at: reminderOn(-(index + 1)),
    daysRemaining: -(index + 1),
    escalationLevel: index + 1,
  }));

  return [
    ...before,
    { key: `due-day@${dueDate}`, kind: ReminderKind.dueDay, at: reminderOn(0), daysRemaining: 0, escalationLevel: 0 },
    ...overdue,
  ];
}

/**
 * Every reminder for `obligation` up to and including the first one after
 * `until`, in time order; none for a relative deadline with no bound yet.
 */
export function reminderSchedule(obligation: Obligation, policy: ReminderPolicy, until: string): Reminder[] {
  const horizon = shift(until, 2 * DAY_MS);
  const dueAt = dueInstant(obligation);
  const dueDate = dueDateOf(obligation);
  if (dueAt === undefined || dueDate === undefined) return [];

  const all =
    obligation.deadline.kind === 'instant'
      ? instantReminders(dueAt, obligation, policy, horizon)
      : civilReminders(dueDate, obligation, policy, horizon);

  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** A reminder that goes out this long after its time says it is late. */
const LATE_AFTER_MS = 15 * 60_000;

/**
 * Whether a reminder sent at `sentAtMs` is late. The workflow asks when it
 * schedules the send and the activity asks again when it sends, since retries
 * through a mail outage can make an on-time reminder late.
 */
export function isLateReminder(scheduledAt: string, sentAtMs: number): boolean {
  return sentAtMs - Date.parse(scheduledAt) > LATE_AFTER_MS;
}
