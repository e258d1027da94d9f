import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/audit/event';
import { ingest } from '../../src/audit/ingest';
import { evaluateRules, type RuleMatch, type SweepScope } from '../../src/detection';
import { auditEvent } from '../support/audit-events';
import { storeBackends, type TestStore } from '../support/stores';
import { alertsFor, rules } from './rule-harness';

/**
 * Correlation and per-user alert windows at their edges. Windows are
 * tumbling and aligned to the Unix epoch, start inclusive and end
 * exclusive (compile-occurrences.ts), so on 2 November 2026 a 10m window
 * runs 14:00:00 up to but not including 14:10:00, a 1h window 14:00 to
 * 15:00 and a 1d window is the UTC day. Times below are written out to
 * the microsecond, the store's precision, so "the last instant of a
 * window" is exact rather than a rounded millisecond.
 */

const DAY = '2026-11-02';
const NEXT_DAY = '2026-11-03';

/** An instant on DAY (or another date) in UTC, from a wall-clock time such as '14:09:59.999999'. */
const utc = (time: string, date = DAY): string => `${date}T${time}Z`;

/** What the store gives back for an instant: UTC, always six fractional digits. */
const stored = (time: string, date = DAY): string => {
  const [whole = '', fraction = ''] = time.split('.');
  return `${date}T${whole}.${fraction.padEnd(6, '0')}Z`;
};

const USER = 'stf-0001';

/** Event n (its own patient unless told otherwise), by USER at `time`. */
function read(n: number, time: string, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return auditEvent(n, { occurred_at: utc(time), user_id: USER, ...overrides });
}

function login(n: number, time: string): AuditEventInput {
  return read(n, time, { action: 'login', resource_type: 'Session', patient_id: null, phi_accessed: false });
}

function exported(n: number, time: string): AuditEventInput {
  return read(n, time, { action: 'export', resource_type: 'Claim', patient_id: null, details: { format: 'csv' } });
}

const CHART_READ = `title: Chart read
name: chart_read
id: chart-read
logsource: { product: prm }
detection:
  selection:
    action: read
  condition: selection
`;

const LOGIN_AND_EXPORT = `title: Successful login
name: login_ok
id: login-ok
logsource: { product: prm }
detection:
  selection:
    action: login
    outcome: success
  condition: selection
---
title: Export
name: export_any
id: export-any
logsource: { product: prm }
detection:
  selection:
    action: export
  condition: selection
`;

/** A correlation over the chart reads by user; `condition` is the YAML under `condition:`, indented by four. */
function readCorrelation(type: 'event_count' | 'value_count', condition: string, timespan = '10m'): string {
  return (
    `${CHART_READ}---\ntitle: Many chart reads\nid: many-reads\ncorrelation:\n  type: ${type}\n` +
    `  rules: [chart_read]\n  group-by: [user_id]\n  timespan: ${timespan}\n  condition:\n${condition}\n`
  );
}

const atLeast = (count: number): string => `    gte: ${count}`;

function loginThenExport(type: 'temporal' | 'temporal_ordered'): string {
  return (
    `${LOGIN_AND_EXPORT}---\ntitle: Login and export\nid: login-and-export\ncorrelation:\n  type: ${type}\n` +
    `  rules: [login_ok, export_any]\n  group-by: [user_id]\n  timespan: 10m\n`
  );
}

const windows = (matches: readonly RuleMatch[]): string[] => matches.map((match) => match.window.start);

describe.each(storeBackends())('alert windows at their edges on $name', (backend) => {
  let store: TestStore;
  let tests = 0;
  let tenantId = '';

  beforeAll(async () => {
    store = await backend.open();
  });

  afterAll(async () => {
    await store.dispose();
  });

  // Opening a store per test costs more than the test; a tenant of its own isolates it as well.
  beforeEach(() => {
    tests += 1;
    tenantId = `edges-${tests}`;
  });

  const own = (events: readonly AuditEventInput[]): AuditEventInput[] =>
    events.map((event) => ({ ...event, tenant_id: tenantId }));

  /** Stores the events in this test's tenant, then evaluates the rules over that tenant. */
  const alerts = (text: string, events: readonly AuditEventInput[], scope: SweepScope = {}): Promise<RuleMatch[]> =>
    alertsFor(store.db, rules(text), own(events), { ...scope, tenantId });

  /** A later sweep of this test's tenant, over events after `afterSeq`. */
  const sweep = (text: string, afterSeq: number): Promise<RuleMatch[]> =>
    evaluateRules(store.db, rules(text), { tenantId, afterSeq });

  describe('an event_count of at least 3 in 10 minutes', () => {
    const threeReads = readCorrelation('event_count', atLeast(3));

    it('fires once when a window holds exactly the threshold, over that whole window', async () => {
      const events = [read(1, '14:01:00'), read(2, '14:02:00'), read(3, '14:03:00')];

      const matches = await alerts(threeReads, events);

      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({
        ruleId: 'many-reads',
        group: { user_id: USER },
        window: { start: '2026-11-02T14:00:00.000Z', end: '2026-11-02T14:10:00.000Z' },
        eventCount: 3,
      });
    });

    it('does not fire when a window holds one event fewer than the threshold', async () => {
      const events = [read(1, '14:01:00'), read(2, '14:02:00')];

      expect(await alerts(threeReads, events)).toEqual([]);
    });

    it('counts an event at exactly the window start in that window', async () => {
      const events = [read(1, '14:00:00'), read(2, '14:05:00'), read(3, '14:09:00')];

      const matches = await alerts(threeReads, events);

      expect(windows(matches)).toEqual(['2026-11-02T14:00:00.000Z']);
      expect(matches[0]?.firstEventAt).toBe(stored('14:00:00'));
    });

    it('counts an event at the last microsecond before the window end in that window', async () => {
      const events = [read(1, '14:05:00'), read(2, '14:09:00'), read(3, '14:09:59.999999')];

      const matches = await alerts(threeReads, events);

      expect(windows(matches)).toEqual(['2026-11-02T14:00:00.000Z']);
      expect(matches[0]?.lastEventAt).toBe(stored('14:09:59.999999'));
    });

    it('puts an event at exactly the window end into the next window, so neither reaches the threshold', async () => {
      const events = [read(1, '14:05:00'), read(2, '14:09:00'), read(3, '14:10:00')];

      expect(await alerts(threeReads, events)).toEqual([]);
    });

    it('splits a burst that straddles a boundary, so four reads in four seconds reach 3 in neither window', async () => {
      const events = [read(1, '14:09:58'), read(2, '14:09:59'), read(3, '14:10:00'), read(4, '14:10:01')];

      expect(await alerts(threeReads, events)).toEqual([]);
    });

    it('fires once per window, under different dedup keys, when a straddling burst reaches 3 on both sides', async () => {
      const before = [read(1, '14:09:57'), read(2, '14:09:58'), read(3, '14:09:59.999999')];
      const after = [read(4, '14:10:00'), read(5, '14:10:01'), read(6, '14:10:02')];

      const matches = await alerts(threeReads, [...before, ...after]);

      expect(windows(matches)).toEqual(['2026-11-02T14:00:00.000Z', '2026-11-02T14:10:00.000Z']);
      expect(matches.map((match) => match.eventCount)).toEqual([3, 3]);
      expect(new Set(matches.map((match) => match.dedupKey)).size).toBe(2);
    });

    it("does not add another user's events in the same window to the group", async () => {
      const events = [read(1, '14:01:00'), read(2, '14:02:00'), read(3, '14:03:00', { user_id: 'stf-0002' })];

      expect(await alerts(threeReads, events)).toEqual([]);
    });

    it('fires when the event that reaches the threshold arrives in a later sweep, counting the earlier two', async () => {
      const first = await ingest(store.db, own([read(1, '14:01:00'), read(2, '14:02:00')]));
      const watermark = first.tenants[0]?.lastSeq ?? 0;
      expect(await sweep(threeReads, 0)).toEqual([]);

      await ingest(store.db, own([read(3, '14:09:59.999999')]));
      const matches = await sweep(threeReads, watermark);

      expect(matches).toHaveLength(1);
      expect(matches[0]).toMatchObject({ eventCount: 3, newEventCount: 1 });
    });

    it('does not count a late event stamped just before a boundary towards the window after it', async () => {
      const first = await ingest(store.db, own([read(1, '14:10:00'), read(2, '14:11:00')]));
      const watermark = first.tenants[0]?.lastSeq ?? 0;

      await ingest(store.db, own([read(3, '14:09:59.999999')]));
      const matches = await sweep(threeReads, watermark);

      expect(matches).toEqual([]);
    });
  });

  describe('a strict threshold (gt: 3)', () => {
    const moreThanThree = readCorrelation('event_count', '    gt: 3');

    it('does not fire on exactly 3', async () => {
      const events = [read(1, '14:01:00'), read(2, '14:02:00'), read(3, '14:03:00')];

      expect(await alerts(moreThanThree, events)).toEqual([]);
    });

    it('fires on 4', async () => {
      const events = [read(1, '14:01:00'), read(2, '14:02:00'), read(3, '14:03:00'), read(4, '14:04:00')];

      expect(windows(await alerts(moreThanThree, events))).toEqual(['2026-11-02T14:00:00.000Z']);
    });
  });

  describe('a value_count of at least 3 distinct patients in 10 minutes', () => {
    const threePatients = readCorrelation('value_count', `    field: patient_id\n${atLeast(3)}`);

    it('fires on exactly 3 distinct patients', async () => {
      const events = [read(1, '14:00:00'), read(2, '14:04:00'), read(3, '14:09:59.999999')];

      const matches = await alerts(threePatients, events);

      expect(windows(matches)).toEqual(['2026-11-02T14:00:00.000Z']);
    });

    it('does not fire on 2 distinct patients, however many reads of them', async () => {
      const events = [1, 2, 3, 4, 5, 6].map((n) => read(n, `14:0${n}:00`, { patient_id: `pat-${n % 2}` }));

      expect(await alerts(threePatients, events)).toEqual([]);
    });

    it('does not count a third patient read at exactly the window end', async () => {
      const events = [read(1, '14:00:00'), read(2, '14:05:00'), read(3, '14:10:00')];

      expect(await alerts(threePatients, events)).toEqual([]);
    });
  });

  describe('a temporal correlation of a login and an export in 10 minutes', () => {
    const both = loginThenExport('temporal');

    it('fires when one is at the window start and the other at its last microsecond', async () => {
      const events = [exported(1, '14:00:00'), login(2, '14:09:59.999999')];

      const matches = await alerts(both, events);

      expect(windows(matches)).toEqual(['2026-11-02T14:00:00.000Z']);
    });

    it('does not fire when the two are a microsecond apart across a window boundary', async () => {
      const events = [login(1, '14:09:59.999999'), exported(2, '14:10:00')];

      expect(await alerts(both, events)).toEqual([]);
    });
  });

  describe('a temporal_ordered correlation of a login then an export in 10 minutes', () => {
    const ordered = loginThenExport('temporal_ordered');

    it('fires on a login at the window start followed by an export at its last microsecond', async () => {
      const events = [login(1, '14:00:00'), exported(2, '14:09:59.999999')];

      expect(windows(await alerts(ordered, events))).toEqual(['2026-11-02T14:00:00.000Z']);
    });

    it('does not fire on the same two in the reverse order', async () => {
      const events = [exported(1, '14:00:00'), login(2, '14:09:59.999999')];

      expect(await alerts(ordered, events)).toEqual([]);
    });

    it('does not fire when the export falls at exactly the start of the next window', async () => {
      const events = [login(1, '14:09:59'), exported(2, '14:10:00')];

      expect(await alerts(ordered, events)).toEqual([]);
    });
  });

  describe('a 1d event_count of at least 3', () => {
    const threeADay = readCorrelation('event_count', atLeast(3), '1d');

    it('counts to the last microsecond of the UTC day and reports the window as that day', async () => {
      const events = [read(1, '00:00:00'), read(2, '12:00:00'), read(3, '23:59:59.999999')];

      const matches = await alerts(threeADay, events);

      expect(matches.map((match) => match.window)).toEqual([
        { start: '2026-11-02T00:00:00.000Z', end: '2026-11-03T00:00:00.000Z' },
      ]);
    });

    it('does not count an event at midnight UTC towards the day before', async () => {
      const events = [
        read(1, '23:59:58'),
        read(2, '23:59:59.999999'),
        read(3, '00:00:00', { occurred_at: utc('00:00:00', NEXT_DAY) }),
      ];

      expect(await alerts(threeADay, events)).toEqual([]);
    });
  });

  describe('a plain rule, alerting per user and hour, and the sweep bounds', () => {
    it("gathers a plain rule's matches from the hour start to its last microsecond into one alert", async () => {
      const events = [read(1, '14:00:00'), read(2, '14:59:59.999999')];

      const matches = await alerts(CHART_READ, events);

      expect(matches.map((match) => [match.window.start, match.window.end, match.eventCount])).toEqual([
        ['2026-11-02T14:00:00.000Z', '2026-11-02T15:00:00.000Z', 2],
      ]);
    });

    it('raises two alerts for matches a microsecond apart across an hour boundary', async () => {
      const events = [read(1, '14:59:59.999999'), read(2, '15:00:00')];

      const matches = await alerts(CHART_READ, events);

      expect(windows(matches)).toEqual(['2026-11-02T14:00:00.000Z', '2026-11-02T15:00:00.000Z']);
    });

    it('counts an event at exactly `since` and leaves out one at exactly `until`', async () => {
      const events = [read(1, '13:59:59.999999'), read(2, '14:00:00'), read(3, '14:30:00'), read(4, '15:00:00')];
      const scope = { since: utc('14:00:00'), until: utc('15:00:00') };

      const matches = await alerts(CHART_READ, events, scope);

      expect(matches.map((match) => [match.firstEventAt, match.lastEventAt, match.eventCount])).toEqual([
        [stored('14:00:00'), stored('14:30:00'), 2],
      ]);
    });
  });
});
