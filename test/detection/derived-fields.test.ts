import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/audit/ingest';
import { compileRule } from '../../src/detection/compile-rule';
import { openPgliteTestStore, type TestStore } from '../support/stores';
import { detectionRule, eventAt, rules } from './rule-harness';

/**
 * How the history fields are computed, as the planner sees it. On PGlite
 * (no autovacuum) and on PostgreSQL right after a bulk ingest the
 * statistics say a tenant has a handful of events; a join of the history
 * with itself was then planned as a nested loop that recomputed a window
 * per row, and a sweep of 16,000 events ran for minutes.
 */

const TENANT = 'derived-hospital';

const everyHistoryField = rules(
  detectionRule(
    [
      '  hour:\n    hour_unusual_for_user: true',
      '  network:\n    network_new_for_user: true',
      '  patient:\n    patient_new_for_user: true',
    ].join('\n'),
    '1 of them',
  ),
);

describe('derived history fields', () => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openPgliteTestStore();
    const events = Array.from({ length: 2_000 }, (_, n) =>
      eventAt(n, n * 90, { tenant_id: TENANT, user_id: `stf-${n % 20}` }),
    );
    await ingest(store.db, events);
  });

  afterAll(async () => {
    await store.dispose();
  });

  it('are read in one pass over the history, with no join, whatever the statistics say', async () => {
    const [rule] = everyHistoryField.rules;
    if (!rule) throw new Error('the rule did not load');
    const { sql, params } = compileRule(rule, everyHistoryField.mapping, { tenantId: TENANT, timeZone: 'UTC' });

    const { rows } = await store.db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
    const plan = rows.map((row) => row['QUERY PLAN']).join('\n');

    expect(plan).toContain('WindowAgg');
    expect(plan).not.toMatch(/Join|Nested Loop/);
  });
});
