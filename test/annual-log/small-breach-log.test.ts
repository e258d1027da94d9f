import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SmallBreachEntry } from '../../src/annual-log/small-breach-entry';
import { listSmallBreaches, recordSmallBreach } from '../../src/annual-log/small-breach-log';
import { storeBackends, type TestStore } from '../support/stores';

function entry(incidentId: string, overrides: Partial<SmallBreachEntry> = {}): SmallBreachEntry {
  return {
    tenantId: 'st-elsewhere',
    incidentId,
    discoveryYear: 2026,
    individuals: 120,
    discoveredAt: '2026-06-02T15:00:00.000Z',
    dueDate: '2027-03-01',
    ...overrides,
  };
}

describe.each(storeBackends())('the small-breach log on $name', (backend) => {
  let store: TestStore;

  beforeEach(async () => {
    store = await backend.open();
  });

  afterEach(async () => {
    await store.dispose();
  });

  it("lists a year's entries across tenants, oldest discovery first, and only that year's", async () => {
    await recordSmallBreach(store.db, entry('inc-b'), entry('inc-b', { discoveredAt: '2026-09-01T12:00:00.000Z' }));
    await recordSmallBreach(store.db, entry('inc-a'), entry('inc-a'));
    await recordSmallBreach(
      store.db,
      entry('inc-old'),
      entry('inc-old', { discoveryYear: 2025, dueDate: '2026-03-01' }),
    );

    const listed = await listSmallBreaches(store.db, 2026);

    expect(listed.map((item) => item.incidentId)).toEqual(['inc-a', 'inc-b']);
    expect(listed[0]).toEqual(entry('inc-a'));
  });

  it('keeps one entry per incident, updated when its facts change, and drops it when it no longer belongs', async () => {
    const ids = { tenantId: 'st-elsewhere', incidentId: 'inc-a' };
    await recordSmallBreach(store.db, ids, entry('inc-a'));
    await recordSmallBreach(store.db, ids, entry('inc-a', { individuals: 300 }));

    expect((await listSmallBreaches(store.db, 2026)).map((item) => item.individuals)).toEqual([300]);

    await recordSmallBreach(store.db, ids, undefined);
    expect(await listSmallBreaches(store.db, 2026)).toEqual([]);
  });

  it('refuses an entry of 500 or more, which HHS must have on its own', async () => {
    await expect(recordSmallBreach(store.db, entry('inc-a'), entry('inc-a', { individuals: 500 }))).rejects.toThrow();
  });

  it('lists one tenant when asked', async () => {
    await recordSmallBreach(store.db, entry('inc-a'), entry('inc-a'));
    await recordSmallBreach(store.db, entry('inc-z', { tenantId: 'mercy' }), entry('inc-z', { tenantId: 'mercy' }));

    expect((await listSmallBreaches(store.db, 2026, 'mercy')).map((item) => item.incidentId)).toEqual(['inc-z']);
  });
});
