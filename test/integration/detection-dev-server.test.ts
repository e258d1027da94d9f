import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ingest } from '../../src/audit/ingest';
import { wakeSweeper } from '../../src/client/detection';
import { getIncidentStatus, listIncidents } from '../../src/client/incidents';
import type { Config } from '../../src/config/schema';
import { DETECTION_SWEEPER_ID } from '../../workflows/sweep-messages';
import { auditEvents } from '../support/audit-events';
import { type TestStore } from '../support/stores';
import { type DevServerWorker, startDevServerWorker } from '../support/dev-server-worker';

/** Detection end to end: events ingested, the sweeper woken, an incident opened by the rule pack. */

const TENANT = 'sweep-hospital';
const WAIT = { timeout: 30_000, interval: 250 };

let stack: DevServerWorker;
let config: Readonly<Config>;
let client: Client;
let store: TestStore;

beforeAll(async () => {
  stack = await startDevServerWorker({ detection: true });
  ({ config, client, store } = stack);
});

afterAll(async () => {
  await client.workflow.getHandle(DETECTION_SWEEPER_ID).terminate('test finished');
  await stack.stop();
});

/** One user reads 120 distinct patients' charts in 40 minutes of the last full hour (the rule's windows are clock hours). */
function snoopingSpree() {
  const hour = 3_600_000;
  const start = Math.floor(Date.now() / hour) * hour - hour;
  return auditEvents(120, 0, { user_id: 'stf-0417', tenant_id: TENANT }).map((event, index) => ({
    ...event,
    occurred_at: new Date(start + index * 20_000).toISOString(),
  }));
}

describe('detection on the dev server', () => {
  it('opens an incident from a rule that fires over ingested events, and alerts on those events only once', async () => {
    await ingest(store.db, snoopingSpree());

    await wakeSweeper(client, config);
    const incidentId = await vi.waitFor(async () => {
      const [found] = await listIncidents(client, { tenantId: TENANT, ruleId: 'prm-mass-record-access' });
      expect(found).toBeDefined();
      return found?.incidentId ?? '';
    }, WAIT);
    const opened = await getIncidentStatus(client, incidentId);
    await wakeSweeper(client, config);
    await wakeSweeper(client, config);
    const sweeper = client.workflow.getHandle(DETECTION_SWEEPER_ID);
    await vi.waitFor(async () => {
      const history = await sweeper.fetchHistory();
      const sweeps = (history.events ?? []).filter((event) => event.activityTaskCompletedEventAttributes);
      expect(sweeps.length).toBeGreaterThanOrEqual(2);
    }, WAIT);

    expect(opened.ruleIds).toContain('prm-mass-record-access');
    expect(opened.severity).toBe('high');
    expect((await getIncidentStatus(client, incidentId)).alertCount).toBe(opened.alertCount);
    await client.workflow.getHandle(incidentId).terminate('test finished');
  });
});
