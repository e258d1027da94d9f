import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Client } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import type { AuditEventInput } from '../../src/audit/event';
import {
  acknowledgeIncident,
  getIncidentStatus,
  incidentQuery,
  listIncidents,
  raiseAlert,
} from '../../src/client/incidents';
import type { Config } from '../../src/config/schema';
import { exportBundle } from '../../src/evidence/export-bundle';
import { artifactPath, manifestSchema } from '../../src/evidence/manifest';
import { readBundle } from '../../src/evidence/read-bundle';
import { verifyBundle } from '../../src/evidence/verify-bundle';
import { type PrmSimulator, startPrmSimulator } from '../../src/prm-simulator/server';
import { flipOneByte, tamperedCopy } from '../evidence/tamper';
import { sampleAlert } from '../support/alerts';
import { auditEvent } from '../support/audit-events';
import { type TestStore } from '../support/stores';
import { uniqueName } from '../support/temporal';
import { type DevServerWorker, startDevServerWorker } from '../support/dev-server-worker';

/**
 * Containment and evidence end to end: a real worker on the dev server, the
 * PRM simulator as the platform, and the embedded store both share.
 */

const TENANT = 'st-elsewhere';
const USER = 'user-terminated-17';
const WAIT = { timeout: 30_000, interval: 250 };

let stack: DevServerWorker;
let address: string;
let config: Readonly<Config>;
let client: Client;
let store: TestStore;
let platform: PrmSimulator;

beforeAll(async () => {
  const secret = randomBytes(32).toString('hex');
  stack = await startDevServerWorker({
    configure: async (loaded, testStore) => {
      platform = await startPrmSimulator({ secret, db: testStore.db });
      return { ...loaded, containment: { adminApiUrl: platform.url, signingSecret: secret } };
    },
  });
  ({ address, config, client, store } = stack);
});

afterAll(async () => {
  await platform.stop();
  await stack.stop();
});

/** What the user does on the platform, recorded through the simulator as the platform's audit log would. */
async function userReads(n: number, occurredAt: Date): Promise<AuditEventInput> {
  const event = auditEvent(n, { user_id: USER, tenant_id: TENANT, occurred_at: occurredAt.toISOString() });
  const response = await fetch(`${platform.url}/platform/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(event),
  });
  expect(response.status).toBe(200);
  return event;
}

async function storedOutcome(id: string): Promise<string | undefined> {
  const { rows } = await store.db.query<{ outcome: string }>('SELECT outcome FROM audit_events WHERE id = $1', [id]);
  return rows[0]?.outcome;
}

/** The incident is found by its search attributes, through the client and through `temporal workflow list`. */
async function expectFindable(incidentId: string, detectedAt: string): Promise<void> {
  const filter = { tenantId: TENANT, phase: 'assessment', ruleId: 'prm-inactive-account-access' };
  await vi.waitFor(async () => {
    const listed = await listIncidents(client, filter);
    expect(listed.map((item) => item.incidentId)).toContain(incidentId);
  }, WAIT);
  const [found] = (await listIncidents(client, filter)).filter((item) => item.incidentId === incidentId);
  expect(found?.severity).toBe('high');
  expect(found?.discoveredAt?.toISOString()).toBe(new Date(detectedAt).toISOString());
  expect(found?.nextDeadline?.getTime()).toBe(Date.parse(detectedAt) + 60 * 24 * 3_600_000);

  const query = `${incidentQuery(filter)} AND WorkflowId = '${incidentId}'`;
  const cli = execFileSync(inject('temporalCli'), [
    'workflow',
    'list',
    '--address',
    address,
    '--query',
    query,
    '-o',
    'json',
  ]);
  expect(cli.toString()).toContain(incidentId);
}

describe('containment and evidence on the dev server', () => {
  it('suspends the account at once, the platform denies its next access, and the evidence bundle verifies', async () => {
    const before = await userReads(1, new Date(Date.now() - 60_000));
    const alert = sampleAlert({
      dedupKey: uniqueName('terminated'),
      ruleId: 'prm-inactive-account-access',
      subject: { userId: USER },
      detectedAt: new Date().toISOString(),
    });

    const incidentId = await raiseAlert(client, config, alert);
    await vi.waitFor(async () => {
      const { actions } = await getIncidentStatus(client, incidentId);
      expect(actions.map((action) => [action.kind, action.status])).toEqual([
        ['suspend-user', 'applied'],
        ['revoke-sessions', 'applied'],
      ]);
    }, WAIT);
    const after = await userReads(2, new Date());

    expect(await storedOutcome(before.id)).toBe('success');
    expect(await storedOutcome(after.id)).toBe('denied');

    await acknowledgeIncident(client, incidentId, { actorId: 'a.chen', role: 'responder' });
    await vi.waitFor(async () => expect((await getIncidentStatus(client, incidentId)).phase).toBe('assessment'), WAIT);
    await expectFindable(incidentId, alert.detectedAt);
    const dir = mkdtempSync(join(tmpdir(), 'breachline-bundle-'));
    const bundle = join(dir, 'bundle.tar.gz');
    const exported = await exportBundle(store.db, { incidentId, actor: 'a.chen', out: bundle });

    expect(exported.artifacts).toBe(3);
    expect((await verifyBundle(bundle)).problems).toEqual([]);

    const manifest = manifestSchema.parse(JSON.parse((await readBundle(bundle)).manifestText ?? '{}'));
    const alertEvents = manifest.artifacts.find((artifact) => artifact.kind === 'audit-events');
    if (!alertEvents) throw new Error('the bundle has no audit-events artifact');
    const altered = join(dir, 'altered.tar.gz');
    await tamperedCopy(bundle, altered, flipOneByte(artifactPath(alertEvents)));
    const problems = (await verifyBundle(altered)).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]?.subject).toContain(alertEvents.id);
    await client.workflow.getHandle(incidentId).terminate('test finished');
  });
});
