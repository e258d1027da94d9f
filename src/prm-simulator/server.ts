import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError } from 'fastify';
import type { Logger } from '../logging/logger';
import type { Database } from '../store/database';
import { adminRoutesPlugin } from './admin-routes';
import { registerPatientDirectory } from './patient-directory-routes';
import { registerPlatformEvents } from './platform-events';
import { PlatformState } from './platform-state';

/**
 * A stand-in for the PRM platform, for tests, the demo and trying breachline
 * on one machine: the signed admin API that containment calls (admin-routes.ts)
 * and an endpoint for user traffic that records audit events in the
 * breachline store, enforcing what containment did (platform-events.ts),
 * and a FHIR directory of invented patients (patient-directory-routes.ts).
 * Suspensions, blocks and stored answers live in memory: a restart forgets
 * them, which a simulator can afford and a platform cannot.
 */

export interface PrmSimulatorOptions {
  /** Shared with breachline's PRM_SIGNING_SECRET. */
  secret: string;
  /** Where user traffic is recorded. */
  db: Database;
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** When set, the only tenant this platform serves: admin requests and events for others are refused. */
  tenantId?: string;
  maxSkewSeconds?: number;
  /** Milliseconds since the epoch; tests move it to check skew. */
  clock?: () => number;
  logger?: Logger;
}

export interface PrmSimulator {
  url: string;
  /** What the platform currently enforces, for tests and the demo to look at. */
  state: PlatformState;
  stop(): Promise<void>;
}

/** Refusals carry a fixed reason; a parse error's message could quote the body back. */
function errorAnswer(error: FastifyError, logger: Logger | undefined): { status: number; reason: string } {
  const status = error.statusCode ?? 500;
  if (status >= 500) logger?.error({ code: error.code }, 'PRM simulator failed on a request');
  return { status, reason: status >= 500 ? 'internal error' : `the request could not be read (${error.code})` };
}

export async function startPrmSimulator(options: PrmSimulatorOptions): Promise<PrmSimulator> {
  if (options.secret === '') throw new RangeError('The PRM simulator needs a signing secret');
  const state = new PlatformState();
  const clock = options.clock ?? Date.now;

  const app = Fastify({ logger: false });
  app.setErrorHandler((error: FastifyError, _request, reply) => {
    const { status, reason } = errorAnswer(error, options.logger);
    return reply.code(status).send({ error: status >= 500 ? 'internal' : 'bad-request', reason });
  });
  registerPlatformEvents(app, { db: options.db, state, tenantId: options.tenantId });
  registerPatientDirectory(app);
  await app.register(adminRoutesPlugin, { ...options, state, clock });

  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const { address, port } = app.server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;

  return { url: `http://${host}:${port}`, state, stop: () => app.close() };
}
