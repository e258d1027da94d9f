import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, civilDateOf, type IncidentFactsInput } from '../../src/obligations';
import {
  obligationsStatusQuery,
  trackObligationsWorkflowId,
  updateFactsUpdate,
} from '../../workflows/obligation-messages';
import type { trackObligations } from '../../workflows/track-obligations';
import {
  chicagoFacts,
  DAY,
  MINUTE,
  newIncidentId,
  newTaskQueue,
  nineAm,
  startEnvironment,
  stopEnvironment,
  testEnv,
  WAIT,
  withWorker,
  ZONE,
  type SentReminder,
} from './track-obligations-support';

/**
 * Changed facts while obligations are tracked, on the time-skipping server.
 * 120 Puerto Rico residents are affected, so besides HIPAA's notices the
 * tracker owes DACO its non-extendable 10 days (P.R. Laws Ann. tit. 10,
 * § 4052): a regulator's own clock, which a law-enforcement delay does not
 * toll (src/obligations/law-enforcement-delay.ts).
 */

// Time skipping is global to a test server, and an activity in flight when a test ends can hold it; each test gets its own.
beforeEach(() => startEnvironment());
afterEach(() => stopEnvironment());

const INDIVIDUALS = 'HIPAA/individuals';
const DACO = 'US-PR/daco';

function puertoRicoFacts(discoveredAtMs: number, overrides: Partial<IncidentFactsInput> = {}): IncidentFactsInput {
  return chicagoFacts(discoveredAtMs, { affected: [{ jurisdiction: 'US-PR', count: 120 }], ...overrides });
}

function civilDay(ms: number): string {
  return civilDateOf(new Date(ms).toISOString(), ZONE);
}

async function startTracking(taskQueue: string, facts: IncidentFactsInput) {
  const incidentId = newIncidentId();

  return testEnv().client.workflow.start<typeof trackObligations>('trackObligations', {
    workflowId: trackObligationsWorkflowId(incidentId),
    taskQueue,
    args: [{ incidentId, tenantId: 'st-elsewhere', facts: facts as never }],
  });
}

function sentFor(sent: readonly SentReminder[], obligationId: string): SentReminder[] {
  return sent.filter((entry) => entry.request.obligationId === obligationId);
}

function keysOf(entries: readonly SentReminder[]): string[] {
  return entries.map((entry) => entry.request.reminderKey);
}

/** Fails unless `key` went out once, within two minutes of 09:00 in Chicago on its day, and on time. */
function expectSentAtItsTime(entries: readonly SentReminder[], key: string, atMs: number): void {
  const matching = entries.filter((entry) => entry.request.reminderKey === key);

  expect(matching, key).toHaveLength(1);
  expect(matching[0]?.atMs, key).toBeGreaterThanOrEqual(atMs);
  expect(matching[0]?.atMs, key).toBeLessThan(atMs + 2 * MINUTE);
  expect(matching[0]?.request.late, key).toBe(false);
}

/** Skips the virtual clock to `atMs`; the server runs every timer that falls due on the way. */
async function sleepUntil(atMs: number): Promise<void> {
  await testEnv().sleep(atMs - (await testEnv().currentTimeMs()));
}

describe('trackObligations when the facts change', () => {
  it('moves HIPAA notice to individuals to the end of a law-enforcement delay, with new keys, and leaves DACO on its dates', async () => {
    const sent: SentReminder[] = [];
    const taskQueue = newTaskQueue();
    await withWorker(sent, taskQueue, async () => {
      const discoveredAtMs = await testEnv().currentTimeMs();
      const discoveryDate = civilDay(discoveredAtMs);
      const originalDue = addCalendarDays(discoveryDate, 60);
      const delayedDue = addCalendarDays(discoveryDate, 100);
      const dacoDue = addCalendarDays(discoveryDate, 10);
      const handle = await startTracking(taskQueue, puertoRicoFacts(discoveredAtMs));
      // DACO's 14-day reminder fell before tracking began: it goes out at once, late, so legal hears of the deadline.
      await vi.waitFor(() => expect(keysOf(sentFor(sent, DACO))).toEqual([`before-14@${dacoDue}`]), WAIT);
      const before = await handle.query(obligationsStatusQuery);

      const delay = {
        kind: 'written' as const,
        requestedAt: new Date(discoveredAtMs + 3_600_000).toISOString(),
        until: DateTime.fromISO(delayedDue, { zone: ZONE }).set({ hour: 12 }).toISO() ?? '',
      };
      await testEnv().sleep(2 * 3_600_000);
      const status = await handle.executeUpdate(updateFactsUpdate, {
        args: [
          {
            facts: puertoRicoFacts(discoveredAtMs, { lawEnforcementDelay: delay }),
            reason: 'written law-enforcement delay',
            requestedBy: 'p.nakamura',
          },
        ],
      });

      const individuals = status.obligations.find((entry) => entry.id === INDIVIDUALS);
      const daco = status.obligations.find((entry) => entry.id === DACO);
      expect(before.obligations.find((entry) => entry.id === INDIVIDUALS)?.dueDate).toBe(originalDue);
      expect(individuals).toMatchObject({
        dueDate: delayedDue,
        lawEnforcementDelay: { originalDueDate: originalDue, delayedUntil: delayedDue },
        nextReminder: { key: `before-30@${delayedDue}` },
      });
      expect(daco).toEqual(before.obligations.find((entry) => entry.id === DACO));
      expect(daco).toMatchObject({ dueDate: dacoDue, nextReminder: { key: `before-7@${dacoDue}` } });

      // Past the second overdue day of the original HIPAA deadline: DACO's reminders ran on their own dates.
      await sleepUntil(nineAm(originalDue, 2) + 5 * MINUTE);
      await vi.waitFor(() => expect(keysOf(sentFor(sent, DACO))).toContain(`overdue-2@${dacoDue}`), WAIT);
      const dacoSent = sentFor(sent, DACO);
      expectSentAtItsTime(dacoSent, `before-7@${dacoDue}`, nineAm(dacoDue, -7));
      expectSentAtItsTime(dacoSent, `before-3@${dacoDue}`, nineAm(dacoDue, -3));
      expectSentAtItsTime(dacoSent, `before-1@${dacoDue}`, nineAm(dacoDue, -1));
      expectSentAtItsTime(dacoSent, `due-day@${dacoDue}`, nineAm(dacoDue, 0));
      expectSentAtItsTime(dacoSent, `overdue-1@${dacoDue}`, nineAm(dacoDue, 1));
      expect(keysOf(dacoSent).every((key) => key.endsWith(`@${dacoDue}`))).toBe(true);
      expect(sentFor(sent, INDIVIDUALS)).toEqual([]);

      await sleepUntil(nineAm(delayedDue, -30) + 2 * MINUTE);
      await vi.waitFor(() => expect(sentFor(sent, INDIVIDUALS)).toHaveLength(1), WAIT);
      expectSentAtItsTime(sentFor(sent, INDIVIDUALS), `before-30@${delayedDue}`, nineAm(delayedDue, -30));
      expect(keysOf(sent).filter((key) => key.endsWith(`@${originalDue}`))).toEqual([]);
      await handle.terminate('test finished');
    });
  });

  it('moves the deadlines to a corrected discovery date and never sends the old keys afterwards', async () => {
    const sent: SentReminder[] = [];
    const taskQueue = newTaskQueue();
    await withWorker(sent, taskQueue, async () => {
      const firstReportedMs = await testEnv().currentTimeMs();
      const firstDate = civilDay(firstReportedMs);
      const oldIndividualsDue = addCalendarDays(firstDate, 60);
      const oldDacoDue = addCalendarDays(firstDate, 10);
      const handle = await startTracking(taskQueue, puertoRicoFacts(firstReportedMs));
      await vi.waitFor(() => expect(keysOf(sentFor(sent, DACO))).toEqual([`before-14@${oldDacoDue}`]), WAIT);

      // The breach was in fact discoverable five days earlier: every clock counts from then.
      const correctedMs = firstReportedMs - 5 * DAY;
      const newIndividualsDue = addCalendarDays(civilDay(correctedMs), 60);
      const newDacoDue = addCalendarDays(civilDay(correctedMs), 10);
      await testEnv().sleep(3_600_000);
      const correctedAtMs = await testEnv().currentTimeMs();
      const status = await handle.executeUpdate(updateFactsUpdate, {
        args: [{ facts: puertoRicoFacts(correctedMs), reason: 'discovery date corrected', requestedBy: 'p.nakamura' }],
      });

      expect(status.obligations.find((entry) => entry.id === INDIVIDUALS)).toMatchObject({
        dueDate: newIndividualsDue,
        nextReminder: { key: `before-30@${newIndividualsDue}` },
      });
      expect(status.obligations.find((entry) => entry.id === DACO)?.dueDate).toBe(newDacoDue);
      expect(status.recomputations.map((entry) => entry.reason)).toEqual([
        'assessment reportable',
        'discovery date corrected',
      ]);

      await sleepUntil(nineAm(oldIndividualsDue, 2) + 5 * MINUTE);
      await vi.waitFor(
        () => expect(keysOf(sentFor(sent, INDIVIDUALS))).toContain(`overdue-7@${newIndividualsDue}`),
        WAIT,
      );
      const afterCorrection = sent.filter((entry) => entry.atMs >= correctedAtMs);
      const oldKeys = keysOf(afterCorrection).filter(
        (key) => key.endsWith(`@${oldIndividualsDue}`) || key.endsWith(`@${oldDacoDue}`),
      );
      expect(oldKeys).toEqual([]);

      const individualsSent = sentFor(sent, INDIVIDUALS);
      for (const days of [30, 14, 7, 3, 1]) {
        expectSentAtItsTime(individualsSent, `before-${days}@${newIndividualsDue}`, nineAm(newIndividualsDue, -days));
      }
      expectSentAtItsTime(individualsSent, `due-day@${newIndividualsDue}`, nineAm(newIndividualsDue, 0));
      expectSentAtItsTime(individualsSent, `overdue-1@${newIndividualsDue}`, nineAm(newIndividualsDue, 1));

      // DACO's new 7-day reminder fell before the correction: it goes out at once, late; the rest on their dates.
      const dacoSent = sentFor(sent, DACO).filter((entry) => entry.atMs >= correctedAtMs);
      expect(dacoSent[0]?.request).toMatchObject({ reminderKey: `before-7@${newDacoDue}`, late: true });
      expect(dacoSent[0]?.atMs).toBeLessThan(correctedAtMs + MINUTE);
      expectSentAtItsTime(dacoSent, `before-3@${newDacoDue}`, nineAm(newDacoDue, -3));
      expectSentAtItsTime(dacoSent, `due-day@${newDacoDue}`, nineAm(newDacoDue, 0));
      await handle.terminate('test finished');
    });
  });
});
