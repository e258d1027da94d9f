import { describe, expect, it } from 'vitest';
import { parseIncidentFacts, type IncidentFactsInput } from '../../src/obligations';
import {
  DEFAULT_REMINDER_POLICY,
  dueReminders,
  isLateReminder,
  markSent,
  nextWakeAt,
  recompute,
  recordMet,
  reminderSchedule,
  type DueReminder,
  type TrackerState,
} from '../../src/obligations/tracking';

/**
 * The tracker after downtime: the worker was away for days and the clock has
 * run past several reminder times. The code promises (tracker.ts, and the
 * trackObligations workflow's own comment) that each missed reminder goes
 * out once, late, none skipped.
 *
 * A Chicago covered entity discovers a breach of 120 Puerto Rico residents'
 * names and medical data at 10:00 on 1 March 2027. It owes HIPAA's notice to
 * individuals (due 30 April), the annual log to HHS (29 February 2028),
 * DACO's non-extendable 10 days (11 March) and, with an internal target of
 * 20 days, notice to the residents (21 March). US daylight saving time starts
 * on 14 March 2027, so 09:00 in Chicago is 15:00 UTC before it and 14:00 after.
 */

const facts: IncidentFactsInput = {
  discoveredAt: '2027-03-01T10:00:00-06:00',
  timeZone: 'America/Chicago',
  entityRole: 'covered-entity',
  breach: { startedAt: '2027-02-20T00:00:00Z' },
  affected: [{ jurisdiction: 'US-PR', count: 120 }],
  dataElements: ['name', 'medical'],
  encryption: { encrypted: false, keyCompromised: false },
};

/** The moment tracking started: the discovery, in UTC as the workflow's clock gives it. */
const STARTED_AT = '2027-03-01T16:00:00.000Z';
/** Ten days after DACO's 7-day reminder went unsent; the worker has been down since the first day. */
const BACK_AT = '2027-03-14T15:00:00.000Z';
const HOUR_MS = 3_600_000;

function started(): TrackerState {
  const initial = { options: { internalTargetDays: 20 }, policy: DEFAULT_REMINDER_POLICY, met: {}, recomputations: [] };

  return recompute(initial, parseIncidentFacts(facts), STARTED_AT, 'assessment reportable');
}

function sendAll(state: TrackerState, reminders: readonly DueReminder[]): TrackerState {
  return reminders.reduce((next, reminder) => markSent(next, reminder.obligationId, reminder.key), state);
}

/** Tracking as it ran on the first day: the reminders owed at once went out, then the worker went down. */
function downAfterFirstDay(): TrackerState {
  const state = started();

  return sendAll(state, dueReminders(state, STARTED_AT));
}

function later(instant: string, ms: number): string {
  return new Date(Date.parse(instant) + ms).toISOString();
}

function summary(reminder: DueReminder): string[] {
  return [reminder.obligationId, reminder.key, reminder.at, String(reminder.escalationLevel)];
}

describe('the tracker after downtime', () => {
  it('returns every reminder that fell due while it was down, once each, oldest first', () => {
    const due = dueReminders(downAfterFirstDay(), BACK_AT);

    expect(due.map(summary).sort()).toEqual(
      [
        ['US-PR/daco', 'before-7@2027-03-11', '2027-03-04T15:00:00.000Z', '0'],
        ['US-PR/individuals', 'before-14@2027-03-21', '2027-03-07T15:00:00.000Z', '0'],
        ['US-PR/daco', 'before-3@2027-03-11', '2027-03-08T15:00:00.000Z', '0'],
        ['US-PR/daco', 'before-1@2027-03-11', '2027-03-10T15:00:00.000Z', '0'],
        ['US-PR/daco', 'due-day@2027-03-11', '2027-03-11T15:00:00.000Z', '0'],
        ['US-PR/daco', 'overdue-1@2027-03-11', '2027-03-12T15:00:00.000Z', '1'],
        ['US-PR/daco', 'overdue-2@2027-03-11', '2027-03-13T15:00:00.000Z', '2'],
        ['US-PR/daco', 'overdue-3@2027-03-11', '2027-03-14T14:00:00.000Z', '3'],
        ['US-PR/individuals', 'before-7@2027-03-21', '2027-03-14T14:00:00.000Z', '0'],
      ].sort(),
    );
    const times = due.map((reminder) => reminder.at);
    expect(times).toEqual([...times].sort());
    expect(new Set(due.map((reminder) => `${reminder.obligationId} ${reminder.key}`)).size).toBe(due.length);
  });

  it('says each missed reminder is late when it goes out on the return', () => {
    const due = dueReminders(downAfterFirstDay(), BACK_AT);

    expect(due.every((reminder) => isLateReminder(reminder.at, Date.parse(BACK_AT)))).toBe(true);
    expect(isLateReminder('2027-03-14T14:00:00.000Z', Date.parse('2027-03-14T14:14:00.000Z'))).toBe(false);
  });

  it('finds every missed reminder in the schedule, up to the first one after the return', () => {
    const daco = started().tracked.find((entry) => entry.obligation.id === 'US-PR/daco');
    if (!daco) throw new Error('DACO is owed notice for Puerto Rico residents');

    const schedule = reminderSchedule(daco.obligation, DEFAULT_REMINDER_POLICY, BACK_AT);
    const next = schedule.find((reminder) => reminder.at > BACK_AT);

    expect(schedule.filter((reminder) => reminder.at <= BACK_AT).map((reminder) => reminder.key)).toEqual([
      'before-30@2027-03-11',
      'before-14@2027-03-11',
      'before-7@2027-03-11',
      'before-3@2027-03-11',
      'before-1@2027-03-11',
      'due-day@2027-03-11',
      'overdue-1@2027-03-11',
      'overdue-2@2027-03-11',
      'overdue-3@2027-03-11',
    ]);
    expect(next).toMatchObject({ key: 'overdue-4@2027-03-11', at: '2027-03-15T14:00:00.000Z', escalationLevel: 4 });
  });

  it('does not return a reminder again once it is marked sent, nor after a recomputation', () => {
    const down = downAfterFirstDay();
    const sent = sendAll(down, dueReminders(down, BACK_AT));
    const recomputed = recompute(sent, sent.facts, later(BACK_AT, HOUR_MS), 'residency confirmed');

    expect(dueReminders(sent, BACK_AT)).toEqual([]);
    expect(dueReminders(sent, later(BACK_AT, 20 * HOUR_MS))).toEqual([]);
    expect(dueReminders(recomputed, later(BACK_AT, 20 * HOUR_MS))).toEqual([]);
  });

  it('marks only the reminder it names as sent', () => {
    const down = downAfterFirstDay();
    const sent = markSent(down, 'US-PR/daco', 'before-7@2027-03-11');

    expect(dueReminders(sent, BACK_AT).map((reminder) => reminder.key)).not.toContain('before-7@2027-03-11');
    expect(dueReminders(sent, BACK_AT)).toHaveLength(dueReminders(down, BACK_AT).length - 1);
  });

  it('wakes next for the first reminder still in the future, not for one it missed', () => {
    const down = downAfterFirstDay();
    const sent = sendAll(down, dueReminders(down, BACK_AT));

    expect(nextWakeAt(down, BACK_AT)).toBe('2027-03-15T14:00:00.000Z');
    expect(nextWakeAt(sent, BACK_AT)).toBe('2027-03-15T14:00:00.000Z');
  });

  it('drops the missed reminders of a notice recorded as met, and wakes for the next open one', () => {
    const down = downAfterFirstDay();
    const met = recordMet(
      down,
      {
        obligationId: 'US-PR/daco',
        metAt: '2027-03-09T17:00:00.000Z',
        method: 'web-form',
        reference: 'DACO-2027-0311',
        recordedBy: 'j.lee',
        recordedAt: BACK_AT,
      },
      BACK_AT,
    );

    expect(dueReminders(met, BACK_AT).map(summary)).toEqual([
      ['US-PR/individuals', 'before-14@2027-03-21', '2027-03-07T15:00:00.000Z', '0'],
      ['US-PR/individuals', 'before-7@2027-03-21', '2027-03-14T14:00:00.000Z', '0'],
    ]);
    expect(nextWakeAt(met, BACK_AT)).toBe('2027-03-18T14:00:00.000Z');
  });
});

describe('the tracker when a deadline moves', () => {
  it('owes only the latest of the reminders that fell before the move, at once, and the rest on time', () => {
    const down = downAfterFirstDay();
    const caughtUp = sendAll(down, dueReminders(down, BACK_AT));
    // Discovered 20 days earlier than first thought: HIPAA's 60 days now end on 10 April, not 30 April.
    const corrected = { ...caughtUp.facts, discoveredAt: '2027-02-09T10:00:00-06:00' };
    const moved = recompute(caughtUp, corrected, BACK_AT, 'discovery date corrected');

    const individuals = dueReminders(moved, BACK_AT).filter((r) => r.obligationId === 'HIPAA/individuals');

    expect(individuals.map(summary)).toEqual([
      ['HIPAA/individuals', 'before-30@2027-04-10', '2027-03-11T15:00:00.000Z', '0'],
    ]);
    expect(moved.tracked.find((entry) => entry.obligation.id === 'HIPAA/individuals')?.since).toBe(BACK_AT);
    expect(nextWakeAt(sendAll(moved, dueReminders(moved, BACK_AT)), BACK_AT)).toBe('2027-03-15T14:00:00.000Z');
  });
});
