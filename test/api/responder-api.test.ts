import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readCustodyLog } from '../../src/evidence/custody-log';
import { verifyBundle } from '../../src/evidence/verify-bundle';
import { trackObligationsWorkflowId } from '../../workflows/obligation-messages';
import { withFactor } from '../assessment/submissions';
import { sampleAlert } from '../support/alerts';
import { texasFacts } from '../support/breach-facts';
import { uniqueName } from '../support/temporal';
import { bearer, TENANT } from './api-fixture';
import { startWorkerApi, type WorkerApi } from './worker-api-fixture';

/**
 * The responder routes against a real incident workflow on the dev server:
 * what each answers, who it records as acting, how the workflow's refusals
 * come back, and what lands in the audit store and the custody chain.
 */

let api: WorkerApi;

beforeAll(async () => {
  api = await startWorkerApi();
});

afterAll(() => api.close());

type Caller = keyof WorkerApi['tokens'];

async function call(caller: Caller, method: 'GET' | 'POST', url: string, payload?: unknown) {
  return api.app.inject({ method, url, headers: bearer(api.tokens[caller]), payload: payload as object });
}

interface Status {
  incidentId: string;
  phase: string;
  discoveredAt?: string;
  acknowledged?: { by: string };
  assessment?: { submittedBy: string };
  timeline: { actor: string; action: string }[];
}

/** Opens an incident through the API, with a rule that has no containment playbook. */
async function openIncident(test: string, overrides: Parameters<typeof sampleAlert>[0] = {}): Promise<string> {
  const alert = sampleAlert({ dedupKey: uniqueName(test), ruleId: 'prm-break-glass-access', ...overrides });
  const answer = await call('ingest', 'POST', '/v1/alerts', alert);
  expect(answer.statusCode).toBe(202);

  return answer.json<{ incidentId: string }>().incidentId;
}

async function waitForPhase(incidentId: string, phase: string): Promise<Status> {
  return vi.waitFor(
    async () => {
      const status = (await call('responder', 'GET', `/v1/incidents/${incidentId}`)).json<Status>();
      expect(status.phase).toBe(phase);
      return status;
    },
    { timeout: 60_000, interval: 250 },
  );
}

async function endIncident(incidentId: string): Promise<void> {
  await api.stack.client.workflow
    .getHandle(trackObligationsWorkflowId(incidentId))
    .terminate('test finished')
    .catch(() => undefined);
  await api.stack.client.workflow
    .getHandle(incidentId)
    .terminate('test finished')
    .catch(() => undefined);
}

describe('listing incidents', () => {
  it("lists the token's tenant's incidents by rule, phase and discovery time, and none to another tenant", async () => {
    const detectedAt = '2031-03-04T05:06:07Z';
    const incidentId = await openIncident('list', { detectedAt });
    const window = 'rule=prm-break-glass-access&phase=triage&discoveredSince=2031-03-04T05:06:00Z';
    const listed = async (caller: Caller, query: string) =>
      (await call(caller, 'GET', `/v1/incidents?${query}`)).json<{ incidents: { incidentId: string }[] }>().incidents;

    const found = await vi.waitFor(
      async () => {
        const incidents = await listed('legal', `${window}&discoveredUntil=2031-03-04T05:07:00Z`);
        expect(incidents.map((item) => item.incidentId)).toEqual([incidentId]);
        return incidents;
      },
      { timeout: 30_000, interval: 250 },
    );

    expect(found[0]).toMatchObject({ phase: 'triage', rules: ['prm-break-glass-access'] });
    expect(found[0]).toMatchObject({ discoveredAt: '2031-03-04T05:06:07.000Z' });
    expect(await listed('legal', `${window}&discoveredUntil=2031-03-04T05:06:07Z`)).toEqual([]);
    expect(await listed('legal', 'discoveredSince=2031-03-04T05:06:08Z')).toEqual([]);
    expect(await listed('other', 'discoveredSince=2031-03-04T05:06:00Z')).toEqual([]);
    await endIncident(incidentId);
  });

  it('names every bad filter in one 400', async () => {
    const answer = await call('legal', 'GET', '/v1/incidents?phase=dormant&discoveredSince=yesterday&limit=0');

    expect(answer.statusCode).toBe(400);
    const fields = answer.json<{ details: { field: string }[] }>().details.map((detail) => detail.field);
    expect(fields.sort()).toEqual(['querystring.discoveredSince', 'querystring.limit', 'querystring.phase']);
  });
});

describe('responder updates', () => {
  it("acknowledges as the token's account, and answers a second acknowledgement with the workflow's refusal", async () => {
    const incidentId = await openIncident('ack');

    const first = await call('responder', 'POST', `/v1/incidents/${incidentId}/acknowledge`, { note: 'on it' });
    const second = await call('admin', 'POST', `/v1/incidents/${incidentId}/acknowledge`, {});
    const timeline = await call('legal', 'GET', `/v1/incidents/${incidentId}/timeline`);

    expect(first.statusCode).toBe(200);
    expect(first.json<Status>().acknowledged?.by).toBe('responder-bot');
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ error: 'refused', message: expect.stringMatching(/acknowledge/) as string });
    expect(second.body).not.toMatch(/\n\s+at /);
    const entries = timeline.json<{ timeline: { actor: string; action: string }[] }>().timeline;
    expect(entries).toContainEqual(expect.objectContaining({ actor: 'responder-bot', action: 'acknowledged' }));
    await endIncident(incidentId);
  });

  it('takes who acts from the token only: a body naming an actor or a role is refused', async () => {
    const incidentId = await openIncident('actor-in-body');

    const answer = await call('responder', 'POST', `/v1/incidents/${incidentId}/notes`, {
      note: 'hello',
      actorId: 'someone.else',
      role: 'admin',
    });

    expect(answer.statusCode).toBe(400);
    expect(answer.json<{ details: { problem: string }[] }>().details[0]?.problem).toMatch(
      /actorId.*role|role.*actorId/,
    );
    await endIncident(incidentId);
  });

  it('names every bad field of a payload in one 400', async () => {
    const incidentId = await openIncident('bad-payload');

    const answer = await call('privacy-officer', 'POST', `/v1/incidents/${incidentId}/population`, {
      populationId: 'has spaces',
      total: -1,
      byJurisdiction: { Texas: 3 },
    });

    expect(answer.statusCode).toBe(400);
    const fields = answer.json<{ details: { field: string }[] }>().details.map((detail) => detail.field);
    expect(fields).toEqual(expect.arrayContaining(['body.populationId', 'body.total', 'body.byJurisdiction.Texas']));
    await endIncident(incidentId);
  });

  it("leaves the phase check to the workflow's own validator, whose reason comes back as a 409", async () => {
    const incidentId = await openIncident('early-assessment');

    const answer = await call('privacy-officer', 'POST', `/v1/incidents/${incidentId}/assessment`, {
      submission: withFactor('natureAndExtent', 'high'),
    });

    expect(answer.statusCode).toBe(409);
    expect(answer.json<{ message: string }>().message).toMatch(/triage/);
    await endIncident(incidentId);
  });

  it('acts, with a token of two roles, in the role each action admits', async () => {
    const incidentId = await openIncident('two-roles');

    const acknowledged = await call('twoRoles', 'POST', `/v1/incidents/${incidentId}/acknowledge`, {});
    await waitForPhase(incidentId, 'assessment');
    const assessed = await call('twoRoles', 'POST', `/v1/incidents/${incidentId}/assessment`, {
      submission: withFactor('natureAndExtent', 'high'),
    });

    expect(acknowledged.json<Status>().acknowledged?.by).toBe('dual.hat');
    expect(assessed.statusCode).toBe(200);
    expect(assessed.json<Status>().assessment?.submittedBy).toBe('dual.hat');
    await endIncident(incidentId);
  });

  it('refuses to approve a containment action the incident does not have', async () => {
    const incidentId = await openIncident('approve-missing');

    const answer = await call('responder', 'POST', `/v1/incidents/${incidentId}/containment/approve`, {
      actionIndex: 7,
    });

    expect(answer.statusCode).toBe(409);
    expect(answer.json()).toMatchObject({ error: 'refused' });
    await endIncident(incidentId);
  });

  it('ends an incident as a false positive, after which updates are refused as the incident is no longer open', async () => {
    const incidentId = await openIncident('false-positive');

    const ended = await call('responder', 'POST', `/v1/incidents/${incidentId}/false-positive`, { reason: 'drill' });
    await vi.waitFor(
      async () =>
        expect((await api.stack.client.workflow.getHandle(incidentId).describe()).status.name).toBe('COMPLETED'),
      { timeout: 30_000, interval: 200 },
    );
    const late = await call('responder', 'POST', `/v1/incidents/${incidentId}/notes`, { note: 'too late' });

    expect(ended.json<Status>().phase).toBe('false-positive');
    expect(late.statusCode).toBe(409);
    expect(late.json<{ message: string }>().message).toMatch(/no open incident/);
  });
});

describe('a reportable breach through the API', () => {
  it('takes the assessment, population and facts, tracks the obligations, records one met by legal, and closes', async () => {
    const incidentId = await openIncident('breach');
    await call('responder', 'POST', `/v1/incidents/${incidentId}/acknowledge`, {});
    const { discoveredAt } = await waitForPhase(incidentId, 'assessment');
    const base = `/v1/incidents/${incidentId}`;

    const assessed = await call('privacy-officer', 'POST', `${base}/assessment`, {
      submission: withFactor('natureAndExtent', 'high'),
    });
    const population = await call('privacy-officer', 'POST', `${base}/population`, {
      populationId: 'population-2031-01',
      total: 212,
      byJurisdiction: { 'US-TX': 212 },
    });
    const facts = await call('privacy-officer', 'POST', `${base}/facts`, {
      facts: texasFacts(discoveredAt ?? ''),
      reason: 'first facts',
    });
    const tracked = await vi.waitFor(
      async () => {
        const answer = await call('responder', 'GET', `${base}/obligations`);
        expect(answer.statusCode).toBe(200);
        return answer.json<{ obligations: { id: string }[] }>();
      },
      { timeout: 30_000, interval: 250 },
    );
    const met = { obligationId: 'HIPAA/individuals', metAt: new Date().toISOString(), method: 'first-class-mail' };
    const recorded = await call('legal', 'POST', `${base}/obligations/met`, { ...met, reference: 'USPS batch 7' });
    const again = await call('legal', 'POST', `${base}/obligations/met`, { ...met, reference: 'USPS batch 8' });
    const closed = await call('privacy-officer', 'POST', `${base}/close`, { reason: 'notices given' });

    expect([assessed.statusCode, population.statusCode, facts.statusCode]).toEqual([200, 200, 200]);
    expect(tracked.obligations.map((entry) => entry.id)).toContain('HIPAA/individuals');
    const entry = recorded
      .json<{ obligations: { id: string; met?: { recordedBy: string } }[] }>()
      .obligations.find((item) => item.id === 'HIPAA/individuals');
    expect(entry?.met?.recordedBy).toBe('legal-bot');
    expect(again.statusCode).toBe(409);
    expect(closed.json<Status>().phase).toBe('closed');
    await endIncident(incidentId);
  });

  it('answers 404 with the reason for the obligations of an incident whose facts are not set', async () => {
    const incidentId = await openIncident('no-facts');

    const answer = await call('legal', 'GET', `/v1/incidents/${incidentId}/obligations`);

    expect(answer.statusCode).toBe(404);
    expect(answer.json<{ message: string }>().message).toMatch(/set its breach facts first/);
    await endIncident(incidentId);
  });
});

describe('evidence and reports', () => {
  it('stores an uploaded file, attaches it, and exports a bundle that verifies, logged in custody under the token', async () => {
    const incidentId = await openIncident('evidence');
    const base = `/v1/incidents/${incidentId}`;

    const uploaded = await api.app.inject({
      method: 'POST',
      url: `${base}/evidence?name=screenshot.png&mediaType=image/png`,
      headers: { ...bearer(api.tokens.responder), 'content-type': 'application/octet-stream' },
      payload: Buffer.from('not really a png'),
    });
    const { artifact } = uploaded.json<{ artifact: { id: string; sha256: string } }>();
    const attached = await call('responder', 'POST', `${base}/evidence/attach`, { artifactId: artifact.id });
    const stranger = await call('responder', 'POST', `${base}/evidence/attach`, { artifactId: randomUUID() });
    const listed = await call('legal', 'GET', `${base}/evidence`);
    const bundle = await call('legal', 'GET', `${base}/evidence/bundle`);

    expect(uploaded.statusCode).toBe(201);
    expect(attached.json<Status>().timeline).toContainEqual(
      expect.objectContaining({ actor: 'responder-bot', action: 'evidence-attached' }),
    );
    expect(stranger.statusCode).toBe(422);
    expect(listed.json<{ artifacts: { id: string }[] }>().artifacts.map((a) => a.id)).toEqual([artifact.id]);
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['content-type']).toBe('application/gzip');
    const file = join(mkdtempSync(join(tmpdir(), 'breachline-api-bundle-')), 'bundle.tar.gz');
    writeFileSync(file, bundle.rawPayload);
    const verified = await verifyBundle(file, { expectedHead: String(bundle.headers['x-custody-head']) });
    expect(verified.problems).toEqual([]);
    const custody = await readCustodyLog(api.stack.store.db, incidentId);
    expect(custody.map((e) => [e.action, e.actor])).toEqual([
      ['capture', 'responder-bot'],
      ['export', 'legal-bot'],
    ]);
    await endIncident(incidentId);
  });

  it('answers 404 for the bundle of an incident without evidence, recording no export', async () => {
    const incidentId = await openIncident('no-evidence');

    const answer = await call('legal', 'GET', `/v1/incidents/${incidentId}/evidence/bundle`);

    expect(answer.statusCode).toBe(404);
    expect(await readCustodyLog(api.stack.store.db, incidentId)).toEqual([]);
    await endIncident(incidentId);
  });

  it('renders the closure report as Markdown and PDF, each logged as an export', async () => {
    const incidentId = await openIncident('report');

    const markdown = await call('privacy-officer', 'GET', `/v1/incidents/${incidentId}/report`);
    const pdf = await call('legal', 'GET', `/v1/incidents/${incidentId}/report?format=pdf`);

    expect(markdown.statusCode).toBe(200);
    expect(markdown.headers['content-type']).toMatch(/^text\/markdown/);
    expect(markdown.body).toContain(incidentId);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const custody = await readCustodyLog(api.stack.store.db, incidentId);
    expect(custody.map((e) => [e.action, e.actor, e.details])).toEqual([
      ['export', 'privacy-officer-bot', { report: 'md', file: `${incidentId}-closure-report.md` }],
      ['export', 'legal-bot', { report: 'pdf', file: `${incidentId}-closure-report.pdf` }],
    ]);
    await endIncident(incidentId);
  });
});

describe('the audit store', () => {
  it("records every call that reads or changes an incident under the token's name, the alert and refusals included", async () => {
    const incidentId = await openIncident('audited');
    const base = `/v1/incidents/${incidentId}`;

    await call('responder', 'POST', `${base}/acknowledge`, {});
    await call('responder', 'POST', `${base}/acknowledge`, {});
    await call('legal', 'GET', `${base}/timeline`);
    await call('legal', 'GET', `${base}/evidence`);

    // The incident's own timeline is in the audit store too, under the bare account; the API's rows say `api:`.
    const { rows } = await api.stack.store.db.query<{ user_id: string; action: string; outcome: string }>(
      `SELECT user_id, action, outcome FROM audit_events
        WHERE tenant_id = $1 AND resource_type = 'Incident' AND resource_id = $2 AND user_id LIKE 'api:%'
        ORDER BY seq`,
      [TENANT, incidentId],
    );
    expect(rows).toEqual([
      { user_id: 'api:ingest-bot', action: 'update', outcome: 'success' },
      { user_id: 'api:responder-bot', action: 'update', outcome: 'success' },
      { user_id: 'api:responder-bot', action: 'update', outcome: 'failure' },
      { user_id: 'api:legal-bot', action: 'read', outcome: 'success' },
      { user_id: 'api:legal-bot', action: 'read', outcome: 'success' },
    ]);
    await endIncident(incidentId);
  });
});
