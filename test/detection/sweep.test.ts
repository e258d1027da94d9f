import { MockActivityEnvironment } from '@temporalio/testing';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createDetectionActivities, type SweepReport } from '../../activities/detection';
import { ingest } from '../../src/audit/ingest';
import type { RuleSet } from '../../src/detection/evaluate-rules';
import { loadFieldMapping } from '../../src/detection/field-mapping';
import { loadRules } from '../../src/detection/load-rules';
import { DEFAULT_RULES_DIR } from '../../src/detection/sweep/rule-pack';
import { advanceWatermark, pendingSweeps } from '../../src/detection/sweep/watermarks';
import type { Alert } from '../../src/incidents/alert';
import { auditEvents } from '../support/audit-events';
import { storeBackends, type TestStore } from '../support/stores';
import { memoryLogger } from '../support/temporal';

/** 120 distinct patients' charts read by one user in 40 minutes: the mass-record-access rule fires. */
function snoopingSpree(from = 0) {
  return auditEvents(120, from, { user_id: 'stf-0417' }).map((event, index) => ({
    ...event,
    occurred_at: new Date(Date.UTC(2026, 10, 3, 15, 0, 0) + (from + index) * 20_000).toISOString(),
  }));
}

let ruleSet: RuleSet;

beforeAll(async () => {
  const loaded = await loadRules([DEFAULT_RULES_DIR], loadFieldMapping());
  expect(loaded.problems).toEqual([]);
  ruleSet = { rules: loaded.rules, mapping: loaded.mapping };
});

describe.each(storeBackends())('the detection sweep on $name', (backend) => {
  let store: TestStore;
  let raised: Alert[];
  let sweep: () => Promise<SweepReport>;

  beforeEach(async () => {
    store = await backend.open();
    raised = [];
    const activities = createDetectionActivities({
      store: store.db,
      logger: memoryLogger().logger,
      ruleSet,
      raiseAlert: (alert) => {
        raised.push(alert);
        return Promise.resolve(`incident-for-${alert.dedupKey.slice(0, 8)}`);
      },
    });
    sweep = () => new MockActivityEnvironment().run(() => activities.runDetectionSweep());
  });

  afterEach(async () => {
    await store.dispose();
  });

  it('raises an alert for a rule that fires over new events, with counts and never the patients in its summary', async () => {
    await ingest(store.db, snoopingSpree());

    const report = await sweep();

    expect(report).toMatchObject({ tenants: 1, events: 120, more: false });
    const mass = raised.filter((alert) => alert.ruleId === 'prm-mass-record-access');
    expect(mass).toHaveLength(1);
    expect(mass[0]).toMatchObject({ tenantId: 'st-elsewhere', severity: 'high', subject: { userId: 'stf-0417' } });
    expect(mass[0]?.summary).not.toMatch(/pat-\d+/);
    const times = snoopingSpree().map((event) => Date.parse(event.occurred_at));
    const between = mass[0]?.eventsBetween;
    expect([Date.parse(between?.from ?? ''), Date.parse(between?.to ?? '')]).toEqual([
      Math.min(...times),
      Math.max(...times),
    ]);
  });

  it('alerts on an event once: a second sweep with nothing new raises nothing', async () => {
    await ingest(store.db, snoopingSpree());
    await sweep();
    const first = raised.length;

    const report = await sweep();

    expect(first).toBeGreaterThan(0);
    expect(report.tenants).toBe(0);
    expect(raised).toHaveLength(first);
  });

  it('raises the same alert ids when a sweep is repeated before its watermark moved, so incidents drop them', async () => {
    await ingest(store.db, snoopingSpree());
    await sweep();
    const firstIds = raised.map((alert) => alert.alertId);
    await store.db.query('DELETE FROM sweeper_watermarks');
    raised = [];

    await sweep();

    expect(raised.map((alert) => alert.alertId)).toEqual(firstIds);
  });

  it('feeds the incident of a window again when late events join it, under the same dedup key', async () => {
    await ingest(store.db, snoopingSpree().slice(0, 110));
    await sweep();
    const [first] = raised.filter((alert) => alert.ruleId === 'prm-mass-record-access');

    await ingest(store.db, snoopingSpree().slice(110));
    await sweep();
    const again = raised.filter((alert) => alert.ruleId === 'prm-mass-record-access');

    expect(again).toHaveLength(2);
    expect(again[1]?.dedupKey).toBe(first?.dedupKey);
    expect(again[1]?.alertId).not.toBe(first?.alertId);
  });

  it('moves a watermark only from where the sweep began, so two sweepers never both move it', async () => {
    await ingest(store.db, snoopingSpree().slice(0, 10));
    const [pending] = await pendingSweeps(store.db, 4);

    expect(pending).toEqual({ tenantId: 'st-elsewhere', afterSeq: 0, uptoSeq: 4, headSeq: 10 });
    expect(await advanceWatermark(store.db, pending ?? { tenantId: '', afterSeq: 0, uptoSeq: 0, headSeq: 0 })).toBe(
      true,
    );
    expect(await advanceWatermark(store.db, { tenantId: 'st-elsewhere', afterSeq: 0, uptoSeq: 9, headSeq: 10 })).toBe(
      false,
    );
    expect(await pendingSweeps(store.db, 100)).toEqual([
      { tenantId: 'st-elsewhere', afterSeq: 4, uptoSeq: 10, headSeq: 10 },
    ]);
  });
});
