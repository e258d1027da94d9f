import type { FastifyInstance } from 'fastify';
import { API_ROLES, type ApiRole } from '../../src/api/roles';
import { buildApiServer } from '../../src/api/server';
import { issueToken } from '../../src/api/tokens';
import { type DevServerWorker, startDevServerWorker } from '../support/dev-server-worker';
import { memoryLogger } from '../support/temporal';
import { OTHER_TENANT, TENANT } from './api-fixture';

/**
 * The API in front of a real worker on the shared dev server, so responder
 * updates reach a running incident workflow. Tokens as in api-fixture.ts,
 * plus `twoRoles`, a token that is both responder and privacy officer.
 */

export interface WorkerApi {
  app: FastifyInstance;
  stack: DevServerWorker;
  tokens: Record<ApiRole | 'other' | 'twoRoles', string>;
  close(): Promise<void>;
}

export async function startWorkerApi(): Promise<WorkerApi> {
  const stack = await startDevServerWorker({ escalation: ['1h', '2h'] });
  const db = stack.store.db;
  const app = await buildApiServer({ config: stack.config, db, client: stack.client, logger: memoryLogger().logger });

  const tokens = {} as WorkerApi['tokens'];
  for (const role of API_ROLES) {
    tokens[role] = (await issueToken(db, { tenantId: TENANT, name: `${role}-bot`, roles: [role] })).token;
  }
  tokens.other = (await issueToken(db, { tenantId: OTHER_TENANT, name: 'other-admin', roles: ['admin'] })).token;
  const twoRoles = { tenantId: TENANT, name: 'dual.hat', roles: ['responder', 'privacy-officer'] as ApiRole[] };
  tokens.twoRoles = (await issueToken(db, twoRoles)).token;

  return {
    app,
    stack,
    tokens,
    async close() {
      await app.close();
      await stack.stop();
    },
  };
}
