import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { type AdminRequestBody, adminRequestBodySchema, type AdminRoute, adminRoutes } from '../containment/admin-api';
import { IDEMPOTENT_REPLAY_HEADER } from '../containment/admin-client';
import { ReplayGuard, SignatureHeader, verifySignedRequest } from '../containment/signing';
import type { Logger } from '../logging/logger';
import type { PlatformState } from './platform-state';

/**
 * The admin API of admin-api.ts, as the platform would serve it. Every
 * request must be signed; then its request id is the idempotency key:
 *
 * - a request id not seen before is carried out and its answer stored;
 * - the same request id with the same method, path and body (a sender's
 *   retry, signed afresh) gets the stored answer again, marked with the
 *   `idempotent-replayed: true` header, and changes nothing;
 * - the same request id with anything else different is refused with 422;
 * - the very same signature a second time is a replay of a captured request
 *   and is refused with 401 by the signature check, before any of this.
 *
 * Stored answers are kept in memory for as long as the simulator runs.
 */

export interface AdminRoutesOptions {
  secret: string;
  state: PlatformState;
  /** When set, the only tenant this platform serves. */
  tenantId?: string;
  maxSkewSeconds?: number;
  /** Milliseconds since the epoch. */
  clock: () => number;
  logger?: Logger;
}

interface Answer {
  status: number;
  body: object;
}

interface StoredAnswer extends Answer {
  fingerprint: string;
}

const MAX_BODY_BYTES = 16 * 1024;

type Effect = (state: PlatformState, body: AdminRequestBody, target: string, at: number) => boolean;

/** What each route does to the platform; `target` is the path parameter, or the body's address. */
const effects = new Map<AdminRoute, Effect>([
  [adminRoutes.suspendUser, (state, body, target, at) => state.suspendUser(body.tenantId, target, at)],
  [adminRoutes.reinstateUser, (state, body, target, at) => state.reinstateUser(body.tenantId, target, at)],
  [adminRoutes.revokeSessions, (state, body, target, at) => state.revokeSessions(body.tenantId, target, at)],
  [adminRoutes.blockIp, (state, body, target, at) => state.blockAddress(body.tenantId, target, at)],
  [adminRoutes.unblockIp, (state, body, target, at) => state.unblockAddress(body.tenantId, target, at)],
  [adminRoutes.disableApiKey, (state, body, target, at) => state.disableApiKey(body.tenantId, target, at)],
  [adminRoutes.enableApiKey, (state, body, target, at) => state.enableApiKey(body.tenantId, target, at)],
]);

const refusal = (status: number, error: string, reason: string): Answer => ({ status, body: { error, reason } });

const addressSchema = z.union([z.ipv4(), z.ipv6()]);

function rawBody(request: FastifyRequest): string {
  return typeof request.body === 'string' ? request.body : '';
}

function fingerprint(request: FastifyRequest): string {
  return createHash('sha256')
    .update(`${request.method}\n${request.url}\n${rawBody(request)}`)
    .digest('hex');
}

/** Names the bad or missing fields in the schema's order, then any unknown ones: never a value. */
function fieldProblems(issues: readonly z.core.$ZodIssue[]): string {
  const unknown = issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys : []));
  const bad = issues.filter((issue) => issue.code !== 'unrecognized_keys').map((issue) => issue.path.join('.'));
  const parts = [
    ...(bad.length > 0 ? [`bad or missing field(s): ${[...new Set(bad)].join(', ')}`] : []),
    ...(unknown.length > 0 ? [`unknown field(s): ${unknown.join(', ')}`] : []),
  ];
  return parts.join('; ');
}

function readBody(request: FastifyRequest): AdminRequestBody | Answer {
  let json: unknown;
  try {
    json = JSON.parse(rawBody(request));
  } catch {
    return refusal(400, 'bad-request', 'the body is not JSON');
  }
  const parsed = adminRequestBodySchema.safeParse(json);
  if (parsed.success) return parsed.data;

  return refusal(400, 'bad-request', fieldProblems(parsed.error.issues));
}

function targetOf(route: AdminRoute, request: FastifyRequest, body: AdminRequestBody): string | Answer {
  const target =
    route === adminRoutes.blockIp ? body.ipAddress : Object.values(request.params as Record<string, unknown>)[0];
  if (typeof target !== 'string' || target === '') return refusal(400, 'bad-request', 'no target named');
  const isAddressRoute = route === adminRoutes.blockIp || route === adminRoutes.unblockIp;
  if (isAddressRoute && !addressSchema.safeParse(target).success) {
    return refusal(400, 'bad-request', 'the target is not an IP address');
  }
  return target;
}

function carryOut(route: AdminRoute, request: FastifyRequest, requestId: string, options: AdminRoutesOptions): Answer {
  const body = readBody(request);
  if ('status' in body) return body;
  if (options.tenantId && body.tenantId !== options.tenantId) {
    return refusal(403, 'forbidden', 'this platform does not serve that tenant');
  }
  const target = targetOf(route, request, body);
  if (typeof target !== 'string') return target;

  const at = options.clock();
  const changed = (effects.get(route) as Effect)(options.state, body, target, at);

  return { status: 200, body: { requestId, effectiveAt: new Date(at).toISOString(), changed } };
}

function send(reply: FastifyReply, answer: Answer): FastifyReply {
  return reply.code(answer.status).send(answer.body);
}

/** Registers the admin routes in their own scope, whose bodies stay raw text so signatures can be checked. */
export function adminRoutesPlugin(app: FastifyInstance, options: AdminRoutesOptions, done: () => void): void {
  const replayGuard = new ReplayGuard();
  const answers = new Map<string, StoredAnswer>();

  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string', bodyLimit: MAX_BODY_BYTES }, (_request, body, done) => {
    done(null, body);
  });

  app.addHook('preValidation', async (request, reply) => {
    const verification = verifySignedRequest(
      { method: request.method, path: request.url, body: rawBody(request), headers: request.headers },
      {
        secret: options.secret,
        replayGuard,
        maxSkewSeconds: options.maxSkewSeconds,
        now: Math.floor(options.clock() / 1000),
      },
    );
    if (verification.ok) return;
    options.logger?.warn({ refusal: verification.reason }, 'PRM simulator refused an unverified admin request');
    return send(reply, refusal(401, 'unauthorized', verification.message));
  });

  for (const route of effects.keys()) {
    app.route({
      method: route.method,
      url: route.template,
      handler: async (request, reply) => {
        const requestId = request.headers[SignatureHeader.requestId] as string;
        const print = fingerprint(request);
        const stored = answers.get(requestId);
        if (stored && stored.fingerprint !== print) {
          return send(reply, refusal(422, 'unprocessable', 'this request id was used for a different request'));
        }
        if (stored) return send(reply.header(IDEMPOTENT_REPLAY_HEADER, 'true'), stored);

        const answer = carryOut(route, request, requestId, options);
        answers.set(requestId, { ...answer, fingerprint: print });
        options.logger?.info(
          { route: route.template, requestId, status: answer.status },
          'PRM simulator admin request',
        );
        return send(reply, answer);
      },
    });
  }

  done();
}
