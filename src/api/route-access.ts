import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Queryable } from '../store/database';
import { ApiProblem } from './problems';
import type { ApiRole } from './roles';
import { authenticateToken, type Principal } from './tokens';

/**
 * Who may call a route. Every route must say: one registered without an
 * `access` entry in its config is refused at start-up, so no route is open
 * by accident. A webhook signed by a provider takes no token: its `roles`
 * stay empty, and the route checks the provider's signature itself.
 */
export type RouteAccess =
  { public: true } | { roles: readonly ApiRole[] } | { roles: readonly ApiRole[]; signedBy: 'twilio' };

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    principal?: Principal;
  }
}

/** The authenticated caller of a route that is not public; routes call it instead of reading the field. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new Error('principalOf called on a public route');
  return request.principal;
}

/** A resource belonging to another tenant answers as if it did not exist, so ids cannot be probed across tenants. */
export function requireTenant(request: FastifyRequest, tenantId: string | undefined, what: string): void {
  if (tenantId !== principalOf(request).tenantId) throw ApiProblem.notFound(what);
}

function bearerToken(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  const match = header ? /^Bearer ([^\s]+)$/.exec(header) : null;
  return match?.[1];
}

export function registerRouteAccess(app: FastifyInstance, db: Queryable): void {
  app.addHook('onRoute', (route) => {
    // CORS preflights (the OPTIONS route @fastify/cors adds) carry no credentials by the Fetch standard.
    if (route.method === 'OPTIONS' && !route.config?.access)
      route.config = { ...route.config, access: { public: true } };
    if (!route.config?.access) throw new Error(`Route ${route.method.toString()} ${route.url} declares no access`);
  });

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    // Unknown paths have no route config; Fastify answers them 404 itself.
    if (!access || 'public' in access || 'signedBy' in access) return;

    const token = bearerToken(request);
    const principal = token ? await authenticateToken(db, token) : undefined;
    if (!principal) {
      void reply.header('www-authenticate', 'Bearer');
      throw ApiProblem.unauthorized();
    }
    // Set before the role check, so a refused call is audited under its caller.
    request.principal = principal;
    if (!principal.roles.some((role) => access.roles.includes(role))) throw ApiProblem.forbidden(access.roles);
  });
}
