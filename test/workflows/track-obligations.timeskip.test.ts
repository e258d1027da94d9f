import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addCalendarDays, civilDateOf } from '../../src/obligations';
import {
  obligationsStatusQuery,
  recordObligationMetUpdate,
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
  smallBreachLogCalls,
  withWorker,
  ZONE,
  type SentReminder,
} from './track-obligations-support';

// Time skipping is global to a test server, and an activity in flight when a test ends can hold it; each test gets its own.
beforeEach(() => startEnvironment());
afterEach(() => stopEnvironment());

async function startTracking(taskQueue: string, discoveredAtMs: number) {
  const incidentId = newIncidentId();
  return testEnv().client.workflow.start<typeof trackObligations>('trackObligations', {
    workflowId: trackObligationsWorkflowId(incidentId),
    taskQueue,
    args: [{ incidentId, tenantId: 'st-elsewhere', facts: chicagoFacts(discoveredAtMs) as never }],
  });
}

/** The default reminders of one obligation: 30, 14, 7, 3 and 1 days before, the due day, then daily, escalating. */
function scheduleOf(id: string, dueDate: string): Expected[] {
  const before = [30, 14, 7, 3, 1].map((days) => ({
    id,
    key: `before-${days}@${dueDate}`,
    atMs: nineAm(dueDate, -days),
    level: 0,
  }));
  const overdue = [1, 2].map((days) => ({
    id,
    key: `overdue-${days}@${dueDate}`,
    atMs: nineAm(dueDate, days),
    level: days,
  }));

  return [...before, { id, key: `due-day@${dueDate}`, atMs: nineAm(dueDate, 0), level: 0 }, ...overdue];
}

interface Expected {
  id: string;
  key: string;
  atMs: number;
  level: number;
}

/** Sleeps to just before `atMs` (nothing new sent), then just past it (exactly the expected ones sent, at their time). */
async function expectRemindersAt(sent: SentReminder[], atMs: number, expected: Expected[]): Promise<void> {
  const before = sent.length;
  await testEnv().sleep(atMs - MINUTE - (await testEnv().currentTimeMs()));
  expect(sent).toHaveLength(before);

  await testEnv().sleep(2 * MINUTE);
  await vi.waitFor(() => expect(sent).toHaveLength(before + expected.length), WAIT);
  const latest = sent.slice(before);
  for (const entry of latest) {
    expect(entry.atMs).toBeGreaterThanOrEqual(atMs);
    expect(entry.atMs).toBeLessThan(atMs + 2 * MINUTE);
  }
  const got = latest.map(({ request }) => [
    request.obligationId,
    request.reminderKey,
    request.escalationLevel,
    request.late,
  ]);
  expect(got.sort()).toEqual(expected.map((entry) => [entry.id, entry.key, entry.level, false]).sort());
}

describe('trackObligations on the time-skipping server', () => {
  it('sends every reminder at its time over 60 days, escalates when overdue, and stops once met', async () => {
    const sent: SentReminder[] = [];
    const taskQueue = newTaskQueue();
    await withWorker(sent, taskQueue, async () => {
      const discoveredAtMs = await testEnv().currentTimeMs();
      const handle = await startTracking(taskQueue, discoveredAtMs);

      // HIPAA's 60 calendar days from the discovery day, and the annual log 60 days after the year ends.
      const discoveryDate = civilDateOf(new Date(discoveredAtMs).toISOString(), ZONE);
      const individualsDue = addCalendarDays(discoveryDate, 60);
      const logDue = addCalendarDays(`${discoveryDate.slice(0, 4)}-12-31`, 60);
      const status = await handle.query(obligationsStatusQuery);
      expect(status.obligations.map((entry) => [entry.id, entry.dueDate])).toEqual([
        ['HIPAA/individuals', individualsDue],
        ['HIPAA/hhs-annual-log', logDue],
      ]);
      expect(status.obligations[0]?.nextReminder?.key).toBe(`before-30@${individualsDue}`);

      // The run ends at the second overdue reminder of the individual notice; the annual log's own
      // reminders fall inside that window or not depending on the day of the year the test runs.
      const windowEndMs = nineAm(individualsDue, 2);
      const expected = [
        ...scheduleOf('HIPAA/individuals', individualsDue),
        ...scheduleOf('HIPAA/hhs-annual-log', logDue),
      ]
        .filter((entry) => entry.atMs <= windowEndMs)
        .sort((a, b) => a.atMs - b.atMs);
      expect(expected.filter((entry) => entry.id === 'HIPAA/individuals')).toHaveLength(8);

      const times = [...new Set(expected.map((entry) => entry.atMs))];
      for (const atMs of times) {
        await expectRemindersAt(
          sent,
          atMs,
          expected.filter((entry) => entry.atMs === atMs),
        );
      }
      expect(sent.find((entry) => entry.request.kind === 'overdue')?.request.daysRemaining).toBe(-1);

      await handle.executeUpdate(recordObligationMetUpdate, {
        args: [
          {
            obligationId: 'HIPAA/individuals',
            metAt: new Date(await testEnv().currentTimeMs()).toISOString(),
            method: 'first-class-mail',
            reference: 'USPS batch 2027-0042',
            recordedBy: 'j.lee',
          },
        ],
      });
      const afterMet = sent.length;
      await testEnv().sleep(5 * DAY);
      expect(sent.slice(afterMet).filter((entry) => entry.request.obligationId === 'HIPAA/individuals')).toHaveLength(
        0,
      );

      const final = await handle.query(obligationsStatusQuery);
      const individuals = final.obligations.find((entry) => entry.id === 'HIPAA/individuals');
      expect(individuals?.met).toMatchObject({ method: 'first-class-mail', reference: 'USPS batch 2027-0042' });
      expect(individuals?.nextReminder).toBeUndefined();
      expect((await testEnv().currentTimeMs()) - discoveredAtMs).toBeGreaterThan(60 * DAY);
      await handle.terminate('test finished');
    });
  });

  it('sends the reminders that fell due while mail was down once each, late, when it comes back', async () => {
    const sent: SentReminder[] = [];
    const taskQueue = newTaskQueue();
    const startMs = await testEnv().currentTimeMs();
    const discoveredAtMs = startMs - 56 * DAY;
    const individualsDue = addCalendarDays(civilDateOf(new Date(discoveredAtMs).toISOString(), ZONE), 60);
    const policy = { daysBefore: [1], hour: 9 };
    // The time-skipping server stops its clock while a workflow task waits for a worker, so the outage is
    // the mail relay's: the first reminder's activity fails and retries while the next ones fall due.
    const outageUntilMs = nineAm(individualsDue, 0) + 30 * MINUTE;
    let attempts = 0;
    const failWhileDown = async (): Promise<void> => {
      attempts += 1;
      if ((await testEnv().currentTimeMs()) < outageUntilMs) throw new Error('mail relay unreachable');
    };

    await withWorker(
      sent,
      taskQueue,
      async () => {
        const handle = await testEnv().client.workflow.start<typeof trackObligations>('trackObligations', {
          workflowId: trackObligationsWorkflowId(newIncidentId()),
          taskQueue,
          args: [
            { incidentId: 'incident-outage', tenantId: 'st-elsewhere', facts: chicagoFacts(discoveredAtMs) as never },
          ],
        });
        await testEnv().sleep(outageUntilMs + 20 * MINUTE - startMs);
        await vi.waitFor(() => expect(sent).toHaveLength(2), WAIT);
        await testEnv().sleep(2 * 3_600_000);
        await handle.terminate('test finished');
      },
      policy,
      failWhileDown,
    );

    expect(attempts).toBeGreaterThan(2);
    expect(sent.map((entry) => [entry.request.reminderKey, entry.request.late])).toEqual([
      [`before-1@${individualsDue}`, true],
      [`due-day@${individualsDue}`, true],
    ]);
    for (const entry of sent) expect(entry.atMs).toBeGreaterThanOrEqual(outageUntilMs);
  });

  it('keeps the incident in the small-breach log while under 500, and takes it out when a correction reaches 500', async () => {
    const sent: SentReminder[] = [];
    const taskQueue = newTaskQueue();
    await withWorker(sent, taskQueue, async () => {
      const discoveredAtMs = await testEnv().currentTimeMs();
      const handle = await startTracking(taskQueue, discoveredAtMs);
      const incidentId = handle.workflowId.replace(/^obligations-/, '');
      const callsFor = () => smallBreachLogCalls.filter((call) => call.incidentId === incidentId);
      await vi.waitFor(() => expect(callsFor()).toHaveLength(1), WAIT);

      await handle.executeUpdate(updateFactsUpdate, {
        args: [
          {
            facts: chicagoFacts(discoveredAtMs, { affected: [{ jurisdiction: 'US-GA', count: 520 }] }),
            reason: 'Georgia count corrected',
            requestedBy: 'p.nakamura',
          },
        ],
      });
      await vi.waitFor(() => expect(callsFor()).toHaveLength(2), WAIT);

      const year = Number(civilDateOf(new Date(discoveredAtMs).toISOString(), ZONE).slice(0, 4));
      expect(callsFor()[0]?.entry).toMatchObject({
        individuals: 120,
        discoveryYear: year,
        dueDate: addCalendarDays(`${year}-12-31`, 60),
      });
      expect(callsFor()[1]?.entry).toBeUndefined();
      await handle.terminate('test finished');
    });
  });

  it('continues as new as its history grows, sending each reminder once across runs', async () => {
    const sent: SentReminder[] = [];
    const taskQueue = newTaskQueue();
    await withWorker(sent, taskQueue, async () => {
      const discoveredAtMs = await testEnv().currentTimeMs();
      const incidentId = newIncidentId();
      const handle = await testEnv().client.workflow.start<typeof trackObligations>('trackObligations', {
        workflowId: trackObligationsWorkflowId(incidentId),
        taskQueue,
        args: [
          { incidentId, tenantId: 'st-elsewhere', facts: chicagoFacts(discoveredAtMs) as never, historyLimit: 60 },
        ],
      });
      const individualsDue = addCalendarDays(civilDateOf(new Date(discoveredAtMs).toISOString(), ZONE), 60);

      await testEnv().sleep(nineAm(individualsDue, 2) + MINUTE - discoveredAtMs);
      await vi.waitFor(
        () => expect(sent.filter((entry) => entry.request.obligationId === 'HIPAA/individuals')).toHaveLength(8),
        WAIT,
      );

      const keys = sent.map((entry) => `${entry.request.obligationId} ${entry.request.reminderKey}`);
      expect(new Set(keys).size).toBe(keys.length);
      expect((await handle.describe()).runId).not.toBe(handle.firstExecutionRunId);
      const status = await handle.query(obligationsStatusQuery);
      expect(status.obligations.find((entry) => entry.id === 'HIPAA/individuals')?.remindersSent).toBe(8);
      await handle.terminate('test finished');
    });
  });
});
