import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as messages from '../../workflows/messages';
import { withFactor } from '../assessment/submissions';
import { texasFacts } from '../support/breach-facts';
import {
  startEnvironment,
  startIncident,
  stopEnvironment,
  testEnv,
  WAIT,
  withWorker,
  MINUTE,
} from './handle-incident-support';
import { HISTORIES_DIR, historyAsJson, replayKeyring } from './replay-support';

/**
 * Records the histories replay.test.ts replays. Run it by hand when the
 * workflow gains behaviour worth pinning, never to paper over a replay
 * failure (that needs a `patched()` branch instead):
 *   BREACHLINE_RECORD_HISTORIES=1 npx vitest run test/workflows/record-histories.timeskip.test.ts
 */

const recording = process.env.BREACHLINE_RECORD_HISTORIES === '1';
const responder = { actorId: 'r.ortiz', role: 'responder' as const };
const privacy = { actorId: 'p.nakamura', role: 'privacy-officer' as const };

beforeAll(() => (recording ? startEnvironment(replayKeyring()) : undefined));
afterAll(() => (recording ? stopEnvironment() : undefined));

describe.runIf(recording)('recording incident histories', () => {
  it('records a whole lifecycle: escalation, containment, assessment, population, facts, close', async () => {
    await withWorker(async (_recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, undefined, { incidentId: 'incident-replay-lifecycle' });
      await testEnv().sleep(31 * MINUTE);
      await handle.executeUpdate(messages.acknowledgeUpdate, { args: [responder] });
      await handle.executeUpdate(messages.approveContainmentUpdate, { args: [{ ...responder, actionIndex: 1 }] });
      await vi.waitFor(async () => expect((await handle.query(messages.statusQuery)).phase).toBe('assessment'), WAIT);
      await handle.executeUpdate(messages.submitAssessmentUpdate, {
        args: [{ ...privacy, submission: withFactor('natureAndExtent', 'high') }],
      });
      await handle.executeUpdate(messages.setPopulationUpdate, {
        args: [{ ...privacy, populationId: 'pop-replay', total: 40, byJurisdiction: { 'US-TX': 40 } }],
      });
      const facts = texasFacts((await handle.query(messages.statusQuery)).discoveredAt ?? '', 40);
      await handle.executeUpdate(messages.setFactsUpdate, { args: [{ ...privacy, facts, reason: 'first facts' }] });
      await handle.executeUpdate(messages.closeUpdate, { args: [{ ...privacy, reason: 'notices under way' }] });
      await handle.result();

      writeFileSync(join(HISTORIES_DIR, 'incident-lifecycle.json'), historyAsJson(await handle.fetchHistory()));
    });
  });

  it('records a false positive whose containment is undone', async () => {
    await withWorker(async (recorded, taskQueue) => {
      const handle = await startIncident(taskQueue, undefined, { incidentId: 'incident-replay-false-positive' });
      await vi.waitFor(() => expect(recorded.platformCalls).toHaveLength(1), WAIT);
      await handle.executeUpdate(messages.markFalsePositiveUpdate, { args: [{ ...responder, reason: 'a drill' }] });
      await handle.result();

      writeFileSync(join(HISTORIES_DIR, 'incident-false-positive.json'), historyAsJson(await handle.fetchHistory()));
    });
  });
});
