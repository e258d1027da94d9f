import { Client } from '@temporalio/client';
import type { FastifyInstance } from 'fastify';
import { inject } from 'vitest';
import { API_ROLES, type ApiRole } from '../../src/api/roles';
import { buildApiServer } from '../../src/api/server';
import { issueToken } from '../../src/api/tokens';
import type { Config } from '../../src/config/schema';
import type { Database } from '../../src/store/database';
import { connectClient } from '../../src/temporal/connection';
import { openPgliteTestStore, type TestStore } from '../support/stores';
import { memoryLogger, uniqueName } from '../support/temporal';
import { loadTestConfig } from '../support/test-config';

export const TENANT = 'st-elsewhere';
export const OTHER_TENANT = 'county-general';

export interface ApiFixture {
  app: FastifyInstance;
  db: Database;
  client: Client;
  config: Readonly<Config>;
  /** One token per role in TENANT, and `other` for an admin of OTHER_TENANT. */
  tokens: Record<ApiRole | 'other', string>;
  logLines: string[];
  close(): Promise<void>;
}

/** An API on a fresh embedded store and the shared dev server, built the way production builds it. */
export async function startApi(tweak: (config: Readonly<Config>) => Readonly<Config> = (c) => c): Promise<ApiFixture> {
  const address = inject('temporalAddress');
  const config = tweak(
    loadTestConfig({ smtpUrl: 'smtp://127.0.0.1:1', taskQueue: uniqueName('api'), temporalAddress: address }),
  );
  const store: TestStore = await openPgliteTestStore();
  const client = await connectClient(config, address);
  const { logger, lines } = memoryLogger('warn');
  const app = await buildApiServer({ config, db: store.db, client, logger });

  const tokens = {} as Record<ApiRole | 'other', string>;
  for (const role of API_ROLES) {
    tokens[role] = (await issueToken(store.db, { tenantId: TENANT, name: `${role}-bot`, roles: [role] })).token;
  }
  tokens.other = (await issueToken(store.db, { tenantId: OTHER_TENANT, name: 'other-admin', roles: ['admin'] })).token;

  return {
    app,
    db: store.db,
    client,
    config,
    tokens,
    logLines: lines,
    async close() {
      await app.close();
      await client.connection.close();
      await store.dispose();
    },
  };
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

export { Client };
