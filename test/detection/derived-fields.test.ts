import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../src/audit/ingest';
import { compileRule } from '../../src/detection/compile-rule';
import { RULE_SETTINGS } from '../../src/detection/evaluate-rules';
import { openPgliteTestStore, type TestStore } from '../support/stores';
import { detectionRule, eventAt, rules } from './rule-harness';

/**
 * How the history fields are computed, as the planner sees it. On PGlite
 * (no autovacuum) and on PostgreSQL right after a bulk ingest the
 * statistics say a tenant has a handful of events; a join of the history
 * with itself was then planned as a nested loop that recomputed a window
 * per row, and a sweep of 16,000 events ran for minutes. Rules now run
 * with nested loops and merge joins off (RULE_SETTINGS), and their joins
 * are of whole sets.
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

  it('are computed over whole sets of events, never by a nested loop, whatever the statistics say', async () => {
    const [rule] = everyHistoryField.rules;
    if (!rule) throw new Error('the rule did not load');
    const scope = { tenantId: TENANT, timeZone: 'UTC' };
    const { sql, params } = compileRule(rule, everyHistoryField.mapping, scope, {
      earliest: '2026-11-01T00:00:00.000000Z',
      latest: '2026-11-01T00:00:00.000000Z',
    });

    const plan = await store.db.transaction(async (tx) => {
      for (const setting of RULE_SETTINGS) await tx.query(setting);
      const { rows } = await tx.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${sql}`, params);
      return rows.map((row) => row['QUERY PLAN']).join('\n');
    });

    expect(plan).toContain('WindowAgg');
    expect(plan).toContain('Hash Join');
    expect(plan).not.toMatch(/Nested Loop|Merge Join/);
  });
});
