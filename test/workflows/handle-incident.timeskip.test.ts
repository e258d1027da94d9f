import { WorkflowUpdateFailedError } from '@temporalio/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { IncidentRole } from '../../src/incidents/vocabulary';
import * as messages from '../../workflows/messages';
import { lowRiskSubmission, withFactor } from '../assessment/submissions';
import { sampleAlert } from '../support/alerts';
import { texasFacts } from '../support/breach-facts';
import { obligationsStatusQuery, trackObligationsWorkflowId } from '../../workflows/obligation-messages';
import {
  MINUTE,
  startEnvironment,
  startIncident,
  stopEnvironment,
  testEnv,
  uncontainedAlert,
  WAIT,
  withWorker,
} from './handle-incident-support';

const responder = { actorId: 'r.ortiz', role: 'responder' as IncidentRole };
const privacy = { actorId: 'p.nakamura', role: 'privacy-officer' as IncidentRole };
const population = { populationId: 'pop-1', total: 212, byJurisdiction: { 'US-TX': 200, 'US-OK': 12 } };

type Handle = Awaited<ReturnType<typeof startIncident>>;

// Time skipping is global to a test server, and an activity still in flight
// when a test ends can hold it locked; each test gets a server of its own.
beforeEach(() => startEnvironment());
afterEach(stopEnvironment);

/** Waits until the workflow has planned containment for every rule, so the state stops moving on its own. */
async function planned(handle: Handle): Promise<void> {
  await vi.waitFor(async () => {
    const status = await handle.query(messages.statusQuery);
    expect(status.plannedRules).toEqual(status.ruleIds);
  }, WAIT);
}

async function phaseOf(handle: Handle): Promise<string> {
  return (await handle.query(messages.statusQuery)).phase;
}

async function refusalOf(promise: Promise<unknown>): Promise<string> {
  const error: unknown = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(WorkflowUpdateFailedError);
  return (error as WorkflowUpdateFailedError).cause?.message ?? '';
}

describe('escalation of an unacknowledged incident', () => {
  it('pages each level at its configured delay, then stops paging', async () => {
    await withWorker(async (recorded, taskQueue) => {
      // Read before the start, so the workflow's own clock can only be later than this.
      const openedAtMs = await testEnv().currentTimeMs();
      const handle = await startIncident(taskQueue, uncontainedAlert());
      const wallStart = performance.now();

      await testEnv().sleep(29 * MINUTE);
      expect(recorded.pages).toHaveLength(0);

      await testEnv().sleep(2 * MINUTE);
      await vi.waitFor(() => expect(recorded.pages).toHaveLength(1), WAIT);
      expect(recorded.pages[0]).toMatchObject({ level: 0, reason: 'unacknowledged' });

      await testEnv().sleep(30 * MINUTE);
      await vi.waitFor(() => expect(recorded.pages).toHaveLength(2), WAIT);
      expect(recorded.pages[1]?.level).toBe(1);
      expect((recorded.pages[1]?.atMs ?? 0) - openedAtMs).toBeGreaterThanOrEqual(60 * MINUTE);

      await testEnv().sleep(6 * 60 * MINUTE);
      expect(recorded.pages).toHaveLength(2);
      const status = await handle.query(messages.statusQuery);
      expect(status.escalationsSent).toBe(2);
      expect(status.timeline.filter((entry) => entry.action === 'escalated')).toHaveLength(2);

      const wallSeconds = (performance.now() - wallStart) / 1000;
      console.log(`escalation: 7 h 1 min of virtual time in ${wallSeconds.toFixed(3)} s of wall time`);
      await handle.terminate('test finished');
    });
  });

  it('stops once a responder acknowledges', async () => {
    await withWorker(async (recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert());

      await testEnv().sleep(31 * MINUTE);
      await vi.waitFor(() => expect(recorded.pages).toHaveLength(1), WAIT);
      const status = await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });
      expect(status.acknowledged?.by).toBe('r.ortiz');

      await testEnv().sleep(3 * 60 * MINUTE);
      expect(recorded.pages).toHaveLength(1);
      await handle.terminate('test finished');
    });
  });
});

describe('containment', () => {
  it('runs automatic actions at once, before anyone acknowledges', async () => {
    await withWorker(async (recorded, taskQueue) => {
      const handle = await startIncident(taskQueue);

      await vi.waitFor(() => expect(recorded.evidenceCaptures).toContain('containment-0-apply'), WAIT);

      expect(recorded.platformCalls).toEqual([{ operation: 'apply', actionIndex: 0, kind: 'revoke-sessions' }]);
      const status = await handle.query(messages.statusQuery);
      expect(status.phase).toBe('triage');
      expect(status.actions.map((action) => [action.kind, action.status])).toEqual([
        ['revoke-sessions', 'applied'],
        ['suspend-user', 'awaiting-approval'],
      ]);
      await handle.terminate('test finished');
    });
  });

  it('pages about an action awaiting approval on its own timer until someone decides', async () => {
    await withWorker(async (recorded, taskQueue) => {
      const handle = await startIncident(taskQueue);
      await planned(handle);
      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });

      await testEnv().sleep(31 * MINUTE);
      await vi.waitFor(() => expect(recorded.pages).toHaveLength(1), WAIT);
      expect(recorded.pages[0]).toMatchObject({ reason: 'approval-pending', actionIndex: 1, level: 0 });
      await testEnv().sleep(30 * MINUTE);
      await vi.waitFor(() => expect(recorded.pages).toHaveLength(2), WAIT);
      expect(recorded.pages[1]).toMatchObject({ reason: 'approval-pending', actionIndex: 1, level: 1 });

      await handle.executeUpdate(messages.rejectContainmentUpdate, {
        args: [{ ...responder, actionIndex: 1, reason: 'a clinician covering a colleague' }],
      });
      await testEnv().sleep(3 * 60 * MINUTE);
      expect(recorded.pages).toHaveLength(2);
      expect(recorded.platformCalls.map((call) => call.kind)).toEqual(['revoke-sessions']);
      await vi.waitFor(async () => expect(await phaseOf(handle)).toBe('assessment'), WAIT);
      await handle.terminate('test finished');
    });
  });

  it('runs an approved action, and moves on to evidence and assessment once all are settled', async () => {
    await withWorker(async (recorded, taskQueue) => {
      const handle = await startIncident(taskQueue);
      await planned(handle);
      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });

      await handle.executeUpdate(messages.approveContainmentUpdate, { args: [{ ...responder, actionIndex: 1 }] });

      await vi.waitFor(async () => expect(await phaseOf(handle)).toBe('assessment'), WAIT);
      expect(recorded.platformCalls.map((call) => call.kind)).toEqual(['revoke-sessions', 'suspend-user']);
      expect(recorded.evidenceCaptures).toContain('alert-prm-mass-record-access');
      expect(recorded.alertCaptureSubjects).toEqual([
        { userId: 'user-4411', ipAddress: '10.20.30.40', patientId: 'Patient/88231' },
      ]);
      expect(recorded.alertCaptureFrom).toEqual(['2026-12-02T10:15:00.000Z']);
      await handle.terminate('test finished');
    });
  });

  it('captures evidence from a day before the events, when they happened long before detection', async () => {
    await withWorker(async (recorded, taskQueue) => {
      const lateAlert = {
        ...sampleAlert(),
        eventsBetween: { from: '2026-11-02T15:04:00Z', to: '2026-11-02T15:55:00Z' },
      };
      const handle = await startIncident(taskQueue, lateAlert);
      await planned(handle);
      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });
      await handle.executeUpdate(messages.approveContainmentUpdate, { args: [{ ...responder, actionIndex: 1 }] });

      await vi.waitFor(async () => expect(await phaseOf(handle)).toBe('assessment'), WAIT);
      expect(recorded.alertCaptureFrom).toEqual(['2026-11-01T15:04:00.000Z']);
      await handle.terminate('test finished');
    });
  });

  it('pages on-call at once when the platform refuses an action, and records it failed', async () => {
    await withWorker(async (recorded, taskQueue) => {
      recorded.refuse.add('revoke-sessions');

      const handle = await startIncident(taskQueue);

      await vi.waitFor(() => expect(recorded.pages).toHaveLength(1), WAIT);
      expect(recorded.pages[0]).toMatchObject({ reason: 'containment-failed', actionIndex: 0 });
      const status = await handle.query(messages.statusQuery);
      expect(status.actions[0]).toMatchObject({ status: 'failed', failure: 'ContainmentRejected' });
      await handle.terminate('test finished');
    });
  });
});

describe('the life of an incident', () => {
  it('goes from triage to closed, writing every timeline entry to the audit store in order', async () => {
    await withWorker(async (recorded, taskQueue) => {
      const handle = await startIncident(taskQueue);
      await planned(handle);

      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });
      await handle.executeUpdate(messages.approveContainmentUpdate, { args: [{ ...responder, actionIndex: 1 }] });
      await vi.waitFor(async () => expect(await phaseOf(handle)).toBe('assessment'), WAIT);
      const assessed = await handle.executeUpdate(messages.submitAssessmentUpdate, {
        args: [{ ...privacy, submission: withFactor('natureAndExtent', 'high') }],
      });
      await handle.executeUpdate(messages.setPopulationUpdate, { args: [{ ...privacy, ...population }] });
      const facts = texasFacts(assessed.discoveredAt ?? '');
      await handle.executeUpdate(messages.setFactsUpdate, { args: [{ ...privacy, facts, reason: 'first facts' }] });
      await handle.executeUpdate(messages.closeUpdate, { args: [{ ...privacy, reason: 'notices under way' }] });
      const final = await handle.result();

      expect(assessed.phase).toBe('notification');
      expect(assessed.assessment?.outcome).toBe('reportable');
      expect(final.phase).toBe('closed');
      const phases = final.timeline.filter((entry) => entry.action === 'phase-changed').map((entry) => entry.detail);
      expect(phases).toEqual([
        'triage -> containment',
        'containment -> evidence',
        'evidence -> assessment',
        'assessment -> notification',
        'notification -> closed',
      ]);
      expect(recorded.timelineWrites.map((write) => write.entry.seq)).toEqual(final.timeline.map((entry) => entry.seq));
      expect(final.obligations?.workflowId).toBe(trackObligationsWorkflowId(final.incidentId));
    });
  });

  it('tracks the obligations of a reportable breach in a workflow that outlives the incident, and hands it corrected facts', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert());
      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });
      await vi.waitFor(async () => expect(await phaseOf(handle)).toBe('assessment'), WAIT);
      const assessed = await handle.executeUpdate(messages.submitAssessmentUpdate, {
        args: [{ ...privacy, submission: withFactor('natureAndExtent', 'high') }],
      });
      const discoveredAt = assessed.discoveredAt ?? '';

      await handle.executeUpdate(messages.setFactsUpdate, {
        args: [{ ...privacy, facts: texasFacts(discoveredAt, 212), reason: 'first facts' }],
      });
      const tracker = testEnv().client.workflow.getHandle(trackObligationsWorkflowId(assessed.incidentId));
      await vi.waitFor(
        async () => expect((await tracker.query(obligationsStatusQuery)).obligations.length).toBeGreaterThan(0),
        WAIT,
      );
      const first = await tracker.query(obligationsStatusQuery);
      await handle.executeUpdate(messages.setFactsUpdate, {
        args: [{ ...privacy, facts: texasFacts(discoveredAt, 812), reason: 'Texas count corrected' }],
      });
      await vi.waitFor(
        async () => expect((await tracker.query(obligationsStatusQuery)).recomputations).toHaveLength(2),
        WAIT,
      );
      const corrected = await tracker.query(obligationsStatusQuery);
      await handle.executeUpdate(messages.setPopulationUpdate, { args: [{ ...privacy, ...population }] });
      await handle.executeUpdate(messages.closeUpdate, { args: [{ ...privacy, reason: 'notices under way' }] });
      const final = await handle.result();

      const recipients = (status: typeof first) => status.obligations.map((entry) => entry.id);
      expect(recipients(first)).toContain('HIPAA/individuals');
      expect(recipients(first)).not.toContain('HIPAA/media/US-TX');
      expect(recipients(corrected)).toContain('HIPAA/media/US-TX');
      expect(final.timeline.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['facts-set', 'obligations-started', 'facts-forwarded']),
      );
      expect((await tracker.describe()).status.name).toBe('RUNNING');
      await tracker.terminate('test finished');
    });
  });

  it('refuses breach facts that the obligations engine cannot read, naming the fields', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert());
      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });
      await vi.waitFor(async () => expect(await phaseOf(handle)).toBe('assessment'), WAIT);
      await handle.executeUpdate(messages.submitAssessmentUpdate, {
        args: [{ ...privacy, submission: withFactor('natureAndExtent', 'high') }],
      });

      const bad = { ...texasFacts('2026-12-03T10:15:00'), affected: [{ jurisdiction: 'Texas', count: -1 }] };
      const refused = refusalOf(
        handle.executeUpdate(messages.setFactsUpdate, { args: [{ ...privacy, facts: bad, reason: 'first facts' }] }),
      );

      expect(await refused).toMatch(
        /^Cannot set-facts: the breach facts are invalid: discoveredAt: .*affected\.0\.jurisdiction: /,
      );
      expect((await handle.query(messages.statusQuery)).facts).toBeUndefined();
      await handle.terminate('test finished');
    });
  });

  it('closes from assessment when the breach is not reportable', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert());
      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });
      await vi.waitFor(async () => expect(await phaseOf(handle)).toBe('assessment'), WAIT);

      const assessed = await handle.executeUpdate(messages.submitAssessmentUpdate, {
        args: [{ ...privacy, submission: lowRiskSubmission() }],
      });
      await handle.executeUpdate(messages.closeUpdate, {
        args: [{ ...privacy, reason: 'low probability, documented' }],
      });

      expect(assessed.phase).toBe('assessment');
      expect(assessed.assessment?.reportable).toBe(false);
      expect((await handle.result()).phase).toBe('closed');
    });
  });

  it('undoes applied containment when marked a false positive, then ends', async () => {
    await withWorker(async (recorded, taskQueue) => {
      const handle = await startIncident(taskQueue);
      await vi.waitFor(async () => {
        expect((await handle.query(messages.statusQuery)).actions[0]?.status).toBe('applied');
      }, WAIT);

      await handle.executeUpdate(messages.markFalsePositiveUpdate, {
        args: [{ ...responder, reason: 'a scheduled audit' }],
      });
      const final = await handle.result();

      expect(final.phase).toBe('false-positive');
      expect(recorded.platformCalls.map((call) => [call.operation, call.kind])).toEqual([
        ['apply', 'revoke-sessions'],
        ['undo', 'revoke-sessions'],
      ]);
      expect(final.actions.map((action) => action.status)).toEqual(['undone', 'rejected']);
    });
  });
});

describe('false positives', () => {
  it.each(['containment', 'evidence', 'assessment'] as const)(
    'end the incident from %s, undoing what containment applied',
    async (phase) => {
      await withWorker(async (recorded, taskQueue) => {
        let release = (): void => undefined;
        if (phase === 'evidence') recorded.captureGate = new Promise((resolve) => (release = resolve));
        const handle = await startIncident(taskQueue);
        await planned(handle);
        await vi.waitFor(async () => {
          expect((await handle.query(messages.statusQuery)).actions[0]?.status).toBe('applied');
        }, WAIT);
        await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });
        if (phase !== 'containment') {
          await handle.executeUpdate(messages.rejectContainmentUpdate, { args: [{ ...responder, actionIndex: 1 }] });
        }
        await vi.waitFor(async () => expect(await phaseOf(handle)).toBe(phase), WAIT);

        await handle.executeUpdate(messages.markFalsePositiveUpdate, { args: [{ ...responder, reason: 'a drill' }] });
        release();
        const final = await handle.result();

        expect(final.phase).toBe('false-positive');
        expect(final.timeline.filter((entry) => entry.action === 'phase-changed').at(-1)?.detail).toBe(
          `${phase} -> false-positive`,
        );
        expect(recorded.platformCalls.filter((call) => call.operation === 'undo').map((call) => call.kind)).toEqual([
          'revoke-sessions',
        ]);
      });
    },
  );
});

describe('assignment and attached evidence', () => {
  it('records who the incident is assigned to and each attached artifact, refusing the same artifact twice', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert());
      const upload = {
        artifactId: 'artifact-upload-1',
        sha256: 'b'.repeat(64),
        name: 'screenshot.png',
        kind: 'upload',
      };

      await handle.executeUpdate(messages.assignUpdate, { args: [{ ...responder, assigneeId: 'j.lee' }] });
      const attached = await handle.executeUpdate(messages.attachEvidenceUpdate, {
        args: [{ ...responder, ...upload }],
      });
      const again = refusalOf(
        handle.executeUpdate(messages.attachEvidenceUpdate, { args: [{ ...responder, ...upload }] }),
      );

      expect(attached.assignee).toMatchObject({ responderId: 'j.lee', by: 'r.ortiz' });
      expect(attached.evidence).toContainEqual(
        expect.objectContaining({ artifactId: 'artifact-upload-1', by: 'r.ortiz' }),
      );
      expect(attached.timeline.map((entry) => entry.action)).toEqual(
        expect.arrayContaining(['assigned', 'evidence-attached']),
      );
      expect(await again).toBe('Cannot attach-evidence: artifact artifact-upload-1 is already attached');
      await handle.terminate('test finished');
    });
  });
});

describe('refusals', () => {
  it('refuses malformed requests, naming the field, and changes nothing', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert());
      await planned(handle);
      const before = await handle.query(messages.statusQuery);

      const malformed = [{ actorId: '', role: 'responder' }, { ...responder, extra: 1 }, { role: 'responder' }];
      for (const request of malformed as (typeof responder)[]) {
        const message = await refusalOf(handle.executeUpdate(messages.acknowledgeUpdate, { args: [request] }));
        expect(message).toMatch(/^Invalid acknowledge request: /);
      }

      expect(await handle.query(messages.statusQuery)).toEqual(before);
      await handle.terminate('test finished');
    });
  });

  it('refuses a role the action does not allow and an action the phase does not allow', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert());
      await planned(handle);
      const before = await handle.query(messages.statusQuery);

      const byLegal = refusalOf(
        handle.executeUpdate(messages.acknowledgeUpdate, { args: [{ actorId: 'l.abara', role: 'legal' }] }),
      );
      const tooEarly = refusalOf(
        handle.executeUpdate(messages.submitAssessmentUpdate, {
          args: [{ ...privacy, submission: lowRiskSubmission() }],
        }),
      );
      const closeEarly = refusalOf(
        handle.executeUpdate(messages.closeUpdate, { args: [{ ...privacy, reason: 'too early' }] }),
      );

      expect(await byLegal).toBe('Cannot acknowledge: the legal role may not acknowledge; it takes responder or admin');
      expect(await tooEarly).toMatch(/^Cannot submit-assessment: the incident is in triage/);
      expect(await closeEarly).toMatch(/^Cannot close: the incident is in triage/);
      expect(await handle.query(messages.statusQuery)).toEqual(before);
      await handle.terminate('test finished');
    });
  });

  it('refuses a second acknowledgement, a decision on no such action, and closing a reportable breach with no population', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue);
      await planned(handle);
      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });

      const again = refusalOf(
        handle.executeUpdate(messages.acknowledgeUpdate, { args: [{ ...responder, actorId: 'j.lee' }] }),
      );
      const noSuchAction = refusalOf(
        handle.executeUpdate(messages.approveContainmentUpdate, { args: [{ ...responder, actionIndex: 7 }] }),
      );
      expect(await again).toMatch(/^Cannot acknowledge: the incident is in containment/);
      expect(await noSuchAction).toBe('Cannot approve-containment: the incident has no containment action #7');

      await handle.executeUpdate(messages.approveContainmentUpdate, { args: [{ ...responder, actionIndex: 1 }] });
      await vi.waitFor(async () => expect(await phaseOf(handle)).toBe('assessment'), WAIT);
      await handle.executeUpdate(messages.submitAssessmentUpdate, {
        args: [{ ...privacy, submission: withFactor('acquiredOrViewed', 'high') }],
      });
      const closeUnpopulated = handle.executeUpdate(messages.closeUpdate, { args: [{ ...privacy, reason: 'done' }] });
      expect(await refusalOf(closeUnpopulated)).toMatch(/needs its affected population set/);
      await handle.terminate('test finished');
    });
  });

  it('refuses an incomplete risk assessment, naming the missing findings', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert());
      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });
      await vi.waitFor(async () => expect(await phaseOf(handle)).toBe('assessment'), WAIT);
      const { factors: _factors, ...incomplete } = lowRiskSubmission();

      const refused = handle.executeUpdate(messages.submitAssessmentUpdate, {
        args: [{ ...privacy, submission: incomplete }],
      });

      expect(await refusalOf(refused)).toMatch(/^Cannot submit-assessment: the risk assessment is incomplete: factors/);
      expect((await handle.query(messages.statusQuery)).assessment).toBeUndefined();
      await handle.terminate('test finished');
    });
  });
});

describe('long life', () => {
  it('continues as new when its history grows long, carrying its state and its timers', async () => {
    await withWorker(async (recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert(), { historyLimit: 60 });
      await planned(handle);

      for (let n = 1; n <= 12; n += 1) {
        await handle.executeUpdate(messages.addNoteUpdate, { args: [{ ...responder, note: `checked log ${n}` }] });
      }
      await testEnv().sleep(31 * MINUTE);
      await vi.waitFor(() => expect(recorded.pages).toHaveLength(1), WAIT);

      const { runId } = await handle.describe();
      expect(runId).not.toBe(handle.signaledRunId);
      const status = await handle.query(messages.statusQuery);
      expect(status.timeline.filter((entry) => entry.action === 'note-added')).toHaveLength(12);
      expect(status.escalationsSent).toBe(1);
      expect(recorded.timelineWrites.map((write) => write.entry.seq)).toEqual(
        status.timeline.map((entry) => entry.seq),
      );
      await handle.terminate('test finished');
    });
  });
});

describe('alerts', () => {
  it('counts a redelivered alert once, takes the highest severity and drops another tenant’s alert', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue);

      await handle.signal(messages.alertSignal, sampleAlert());
      await handle.signal(
        messages.alertSignal,
        sampleAlert({ alertId: 'alert-2', severity: 'critical', ruleId: 'prm-export-volume-spike' }),
      );
      await handle.signal(messages.alertSignal, sampleAlert({ alertId: 'alert-3', tenantId: 'another-tenant' }));

      const status = await handle.query(messages.statusQuery);
      expect(status.alertCount).toBe(2);
      expect(status.severity).toBe('critical');
      expect(status.ruleIds).toEqual(['prm-mass-record-access', 'prm-export-volume-spike']);
      await handle.terminate('test finished');
    });
  });

  it('applies an update and a signal delivered back to back', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, uncontainedAlert());

      const [acknowledged] = await Promise.all([
        handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] }),
        handle.signal(messages.alertSignal, uncontainedAlert({ alertId: 'alert-2', severity: 'critical' })),
      ]);

      const status = await handle.query(messages.statusQuery);
      expect(acknowledged.acknowledged?.by).toBe('r.ortiz');
      expect(status.acknowledged?.by).toBe('r.ortiz');
      expect(status.alertCount).toBe(2);
      expect(status.severity).toBe('critical');
      await handle.terminate('test finished');
    });
  });
});
