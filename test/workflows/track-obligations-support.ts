import { TestWorkflowEnvironment } from '@temporalio/testing';
import { Worker } from '@temporalio/worker';
import { DateTime } from 'luxon';
import { inject } from 'vitest';
import type { Activities } from '../../activities';
import type { LogSmallBreachRequest } from '../../activities/annual-log';
import type { LegalReminderRequest } from '../../activities/legal-reminders';
import type { IncidentFactsInput } from '../../src/obligations';
import { isLateReminder, type ReminderPolicy } from '../../src/obligations/tracking';
import { createDataConverter } from '../../src/temporal/data-converter';
import { installQuietRuntime, randomKeyring, uniqueName, workflowBundle } from '../support/temporal';

/** Shared set-up for the trackObligations tests on the time-skipping server. */

export const DAY = 24 * 3_600_000;
export const MINUTE = 60_000;
/** Real time allowed for an activity to run once its timer fired; generous for a loaded CI machine. */
export const WAIT = { timeout: 15_000, interval: 50 };
export const ZONE = 'America/Chicago';

const dataConverter = createDataConverter(randomKeyring());
let env: TestWorkflowEnvironment | undefined;

export async function startEnvironment(): Promise<void> {
  installQuietRuntime();
  env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: inject('temporalTestServer') } },
    client: { dataConverter },
  });
}

export async function stopEnvironment(): Promise<void> {
  await env?.teardown();
}

export function testEnv(): TestWorkflowEnvironment {
  if (!env) throw new Error('the time-skipping environment did not start');
  return env;
}

export interface SentReminder {
  request: LegalReminderRequest;
  atMs: number;
}

/** Every logSmallBreach call the fake activities saw, across tests; filter by incident id. */
export const smallBreachLogCalls: LogSmallBreachRequest[] = [];

/** Runs a worker whose sendLegalReminder records each reminder with the virtual time it went out. */
export async function withWorker(
  sent: SentReminder[],
  taskQueue: string,
  run: () => Promise<void>,
  policy: ReminderPolicy = { daysBefore: [30, 14, 7, 3, 1], hour: 9 },
  beforeSend: () => Promise<void> = () => Promise.resolve(),
): Promise<void> {
  const activities: Pick<Activities, 'sendLegalReminder' | 'legalReminderPolicy' | 'logSmallBreach'> = {
    legalReminderPolicy: () => Promise.resolve(policy),
    logSmallBreach: (request) => {
      smallBreachLogCalls.push(request);
      return Promise.resolve();
    },
    sendLegalReminder: async (request) => {
      await beforeSend();
      const atMs = await testEnv().currentTimeMs();
      // As the real activity does: a send that retried past its time says it is late.
      sent.push({ request: { ...request, late: request.late || isLateReminder(request.scheduledAt, atMs) }, atMs });
      return { messageId: `<${request.reminderKey}>`, emails: 1, texts: 0 };
    },
  };
  const worker = await Worker.create({
    connection: testEnv().nativeConnection,
    taskQueue,
    workflowBundle: await workflowBundle(),
    activities,
    dataConverter,
  });
  await worker.runUntil(run());
}

/** A covered entity in Chicago; 120 Georgia residents' names and medical data, which Georgia's statute does not cover. */
export function chicagoFacts(discoveredAtMs: number, overrides: Partial<IncidentFactsInput> = {}): IncidentFactsInput {
  const discoveredAt = DateTime.fromMillis(discoveredAtMs, { zone: ZONE }).toISO() ?? '';
  return {
    discoveredAt,
    timeZone: ZONE,
    entityRole: 'covered-entity',
    breach: {
      startedAt:
        DateTime.fromMillis(discoveredAtMs - 10 * DAY)
          .toUTC()
          .toISO() ?? '',
    },
    affected: [{ jurisdiction: 'US-GA', count: 120 }],
    dataElements: ['name', 'medical'],
    encryption: { encrypted: false, keyCompromised: false },
    ...overrides,
  };
}

/** 09:00 in Chicago on the civil day `days` from `date`. */
export function nineAm(date: string, days: number): number {
  return DateTime.fromISO(date, { zone: ZONE }).plus({ days }).set({ hour: 9 }).toMillis();
}

export function newTaskQueue(): string {
  return uniqueName('obligations');
}

export function newIncidentId(): string {
  return uniqueName('incident');
}
