import { computeObligations } from '../compute';
import { dueInstant } from '../due';
import type { IncidentFacts } from '../facts';
import type { Obligation } from '../obligation';
import type { ObligationOptionsInput } from '../options';
import type { MetRecord } from './met-record';
import { reminderSchedule, type Reminder, type ReminderPolicy } from './reminder-schedule';

/**
 * The state the obligation-tracking workflow keeps, and the pure steps that
 * change it. Recomputing keeps what is already settled: a met obligation
 * stays met under its id, and reminders already sent are not sent again.
 * When an obligation's due instant moves (or it first appears), reminders
 * that fell before that moment were never owed, except the latest of them,
 * which goes out at once so legal hears of the new deadline.
 */

export interface TrackedObligation {
  obligation: Obligation;
  /** When its current due instant was first tracked (UTC ISO 8601). */
  since: string;
  /** Keys of the reminders already sent for it, under any due date it has had. */
  sent: string[];
}

export interface TrackerState {
  facts: IncidentFacts;
  options: Omit<ObligationOptionsInput, 'met'>;
  policy: ReminderPolicy;
  tracked: TrackedObligation[];
  /** Obligation id → what legal recorded; kept even if a recomputation drops the obligation. */
  met: Record<string, MetRecord>;
  /** Why and when obligations were recomputed, oldest first. */
  recomputations: { at: string; reason: string }[];
}

export interface DueReminder extends Reminder {
  obligationId: string;
}

function metTimes(met: Record<string, MetRecord>): Record<string, string> {
  return Object.fromEntries(Object.entries(met).map(([id, record]) => [id, record.metAt]));
}

function track(obligation: Obligation, previous: TrackedObligation | undefined, now: string): TrackedObligation {
  if (previous && dueInstant(previous.obligation) === dueInstant(obligation)) return { ...previous, obligation };

  return { obligation, since: now, sent: previous?.sent ?? [] };
}

/** Computes the obligations for `facts`, carrying over what `previous` had settled. */
export function recompute(
  previous: Pick<TrackerState, 'options' | 'policy' | 'met' | 'recomputations'> & { tracked?: TrackedObligation[] },
  facts: IncidentFacts,
  now: string,
  reason: string,
): TrackerState {
  const { obligations } = computeObligations(facts, { ...previous.options, met: metTimes(previous.met) });
  const before = new Map((previous.tracked ?? []).map((entry) => [entry.obligation.id, entry]));

  return {
    facts,
    options: previous.options,
    policy: previous.policy,
    tracked: obligations.map((obligation) => track(obligation, before.get(obligation.id), now)),
    met: previous.met,
    recomputations: [...previous.recomputations, { at: now, reason }],
  };
}

/** The reminders an obligation is owed from `since` on, plus the latest one that fell before it. */
function owedReminders(entry: TrackedObligation, policy: ReminderPolicy, now: string): Reminder[] {
  const schedule = reminderSchedule(entry.obligation, policy, now);
  const earlier = schedule.filter((reminder) => reminder.at < entry.since);
  const latestEarlier = earlier.at(-1);
  const owed = schedule.filter((reminder) => reminder.at >= entry.since);

  return latestEarlier ? [latestEarlier, ...owed] : owed;
}

function isOpen(entry: TrackedObligation, state: TrackerState): boolean {
  return state.met[entry.obligation.id] === undefined;
}

/** Reminders due by `now` and not yet sent, oldest first: after downtime, each missed one once. */
export function dueReminders(state: TrackerState, now: string): DueReminder[] {
  const due = state.tracked
    .filter((entry) => isOpen(entry, state))
    .flatMap((entry) =>
      owedReminders(entry, state.policy, now)
        .filter((reminder) => reminder.at <= now && !entry.sent.includes(reminder.key))
        .map((reminder) => ({ ...reminder, obligationId: entry.obligation.id })),
    );

  return due.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The next reminder an open obligation will get after `now`, if any. */
export function nextReminder(entry: TrackedObligation, state: TrackerState, now: string): Reminder | undefined {
  if (!isOpen(entry, state)) return undefined;

  return owedReminders(entry, state.policy, now).find(
    (reminder) => reminder.at > now && !entry.sent.includes(reminder.key),
  );
}

/** When the workflow must next wake up to send a reminder; undefined when none is scheduled. */
export function nextWakeAt(state: TrackerState, now: string): string | undefined {
  const times = state.tracked.flatMap((entry) => nextReminder(entry, state, now)?.at ?? []);

  return times.sort()[0];
}

export function markSent(state: TrackerState, obligationId: string, key: string): TrackerState {
  const tracked = state.tracked.map((entry) =>
    entry.obligation.id === obligationId ? { ...entry, sent: [...entry.sent, key] } : entry,
  );

  return { ...state, tracked };
}

/** Records the notice as given and recomputes, since deadlines timed against it become fixed dates. */
export function recordMet(state: TrackerState, record: MetRecord, now: string): TrackerState {
  const met = { ...state.met, [record.obligationId]: record };

  return recompute({ ...state, met }, state.facts, now, `${record.obligationId} met`);
}

export function allMet(state: TrackerState): boolean {
  return state.tracked.every((entry) => !isOpen(entry, state));
}
