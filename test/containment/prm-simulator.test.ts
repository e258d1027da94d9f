import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEventInput } from '../../src/audit/event';
import { adminCallFor, containmentRequestId } from '../../src/containment/admin-api';
import { createAdminClient } from '../../src/containment/admin-client';
import type { ContainmentTarget } from '../../src/containment/playbook';
import { signRequest } from '../../src/containment/signing';
import type { ContainmentKind, ContainmentOperation } from '../../src/containment/vocabulary';
import { type PrmSimulator, startPrmSimulator } from '../../src/prm-simulator/server';
import type { Database } from '../../src/store/database';
import { auditEvent } from '../support/audit-events';
import { storeBackends, type TestStore } from '../support/stores';

const SECRET = 'prm-simulator-test-secret-0123456789abcdef';
const TENANT = 'st-elsewhere';
const INCIDENT = 'incident-st-elsewhere-5f0c2a';
const SUSPEND_PATH = '/admin/users/u-suspect/suspend';
const SUSPEND_BODY = JSON.stringify({ tenantId: TENANT, incidentId: INCIDENT });

interface RawRequest {
  method?: string;
  path?: string;
  body?: string;
  headers?: Record<string, string>;
}

const nowSeconds = (): number => Math.floor(Date.now() / 1000);

function signed(requestId: string, request: RawRequest = {}, timestamp = nowSeconds(), secret = SECRET) {
  const method = request.method ?? 'POST';
  const path = request.path ?? SUSPEND_PATH;
  const body = request.body ?? SUSPEND_BODY;
  return { method, path, body, headers: signRequest({ method, path, body, requestId }, secret, timestamp) };
}

async function send(simulator: PrmSimulator, request: RawRequest) {
  const response = await fetch(`${simulator.url}${request.path ?? SUSPEND_PATH}`, {
    method: request.method ?? 'POST',
    headers: { 'content-type': 'application/json', ...request.headers },
    body: request.body ?? SUSPEND_BODY,
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as Record<string, unknown>,
  };
}

function eventAt(n: number, at: number, overrides: Partial<AuditEventInput> = {}): AuditEventInput {
  return auditEvent(n, { user_id: 'u-suspect', occurred_at: new Date(at).toISOString(), ...overrides });
}

async function postEvents(simulator: PrmSimulator, events: unknown) {
  const response = await fetch(`${simulator.url}/platform/events`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(events),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

interface StoredRow {
  outcome: string;
  phi_accessed: boolean;
  details: Record<string, unknown>;
}

async function stored(db: Database, id: string): Promise<StoredRow | undefined> {
  const { rows } = await db.query<StoredRow>('SELECT outcome, phi_accessed, details FROM audit_events WHERE id = $1', [
    id,
  ]);
  return rows[0];
}

describe.each(storeBackends())('the PRM simulator on $name', (backend) => {
  let store: TestStore;
  let simulator: PrmSimulator;
  const client = () => createAdminClient({ baseUrl: simulator.url, signingSecret: SECRET });

  function act(kind: ContainmentKind, operation: ContainmentOperation, target: ContainmentTarget, index = 0) {
    const requestId = containmentRequestId(INCIDENT, index, operation);
    const call = adminCallFor(kind, operation, target, { tenantId: TENANT, incidentId: INCIDENT, requestId });
    if (!call) throw new Error(`${kind} cannot be ${operation}`);
    return client().send(call);
  }

  beforeEach(async () => {
    store = await backend.open();
    simulator = await startPrmSimulator({ secret: SECRET, db: store.db });
  });

  afterEach(async () => {
    await simulator.stop();
    await store.dispose();
  });

  describe('signature checks', () => {
    it('refuses an unsigned request with 401, saying why, and suspends nobody', async () => {
      const answer = await send(simulator, {});

      expect(answer.status).toBe(401);
      expect(answer.body.error).toBe('unauthorized');
      expect(answer.body.reason).toMatch(/no signature/);
      expect(simulator.state.isSuspended(TENANT, 'u-suspect')).toBe(false);
    });

    it('refuses a request signed 301 s ago as stale', async () => {
      const answer = await send(simulator, signed('stale-1', {}, nowSeconds() - 301));

      expect(answer.status).toBe(401);
      expect(answer.body.reason).toMatch(/outside the allowed clock skew/);
    });

    it('refuses a captured signed request sent again as a replay', async () => {
      const captured = signed('replayed-1');

      const first = await send(simulator, captured);
      const replay = await send(simulator, captured);

      expect(first.status).toBe(200);
      expect(replay.status).toBe(401);
      expect(replay.body.reason).toMatch(/already received/);
    });

    it('refuses a request signed with another secret, and one whose body was changed', async () => {
      const forged = await send(
        simulator,
        signed('forged-1', {}, nowSeconds(), 'not-the-shared-secret-0123456789abcdef'),
      );
      const tampered = await send(simulator, {
        ...signed('tampered-1'),
        body: JSON.stringify({ tenantId: TENANT, incidentId: 'incident-other' }),
      });

      expect([forged.status, tampered.status]).toEqual([401, 401]);
      expect(forged.body.reason).toMatch(/does not match/);
      expect(simulator.state.isSuspended(TENANT, 'u-suspect')).toBe(false);
    });
  });

  describe('idempotency', () => {
    it('answers a retry under the same request id, signed afresh, with the first answer', async () => {
      const first = await send(simulator, signed('retry-1', {}, nowSeconds() - 2));
      const retry = await send(simulator, signed('retry-1'));

      expect(first.status).toBe(200);
      expect(first.body).toMatchObject({ requestId: 'retry-1', changed: true });
      expect(retry.status).toBe(200);
      expect(retry.body).toEqual(first.body);
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
    });

    it('says changed: false for a new request id on a user already suspended', async () => {
      await send(simulator, signed('first-suspension'));
      const again = await send(simulator, signed('second-suspension'));

      expect(again.status).toBe(200);
      expect(again.body.changed).toBe(false);
    });

    it('refuses a request id reused for a different request with 422', async () => {
      await send(simulator, signed('reused-1'));
      const other = await send(simulator, signed('reused-1', { path: '/admin/users/u-other/suspend' }));

      expect(other.status).toBe(422);
      expect(other.body.reason).toMatch(/used for a different request/);
      expect(simulator.state.isSuspended(TENANT, 'u-other')).toBe(false);
    });
  });

  describe('request checks', () => {
    it('refuses a body with bad fields with 400, naming the bad and missing ones in order, then the unknown ones', async () => {
      const body = JSON.stringify({ tenantId: 'Not A Slug', incident: INCIDENT });

      const answer = await send(simulator, signed('bad-body-1', { body }));

      expect(answer.status).toBe(400);
      expect(answer.body.reason).toBe('bad or missing field(s): tenantId, incidentId; unknown field(s): incident');
    });

    it('refuses a block of something that is not an IP address', async () => {
      const path = '/admin/ip-blocks/not-an-address';
      const answer = await send(simulator, signed('bad-ip-1', { method: 'DELETE', path }));

      expect(answer.status).toBe(400);
      expect(answer.body.reason).toBe('the target is not an IP address');
    });

    it('refuses a tenant it does not serve with 403', async () => {
      const single = await startPrmSimulator({ secret: SECRET, db: store.db, tenantId: 'mercy-general' });
      try {
        const answer = await send(single, signed('other-tenant-1'));

        expect(answer.status).toBe(403);
      } finally {
        await single.stop();
      }
    });
  });

  describe('enforcement', () => {
    it('stores an event by a suspended user, after the suspension, as denied', async () => {
      const before = eventAt(1, Date.now() - 60_000);
      const reply = await act('suspend-user', 'apply', { type: 'user', id: 'u-suspect' });
      const after = eventAt(2, Date.now() + 1_000);
      const bystander = eventAt(3, Date.now() + 1_000, { user_id: 'u-bystander' });

      const posted = await postEvents(simulator, [before, after, bystander]);

      expect(reply.status).toBe(200);
      expect(posted).toEqual({ status: 200, body: { stored: 3, duplicates: 0, denied: 1 } });
      expect(await stored(store.db, after.id)).toEqual({
        outcome: 'denied',
        phi_accessed: false,
        details: { screen: 'chart-summary', denied_reason: 'account-suspended' },
      });
      expect((await stored(store.db, before.id))?.outcome).toBe('success');
      expect((await stored(store.db, bystander.id))?.outcome).toBe('success');
    });

    it('stops denying a reinstated user, and still denies what happened while suspended', async () => {
      await act('suspend-user', 'apply', { type: 'user', id: 'u-suspect' });
      const during = eventAt(4, Date.now());
      await new Promise((resolve) => setTimeout(resolve, 5));
      const undo = await act('suspend-user', 'undo', { type: 'user', id: 'u-suspect' });
      const later = eventAt(5, Date.now() + 1_000);

      await postEvents(simulator, [during, later]);

      expect(undo.response.changed).toBe(true);
      expect((await stored(store.db, during.id))?.outcome).toBe('denied');
      expect((await stored(store.db, later.id))?.outcome).toBe('success');
    });

    it('denies events from a blocked IPv6 address written another way, and lifts the block on DELETE', async () => {
      await act('block-ip', 'apply', { type: 'ip-address', id: '2001:db8::7' }, 1);
      const blocked = eventAt(6, Date.now() + 1_000, { user_id: 'u-anyone', ip_address: '2001:0db8:0:0:0:0:0:7' });
      await postEvents(simulator, [blocked]);
      const lifted = await act('block-ip', 'undo', { type: 'ip-address', id: '2001:db8::7' }, 1);
      const afterwards = eventAt(7, Date.now() + 1_000, { user_id: 'u-anyone', ip_address: '2001:db8::7' });
      await postEvents(simulator, [afterwards]);

      expect(lifted.response.changed).toBe(true);
      expect((await stored(store.db, blocked.id))?.details.denied_reason).toBe('address-blocked');
      expect((await stored(store.db, afterwards.id))?.outcome).toBe('success');
    });

    it('denies an event made with a disabled API key', async () => {
      await act('disable-api-key', 'apply', { type: 'api-key', id: 'key-77' }, 2);
      const event = eventAt(8, Date.now() + 1_000, { user_id: 'svc-export', details: { api_key_id: 'key-77' } });

      await postEvents(simulator, event);

      expect((await stored(store.db, event.id))?.details).toEqual({
        api_key_id: 'key-77',
        denied_reason: 'api-key-disabled',
      });
    });

    it('records a session revocation without denying later events', async () => {
      const reply = await act('revoke-sessions', 'apply', { type: 'user', id: 'u-suspect' }, 3);
      const event = eventAt(9, Date.now() + 1_000);
      await postEvents(simulator, [event]);

      expect(reply.response.changed).toBe(true);
      expect(simulator.state.sessionsRevokedAt(TENANT, 'u-suspect')).toHaveLength(1);
      expect((await stored(store.db, event.id))?.outcome).toBe('success');
    });

    it('refuses a bad batch of events whole, naming the record and field, storing none', async () => {
      const good = eventAt(10, Date.now());
      const bad = { ...eventAt(11, Date.now()), outcome: 'maybe' };

      const posted = await postEvents(simulator, [good, bad]);

      expect(posted.status).toBe(400);
      expect(posted.body.reason).toMatch(/record 1, outcome/);
      expect(await stored(store.db, good.id)).toBeUndefined();
    });
  });
});
