import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ensureSmallBreachLogSchedule, SMALL_BREACH_LOG_SCHEDULE_ID } from '../../src/annual-log/schedule';
import { recordSmallBreach } from '../../src/annual-log/small-breach-log';
import type { Config } from '../../src/config/schema';
import { type SmtpSink } from '../../src/messaging/smtp-sink';
import { type TestStore } from '../support/stores';
import { type DevServerWorker, startDevServerWorker } from '../support/dev-server-worker';

const LAST_YEAR = new Date().getUTCFullYear() - 1;

let stack: DevServerWorker;
let config: Readonly<Config>;
let client: Client;
let store: TestStore;
let sink: SmtpSink;

beforeAll(async () => {
  stack = await startDevServerWorker({
    configure: (loaded) => ({
      ...loaded,
      legal: { ...loaded.legal, contacts: [{ name: 'Privacy counsel', email: 'counsel@hospital.test' }] },
    }),
  });
  ({ config, client, store, sink } = stack);
});

afterAll(async () => {
  await client.schedule.getHandle(SMALL_BREACH_LOG_SCHEDULE_ID).delete();
  await stack.stop();
});

function messagesInOutbox(): string[] {
  // Quoted-printable folds long lines with a trailing '='; unfold them to read the text.
  return readdirSync(sink.outboxDir)
    .filter((file) => file.endsWith('.eml'))
    .map((file) => readFileSync(join(sink.outboxDir, file), 'utf8').replace(/=\r?\n/g, ''));
}

describe('the yearly small-breach log reminder', () => {
  it("is scheduled once, on four days before HHS's deadline, and reminds legal of last year's small breaches", async () => {
    for (const [n, individuals] of [
      [1, 40],
      [2, 212],
    ] as const) {
      const ids = { tenantId: 'st-elsewhere', incidentId: `incident-small-${n}` };
      const discoveredAt = `${LAST_YEAR}-0${n + 3}-10T14:00:00.000Z`;
      await recordSmallBreach(store.db, ids, {
        ...ids,
        discoveryYear: LAST_YEAR,
        individuals,
        discoveredAt,
        dueDate: `${LAST_YEAR + 1}-03-01`,
      });
    }

    expect(await ensureSmallBreachLogSchedule(client, config)).toBe('created');
    expect(await ensureSmallBreachLogSchedule(client, config)).toBe('exists');
    const schedule = client.schedule.getHandle(SMALL_BREACH_LOG_SCHEDULE_ID);
    const described = await schedule.describe();
    expect(described.spec.calendars?.map((day) => [day.month, day.dayOfMonth])).toHaveLength(4);

    await schedule.trigger();
    await vi.waitFor(() => expect(messagesInOutbox()).toHaveLength(1), { timeout: 30_000, interval: 250 });

    const [reminder] = messagesInOutbox();
    expect(reminder).toContain(`2 breaches under 500 discovered in ${LAST_YEAR}`);
    expect(reminder).toContain('incident-small-1');
    expect(reminder).toContain('252 individuals in all');
    expect(reminder).toMatch(/To: Privacy counsel <counsel@hospital\.test>/);
  });
});
