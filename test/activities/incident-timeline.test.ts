import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  createTimelineActivities,
  type TimelineEntryRequest,
  timelineEventId,
} from '../../activities/incident-timeline';
import { incidentIdFor } from '../../src/client/incident-id';
import type { TimelineEntry } from '../../src/incidents/incident-state';
import { SYSTEM_ACTOR, TimelineAction } from '../../src/incidents/vocabulary';
import { sampleAlert, SYNTHETIC_PATIENT_NAME } from '../support/alerts';
import { openPgliteTestStore, type TestStore } from '../support/stores';
import { memoryLogger } from '../support/temporal';

const alert = sampleAlert();
const TENANT = alert.tenantId;
const NOTE = `Called the ward: ${SYNTHETIC_PATIENT_NAME} (Patient/88231) was not under this user's care`;

let incidentCount = 0;
/** The incident of the current test: tests share one store, each with an incident of its own. */
let incidentId = '';

function timelineRequest(entry: Partial<TimelineEntry> = {}): TimelineEntryRequest {
  return {
    incidentId,
    tenantId: TENANT,
    entry: { seq: 0, at: '2026-12-03T10:15:00.000Z', actor: SYSTEM_ACTOR, action: TimelineAction.opened, ...entry },
  };
}

interface TimelineRow {
  tenant_id: string;
  id: string;
  occurred_at: Date;
  user_id: string;
  action: string;
  resource_type: string;
  resource_id: string | null;
  patient_id: string | null;
  phi_accessed: boolean;
  outcome: string;
  details: Record<string, unknown>;
}

describe('recordTimelineEntry', () => {
  let store: TestStore;
  let activities: ReturnType<typeof createTimelineActivities>;
  let lines: string[];

  beforeAll(async () => {
    store = await openPgliteTestStore();
  });

  afterAll(async () => {
    await store.dispose();
  });

  beforeEach(() => {
    incidentCount += 1;
    incidentId = incidentIdFor(TENANT, `${alert.dedupKey}#${incidentCount}`);
    const log = memoryLogger('debug');
    lines = log.lines;
    activities = createTimelineActivities({ store: store.db, logger: log.logger });
  });

  async function rows(): Promise<TimelineRow[]> {
    const { rows: found } = await store.db.query<TimelineRow>(
      `SELECT tenant_id, id, occurred_at, user_id, action, resource_type, resource_id, patient_id,
              phi_accessed, outcome, details
         FROM audit_events WHERE resource_id = $1 ORDER BY seq`,
      [incidentId],
    );
    return found;
  }

  it('stores the opening entry as a create of the Incident in the tenant chain, by the actor, without PHI', async () => {
    const result = await activities.recordTimelineEntry(timelineRequest());

    expect(result).toEqual({ eventId: timelineEventId(incidentId, 0), duplicate: false });
    expect(await rows()).toEqual([
      {
        tenant_id: TENANT,
        id: timelineEventId(incidentId, 0),
        occurred_at: new Date('2026-12-03T10:15:00.000Z'),
        user_id: SYSTEM_ACTOR,
        action: 'create',
        resource_type: 'Incident',
        resource_id: incidentId,
        patient_id: null,
        phi_accessed: false,
        outcome: 'success',
        details: { timeline_seq: 0, timeline_action: 'opened' },
      },
    ]);
  });

  it('stores a later entry as an update, copying its detail into the details', async () => {
    const entry = { seq: 3, actor: 'resp-17', action: TimelineAction.phaseChanged, detail: 'triage -> containment' };

    await activities.recordTimelineEntry(timelineRequest(entry));

    expect(await rows()).toMatchObject([
      {
        id: timelineEventId(incidentId, 3),
        user_id: 'resp-17',
        action: 'update',
        details: { timeline_seq: 3, timeline_action: 'phase-changed', detail: 'triage -> containment' },
      },
    ]);
  });

  it('reports a retried entry as a duplicate and keeps one row for it', async () => {
    await activities.recordTimelineEntry(timelineRequest());

    const retry = await activities.recordTimelineEntry(timelineRequest());

    expect(retry).toEqual({ eventId: timelineEventId(incidentId, 0), duplicate: true });
    expect(await rows()).toHaveLength(1);
  });

  it('stores entries of one incident as events of their own, one per position', async () => {
    await activities.recordTimelineEntry(timelineRequest());

    await activities.recordTimelineEntry(timelineRequest({ seq: 1, action: TimelineAction.alertReceived }));

    expect((await rows()).map((row) => row.details.timeline_seq)).toEqual([0, 1]);
  });

  it('records that a responder added a note but never stores or logs what the note says', async () => {
    const entry = { seq: 4, actor: 'resp-17', action: TimelineAction.noteAdded, note: NOTE };

    await activities.recordTimelineEntry(timelineRequest(entry));

    const stored = await rows();
    expect(stored[0]?.details).toEqual({ timeline_seq: 4, timeline_action: 'note-added' });
    const { rows: whole } = await store.db.query<{ row: unknown }>(
      'SELECT to_jsonb(audit_events) AS row FROM audit_events WHERE id = $1',
      [timelineEventId(incidentId, 4)],
    );
    expect(whole).toHaveLength(1);
    const everything = JSON.stringify(whole) + lines.join('\n');
    expect(everything).not.toContain(SYNTHETIC_PATIENT_NAME);
    expect(everything).not.toContain('Patient/88231');
    expect(everything).not.toContain('Called the ward');
  });

  it('stores the detail of a facts-set entry but not the reason the responder gave with it', async () => {
    const entry = {
      seq: 2,
      actor: 'resp-17',
      action: TimelineAction.factsSet,
      detail: 'facts version 2',
      note: NOTE,
    };

    await activities.recordTimelineEntry(timelineRequest(entry));

    const stored = await rows();
    expect(stored[0]?.details).toEqual({ timeline_seq: 2, timeline_action: 'facts-set', detail: 'facts version 2' });
    expect(JSON.stringify(stored)).not.toContain(SYNTHETIC_PATIENT_NAME);
  });
});
