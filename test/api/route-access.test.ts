import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ROLES, type ApiRole } from '../../src/api/roles';
import { revokeToken } from '../../src/api/tokens';
import { incidentIdFor } from '../../src/client/incident-id';
import type { RouteSummary } from '../../src/api/server';
import { type ApiFixture, bearer, OTHER_TENANT, startApi, TENANT } from './api-fixture';

/**
 * Who may call what, written out by hand: a route whose access changes must
 * change here too. `public` routes need no token at all.
 */
const READERS = ['responder', 'privacy-officer', 'legal', 'admin'] as const;
const EXPECTED_ACCESS: Record<string, readonly ApiRole[] | 'public'> = {
  'GET /health': 'public',
  'GET /openapi.json': 'public',
  'GET /metrics': ['admin'],
  'POST /v1/audit-events': ['ingest'],
  'POST /v1/alerts': ['ingest'],
  'GET /v1/incidents': READERS,
  'GET /v1/incidents/:incidentId': READERS,
  'GET /v1/incidents/:incidentId/timeline': READERS,
  'POST /v1/incidents/:incidentId/acknowledge': ['responder', 'admin'],
  'POST /v1/incidents/:incidentId/assign': READERS,
  'POST /v1/incidents/:incidentId/notes': READERS,
  'POST /v1/incidents/:incidentId/containment/approve': ['responder', 'admin'],
  'POST /v1/incidents/:incidentId/containment/reject': ['responder', 'admin'],
  'POST /v1/incidents/:incidentId/evidence/attach': READERS,
  'POST /v1/incidents/:incidentId/assessment': ['privacy-officer', 'legal'],
  'POST /v1/incidents/:incidentId/population': ['privacy-officer', 'legal', 'admin'],
  'POST /v1/incidents/:incidentId/facts': ['privacy-officer', 'legal', 'admin'],
  'POST /v1/incidents/:incidentId/false-positive': ['responder', 'privacy-officer', 'admin'],
  'POST /v1/incidents/:incidentId/close': ['privacy-officer', 'legal', 'admin'],
  'GET /v1/incidents/:incidentId/obligations': READERS,
  'POST /v1/incidents/:incidentId/obligations/met': ['legal', 'admin'],
  'POST /v1/incidents/:incidentId/notification': ['privacy-officer', 'legal'],
  'GET /v1/incidents/:incidentId/notification': READERS,
  'POST /v1/incidents/:incidentId/notification/pause': ['privacy-officer', 'legal', 'admin'],
  'POST /v1/incidents/:incidentId/notification/resume': ['privacy-officer', 'legal', 'admin'],
  'GET /v1/incidents/:incidentId/evidence': READERS,
  'POST /v1/incidents/:incidentId/evidence': READERS,
  'GET /v1/incidents/:incidentId/evidence/bundle': READERS,
  'GET /v1/incidents/:incidentId/report': READERS,
  'POST /codec/decode': ['admin'],
  'POST /codec/encode': ['admin'],
  'OPTIONS /codec*': 'public',
  // Signed by Twilio instead of a token: no role gets in with one.
  'POST /v1/webhooks/twilio/status': [],
};

const INCIDENT_ID = incidentIdFor(TENANT, 'route-access-test');
const concreteUrl = (url: string): string => url.replace(':incidentId', INCIDENT_ID).replace('*', '/decode');

/** Every caller the walk tries: each role of TENANT, and an admin of another tenant. */
const CALLERS = [...API_ROLES, 'other'] as const;

function callRoute(route: RouteSummary, caller: (typeof CALLERS)[number]) {
  return api.app.inject({
    method: route.method as 'GET' | 'POST',
    url: concreteUrl(route.url),
    headers: bearer(api.tokens[caller]),
    payload: route.method === 'POST' ? {} : undefined,
  });
}

/**
 * What a caller should get: through (the role check passed), refused (401
 * or 403), or, for another tenant's admin on an incident route, not found.
 * The walk's incident does not exist, so an allowed caller's GET may well
 * answer 404 too; it still got past the role check. Another tenant's POST
 * answers 404 where the same tenant's empty body answers 400: the tenant is
 * checked before the body.
 */
type Outcome = 'through' | 'refused' | 'not-found';

function expectedOutcome(route: RouteSummary, caller: (typeof CALLERS)[number]): Outcome {
  if ('public' in route.access) return 'through';
  const role = caller === 'other' ? 'admin' : caller;
  if (!route.access.roles.includes(role)) return 'refused';
  return caller === 'other' && route.url.includes(':incidentId') ? 'not-found' : 'through';
}

function actualOutcome(status: number, caller: (typeof CALLERS)[number]): Outcome {
  if (status === 401 || status === 403) return 'refused';
  return status === 404 && caller === 'other' ? 'not-found' : 'through';
}

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

  it('lets every role, and an admin of another tenant, through exactly the routes it is allowed', async () => {
    const mismatches: string[] = [];
    for (const route of api.app.routeSummaries) {
      if ('public' in route.access) continue;
      for (const caller of CALLERS) {
        const answer = await callRoute(route, caller);
        const expected = expectedOutcome(route, caller);
        const actual = actualOutcome(answer.statusCode, caller);
        if (actual !== expected) {
          mismatches.push(`${caller} on ${route.method} ${route.url}: ${answer.statusCode}, expected ${expected}`);
        }
      }
    }

    expect(mismatches).toEqual([]);
  });

  it('walks every registered route: the walk above skips only the public ones', () => {
    const walked = api.app.routeSummaries.filter((route) => !('public' in route.access));

    expect(walked).toHaveLength(Object.values(EXPECTED_ACCESS).filter((access) => access !== 'public').length);
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
