import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROLES, type ApiRole } from '../../src/api/roles';
import { revokeToken } from '../../src/api/tokens';
import { incidentIdFor } from '../../src/client/incident-id';
import { type ApiFixture, bearer, OTHER_TENANT, startApi, TENANT } from './api-fixture';

/**
 * Who may call what, written out by hand: a route whose access changes must
 * change here too. `public` routes need no token at all.
 */
const EXPECTED_ACCESS: Record<string, readonly ApiRole[] | 'public'> = {
  'GET /health': 'public',
  'GET /openapi.json': 'public',
  'GET /metrics': ['admin'],
  'POST /v1/audit-events': ['ingest'],
  'POST /v1/alerts': ['ingest'],
  'GET /v1/incidents/:incidentId': ['responder', 'privacy-officer', 'legal', 'admin'],
};

const INCIDENT_ID = incidentIdFor(TENANT, 'route-access-test');
const concreteUrl = (url: string): string => url.replace(':incidentId', INCIDENT_ID);

let api: ApiFixture;

beforeAll(async () => {
  api = await startApi();
});

afterAll(async () => {
  await api.close();
});

describe('route access', () => {
  it('registers exactly the routes the table expects, each with the expected access', () => {
    const declared = Object.fromEntries(
      api.app.routeSummaries.map((route) => [
        `${route.method} ${route.url}`,
        'public' in route.access ? 'public' : [...route.access.roles].sort(),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(EXPECTED_ACCESS).map(([route, access]) => [
        route,
        access === 'public' ? access : [...access].sort(),
      ]),
    );

    expect(declared).toEqual(expected);
  });

  it('lets every role through exactly the routes it is allowed, and refuses the rest with 403', async () => {
    const outcomes: string[] = [];
    for (const route of api.app.routeSummaries) {
      if ('public' in route.access) continue;
      for (const role of API_ROLES) {
        const answer = await api.app.inject({
          method: route.method as 'GET' | 'POST',
          url: concreteUrl(route.url),
          headers: bearer(api.tokens[role]),
          payload: route.method === 'POST' ? {} : undefined,
        });
        const allowed = route.access.roles.includes(role);
        const passed = answer.statusCode !== 403 && answer.statusCode !== 401;
        if (passed !== allowed) outcomes.push(`${role} on ${route.method} ${route.url}: ${answer.statusCode}`);
      }
    }

    expect(outcomes).toEqual([]);
  });

  it('answers public routes without a token', async () => {
    for (const url of ['/health', '/openapi.json']) {
      expect((await api.app.inject({ url })).statusCode).toBe(200);
    }
  });

  it('refuses a missing, malformed, unknown or revoked token with 401 and a Bearer challenge', async () => {
    const revoked = api.tokens.legal;
    await revokeToken(api.db, revoked.split('_')[1] ?? '');
    const headers = [{}, { authorization: 'Basic abc' }, bearer('bl_0000000000000000_nope'), bearer(revoked)];

    for (const header of headers) {
      const answer = await api.app.inject({ url: concreteUrl('/v1/incidents/:incidentId'), headers: header });
      expect(answer.statusCode).toBe(401);
      expect(answer.headers['www-authenticate']).toBe('Bearer');
      expect(answer.json()).toMatchObject({ error: 'unauthorized' });
    }
  });

  it("answers another tenant's incident as not found", async () => {
    const answer = await api.app.inject({
      url: `/v1/incidents/${incidentIdFor(TENANT, 'someone-elses')}`,
      headers: bearer(api.tokens.other),
    });

    expect(answer.statusCode).toBe(404);
    expect(answer.json()).toMatchObject({ error: 'not-found', message: 'No such incident' });
  });

  it('records reads of incidents, refused ones included, in the audit store under the caller', async () => {
    const incidentId = incidentIdFor(TENANT, 'audited-read');
    await api.app.inject({ url: `/v1/incidents/${incidentId}`, headers: bearer(api.tokens.responder) });
    await api.app.inject({ url: `/v1/incidents/${incidentId}`, headers: bearer(api.tokens.ingest) });
    await api.app.inject({ url: `/v1/incidents/${incidentId}`, headers: bearer(api.tokens.other) });

    const { rows } = await api.db.query<{ tenant_id: string; user_id: string; action: string; outcome: string }>(
      `SELECT tenant_id, user_id, action, outcome FROM audit_events
        WHERE resource_type = 'Incident' AND resource_id = $1 ORDER BY tenant_id, seq`,
      [incidentId],
    );
    expect(rows).toEqual([
      { tenant_id: OTHER_TENANT, user_id: 'api:other-admin', action: 'read', outcome: 'denied' },
      { tenant_id: TENANT, user_id: 'api:responder-bot', action: 'read', outcome: 'denied' },
      { tenant_id: TENANT, user_id: 'api:ingest-bot', action: 'read', outcome: 'denied' },
    ]);
  });
});
