import { ApplicationFailure } from '@temporalio/common';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEvidenceActivities } from '../../activities/evidence';
import { ingest } from '../../src/audit/ingest';
import { listArtifacts } from '../../src/evidence/artifacts';
import { EvidenceFailure } from '../../src/evidence/vocabulary';
import { auditEvent } from '../support/audit-events';
import { openPgliteTestStore, type TestStore } from '../support/stores';
import { memoryLogger } from '../support/temporal';

const INCIDENT = 'incident-st-elsewhere-5f0c2a';
const ALERT = {
  incidentId: INCIDENT,
  tenantId: 'st-elsewhere',
  userId: 'u-suspect',
  from: '2026-11-02T13:00:00Z',
  to: '2026-11-02T15:00:00Z',
  actor: 'system',
  captureKey: `${INCIDENT}/alert-evidence/0`,
};

describe('the evidence activities', () => {
  let store: TestStore;
  const log = memoryLogger('info');
  const activities = () => createEvidenceActivities({ store: store.db, logger: log.logger });

  beforeEach(async () => {
    store = await openPgliteTestStore();
    await ingest(store.db, [auditEvent(1, { user_id: 'u-suspect', patient_id: 'pat-secret-4242' })]);
  });

  afterEach(async () => {
    await store.dispose();
  });

  it('return a reference to the alert evidence (id, hash, size, count) and never its content', async () => {
    const reference = await activities().captureAlertEvidence(ALERT);
    const [stored] = await listArtifacts(store.db, INCIDENT);

    expect(Object.keys(reference).sort()).toEqual(
      ['artifactId', 'capturedAt', 'created', 'eventCount', 'kind', 'name', 'sha256', 'size'].sort(),
    );
    expect(reference).toMatchObject({ artifactId: stored?.id, sha256: stored?.sha256, size: stored?.size });
    expect(reference.eventCount).toBe(1);
    expect(JSON.stringify(reference)).not.toContain('pat-secret-4242');
  });

  it('return the same reference when a retried attempt captures under the same key', async () => {
    const first = await activities().captureAlertEvidence(ALERT);
    const retried = await activities().captureAlertEvidence(ALERT);

    expect(retried).toEqual({ ...first, created: false });
    expect(await listArtifacts(store.db, INCIDENT)).toHaveLength(1);
  });

  it('store a containment record and return its reference', async () => {
    const record = { incidentId: INCIDENT, kind: 'suspend-user', outcome: 'applied' };
    const reference = await activities().captureContainmentEvidence({
      incidentId: INCIDENT,
      actor: 'system',
      record,
      name: 'containment-0-suspend-user.json',
    });

    expect(reference).toMatchObject({ kind: 'containment-record', name: 'containment-0-suspend-user.json' });
    expect(reference.size).toBe(Buffer.byteLength(`${JSON.stringify(record, null, 2)}\n`));
  });

  it('fail a bad request as a non-retryable EvidenceInvalidRequest naming the fields, not their values', async () => {
    const error = await activities()
      .captureAlertEvidence({ ...ALERT, userId: undefined, patientId: '', tenantId: 'Bad Tenant' })
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(ApplicationFailure);
    const failure = error as ApplicationFailure;
    expect(failure).toMatchObject({ type: EvidenceFailure.invalidRequest, nonRetryable: true });
    expect(failure.message).toMatch(/tenantId: .*patientId: /);
    expect(failure.message).not.toContain('Bad Tenant');
  });

  it('log the capture by ids only, with no patient details', async () => {
    await activities().captureAlertEvidence(ALERT);

    const line = log.lines.find((text) => text.includes('Evidence captured'));
    expect(line).toContain(INCIDENT);
    expect(log.lines.join('\n')).not.toContain('pat-secret-4242');
  });
});
