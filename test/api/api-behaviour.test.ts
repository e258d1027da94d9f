import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import SwaggerParser from '@apidevtools/swagger-parser';
import type { OpenAPI } from 'openapi-types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApiServer } from '../../src/api/server';
import { incidentIdFor } from '../../src/client/incident-id';
import type { Database } from '../../src/store/database';
import { sampleAlert } from '../support/alerts';
import { auditEvents } from '../support/audit-events';
import { memoryLogger, uniqueName } from '../support/temporal';
import { type ApiFixture, bearer, OTHER_TENANT, startApi, TENANT } from './api-fixture';

const CHECKED_IN_OPENAPI = join(__dirname, '..', '..', 'openapi.json');

let api: ApiFixture;

beforeAll(async () => {
  api = await startApi((config) => ({ ...config, api: { ...config.api, rateLimitPerMinute: 1000 } }));
});

afterAll(async () => {
  await api.close();
});

const storedCount = async (db: Database): Promise<number> => {
  const { rows } = await db.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM audit_events WHERE resource_type <> 'Incident'",
  );
  return rows[0]?.n ?? 0;
};

describe('POST /v1/audit-events', () => {
  it('stores a valid batch and answers with the report', async () => {
    const answer = await api.app.inject({
      method: 'POST',
      url: '/v1/audit-events',
      headers: bearer(api.tokens.ingest),
      payload: auditEvents(3, 0),
    });

    expect(answer.statusCode).toBe(201);
    expect(answer.json()).toMatchObject({ received: 3, stored: 3, duplicates: 0 });
  });

  it('rejects a batch with one bad record whole, naming the record and field but not the value', async () => {
    const before = await storedCount(api.db);
    const batch = [
      ...auditEvents(1, 100),
      ...auditEvents(1, 101, { occurred_at: '2026-11-02 14:00:00' }),
      ...auditEvents(1, 102),
    ];

    const answer = await api.app.inject({
      method: 'POST',
      url: '/v1/audit-events',
      headers: bearer(api.tokens.ingest),
      payload: batch,
    });

    expect(answer.statusCode).toBe(400);
    const body = answer.json<{ details: { field: string }[] }>();
    expect(body.details.map((d) => d.field)).toEqual(['body.1.occurred_at']);
    expect(answer.body).not.toContain('2026-11-02 14:00:00');
    expect(await storedCount(api.db)).toBe(before);
  });

  it("refuses events for a tenant other than the token's, storing none", async () => {
    const before = await storedCount(api.db);
    const answer = await api.app.inject({
      method: 'POST',
      url: '/v1/audit-events',
      headers: bearer(api.tokens.ingest),
      payload: auditEvents(2, 200, { tenant_id: OTHER_TENANT }),
    });

    expect(answer.statusCode).toBe(400);
    expect(answer.json<{ details: { field: string }[] }>().details.map((d) => d.field)).toEqual([
      'body.0.tenant_id',
      'body.1.tenant_id',
    ]);
    expect(await storedCount(api.db)).toBe(before);
  });
});

describe('POST /v1/alerts', () => {
  it('opens the incident the dedup key belongs to, recording the call in the audit store', async () => {
    const alert = sampleAlert({ dedupKey: uniqueName('api-alert') });
    const answer = await api.app.inject({
      method: 'POST',
      url: '/v1/alerts',
      headers: bearer(api.tokens.ingest),
      payload: alert,
    });

    expect(answer.statusCode).toBe(202);
    const { incidentId } = answer.json<{ incidentId: string }>();
    expect(incidentId).toBe(incidentIdFor(TENANT, alert.dedupKey));
    const { rows } = await api.db.query<{ user_id: string; action: string }>(
      'SELECT user_id, action FROM audit_events WHERE resource_id = $1',
      [incidentId],
    );
    expect(rows).toEqual([{ user_id: 'api:ingest-bot', action: 'update' }]);
    // No worker polls this test's task queue; the incident is ended here so it does not linger.
    await api.client.workflow.getHandle(incidentId).terminate('test cleanup');
  });

  it("refuses an alert for another tenant than the token's", async () => {
    const answer = await api.app.inject({
      method: 'POST',
      url: '/v1/alerts',
      headers: bearer(api.tokens.ingest),
      payload: sampleAlert({ tenantId: OTHER_TENANT }),
    });

    expect(answer.statusCode).toBe(400);
    expect(answer.json()).toMatchObject({ details: [{ field: 'body.tenantId' }] });
  });
});

describe('answers', () => {
  it('carry security headers', async () => {
    const answer = await api.app.inject({ url: '/health' });

    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(answer.headers['strict-transport-security']).toContain('max-age=');
    expect(answer.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('hide internals of an unexpected failure behind a request id, and log it', async () => {
    const failing: Database = {
      ...api.db,
      query: () => Promise.reject(new Error('connection to 10.0.0.5 refused for patient pat-1001')),
    };
    const { logger, lines } = memoryLogger('warn');
    const app = await buildApiServer({ config: api.config, db: failing, client: api.client, logger });

    const answer = await app.inject({ url: '/health' });
    await app.close();

    expect(answer.statusCode).toBe(500);
    expect(answer.json()).toEqual({
      error: 'internal',
      message: 'Internal error; quote the request id',
      requestId: expect.any(String) as string,
    });
    expect(answer.body).not.toMatch(/pat-1001|10\.0\.0\.5|stack|at /);
    expect(lines.join('\n')).toContain('API request failed');
  });

  it('are rate limited per token', async () => {
    const limited = await startApi((config) => ({ ...config, api: { ...config.api, rateLimitPerMinute: 3 } }));
    try {
      const statuses: number[] = [];
      for (let i = 0; i < 4; i += 1) {
        statuses.push(
          (await limited.app.inject({ url: '/metrics', headers: bearer(limited.tokens.admin) })).statusCode,
        );
      }
      const other = await limited.app.inject({ url: '/health' });

      expect(statuses).toEqual([200, 200, 200, 429]);
      expect(other.statusCode).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

describe('the OpenAPI document', () => {
  it('is what the routes describe, as checked in (regenerate with `breachline api openapi --out openapi.json`)', async () => {
    const served = (await api.app.inject({ url: '/openapi.json' })).json<unknown>();
    const checkedIn = JSON.parse(readFileSync(CHECKED_IN_OPENAPI, 'utf8')) as unknown;

    expect(served).toEqual(checkedIn);
  });

  it('validates as OpenAPI', async () => {
    const document = JSON.parse(readFileSync(CHECKED_IN_OPENAPI, 'utf8')) as OpenAPI.Document;

    await expect(SwaggerParser.validate(document)).resolves.toBeDefined();
  });
});
