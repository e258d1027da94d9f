import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ingest } from '../../src/audit/ingest';
import { listArtifacts, viewArtifact } from '../../src/evidence/artifacts';
import { captureAlertEvents } from '../../src/evidence/capture-audit-events';
import { recordContainment, storeUpload } from '../../src/evidence/capture-records';
import { EvidenceRequestError } from '../../src/evidence/errors';
import type { Database } from '../../src/store/database';
import { auditEvent } from '../support/audit-events';
import { storeBackends, type TestStore } from '../support/stores';

const TENANT = 'st-elsewhere';
const INCIDENT = 'incident-st-elsewhere-5f0c2a';
const AT = (second: number): string => new Date(Date.UTC(2026, 10, 2, 14, 0, second)).toISOString();
const WINDOW = { incidentId: INCIDENT, tenantId: TENANT, from: AT(10), to: AT(20), actor: 'system' };

const sha256 = (content: Buffer): string => createHash('sha256').update(content).digest('hex');

/** Events 0..29, a second apart from 14:00:00; only some involve the suspect, the address or the patient. */
async function seedEvents(db: Database): Promise<void> {
  await ingest(db, [
    ...Array.from({ length: 30 }, (_, n) => auditEvent(n, { user_id: `u-${n}`, ip_address: `10.0.0.${n}` })),
    auditEvent(100, { occurred_at: AT(12), user_id: 'u-suspect', ip_address: '10.0.0.99', patient_id: 'pat-x' }),
    auditEvent(101, { occurred_at: AT(25), user_id: 'u-suspect' }),
    auditEvent(102, { occurred_at: AT(15), user_id: 'u-suspect', tenant_id: 'other-clinic' }),
  ]);
}

function eventIds(content: Buffer): string[] {
  return content
    .toString('utf8')
    .trim()
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => (JSON.parse(line) as { id: string }).id);
}

async function contentOf(db: Database, artifactId: string): Promise<Buffer> {
  return (await viewArtifact(db, { incidentId: INCIDENT, artifactId, actor: 'test' })).content;
}

describe.each(storeBackends())('evidence capture on $name', (backend) => {
  let store: TestStore;
  let db: Database;

  beforeEach(async () => {
    store = await backend.open();
    db = store.db;
    await seedEvents(db);
  });

  afterEach(async () => {
    await store.dispose();
  });

  it("captures the suspect user's events in the window, both ends included, and none of another tenant", async () => {
    const captured = await captureAlertEvents(db, { ...WINDOW, userId: 'u-suspect' });

    expect(captured.eventCount).toBe(1);
    expect(eventIds(await contentOf(db, captured.artifact.id))).toEqual([auditEvent(100).id]);
  });

  it('captures by address and by patient, each over the same window', async () => {
    const byAddress = await captureAlertEvents(db, { ...WINDOW, ipAddress: '10.0.0.20' });
    const byPatient = await captureAlertEvents(db, { ...WINDOW, patientId: 'pat-x' });
    const byEither = await captureAlertEvents(db, { ...WINDOW, ipAddress: '10.0.0.10', patientId: 'pat-x' });

    expect(eventIds(await contentOf(db, byAddress.artifact.id))).toEqual([auditEvent(20).id]);
    expect(eventIds(await contentOf(db, byPatient.artifact.id))).toEqual([auditEvent(100).id]);
    expect(byEither.eventCount).toBe(2);
  });

  it("writes each event with its place in the store's hash chain", async () => {
    const captured = await captureAlertEvents(db, { ...WINDOW, userId: 'u-suspect' });
    const line = JSON.parse((await contentOf(db, captured.artifact.id)).toString('utf8')) as Record<string, unknown>;

    expect(line).toMatchObject({ id: auditEvent(100).id, user_id: 'u-suspect', tenant_id: TENANT });
    expect(line.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(line.prev_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(typeof line.seq).toBe('number');
  });

  it('records SHA-256, size, who and when for every artifact, and the selection for an audit capture', async () => {
    const before = Date.now();
    const captured = await captureAlertEvents(db, { ...WINDOW, userId: 'u-suspect', actor: 'worker' });
    const content = await contentOf(db, captured.artifact.id);

    expect(captured.artifact).toMatchObject({
      incidentId: INCIDENT,
      kind: 'audit-events',
      mediaType: 'application/x-ndjson',
      sha256: sha256(content),
      size: content.length,
      capturedBy: 'worker',
      source: { tenantId: TENANT, userId: 'u-suspect', ipAddress: null, eventCount: 1 },
    });
    expect(Date.parse(captured.artifact.capturedAt)).toBeGreaterThanOrEqual(before - 1);
    expect(captured.artifact.name).toBe('audit-events-20261102T140010Z-20261102T140020Z.ndjson');
  });

  it('stores a containment record as readable JSON, and a responder upload byte for byte', async () => {
    const record = { kind: 'suspend-user', outcome: 'applied', httpStatus: 200 };
    const contained = await recordContainment(db, { incidentId: INCIDENT, actor: 'system', record });
    const bytes = Buffer.from([0, 1, 2, 250, 255]);
    const uploaded = await storeUpload(db, { incidentId: INCIDENT, actor: 'dr-rivera', name: 'screen.png' }, bytes);

    expect(JSON.parse((await contentOf(db, contained.artifact.id)).toString('utf8'))).toEqual(record);
    expect(contained.artifact).toMatchObject({ kind: 'containment-record', name: 'containment-record.json' });
    expect(await contentOf(db, uploaded.artifact.id)).toEqual(bytes);
    expect(uploaded.artifact).toMatchObject({
      kind: 'upload',
      size: 5,
      sha256: sha256(bytes),
      capturedBy: 'dr-rivera',
    });
  });

  it('returns the first artifact for a capture key used again, and stores nothing more', async () => {
    const request = { ...WINDOW, userId: 'u-suspect', captureKey: 'alert-1' };
    const first = await captureAlertEvents(db, request);
    await ingest(db, [auditEvent(103, { occurred_at: AT(18), user_id: 'u-suspect' })]);
    const again = await captureAlertEvents(db, request);

    expect(first.created).toBe(true);
    expect(again).toMatchObject({ created: false, eventCount: 1, artifact: first.artifact });
    expect(await listArtifacts(db, INCIDENT)).toHaveLength(1);
  });

  it('refuses a request with bad fields, naming each, and stores nothing', async () => {
    const error = await captureAlertEvents(db, {
      ...WINDOW,
      ipAddress: 'not-an-address',
      from: AT(30),
      actor: 'has spaces',
    }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EvidenceRequestError);
    const problems = (error as EvidenceRequestError).problems.map((problem) => problem.split(':')[0]);
    expect(problems).toEqual(expect.arrayContaining(['ipAddress', 'actor', 'to']));
    expect(await listArtifacts(db, INCIDENT)).toEqual([]);
  });

  it('refuses an upload name that could climb out of the bundle folder', async () => {
    const request = { incidentId: INCIDENT, actor: 'dr-rivera', name: '../etc/passwd' };

    await expect(storeUpload(db, request, Buffer.from('x'))).rejects.toThrow(/name: must not contain \//);
  });
});
