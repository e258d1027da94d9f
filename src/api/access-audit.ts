import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ingest } from '../audit/ingest';
import type { AuditAction } from '../audit/event';
import type { Database } from '../store/database';

/**
 * Every call that reads or changes an incident is itself written to the
 * audit store, with the token's name as the actor, before the answer is
 * sent: if the audit write fails, the caller gets a 500 rather than an
 * unaudited answer. Refused calls are recorded too (outcome `denied`).
 * Incident state can quote PHI (an alert's summary), so reads count as PHI
 * access. A call without a valid token has no tenant to file it under and is
 * only logged.
 */
export interface AuditedRoute {
  action: Extract<AuditAction, 'read' | 'update' | 'create' | 'export'>;
  resourceType: string;
  /** The route parameter holding the resource id; a listing or a codec call has none. */
  idParam?: string;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    audit?: AuditedRoute;
  }
  interface FastifyRequest {
    /** Set by a handler whose resource id is not in the URL (an alert's incident is derived from its body). */
    auditedResourceId?: string;
  }
}

function outcomeOf(status: number): 'success' | 'failure' | 'denied' {
  if (status < 400) return 'success';
  return status === 401 || status === 403 || status === 404 ? 'denied' : 'failure';
}

function resourceIdOf(request: FastifyRequest, audited: AuditedRoute): string | null {
  const params = request.params as Record<string, string | undefined>;
  const id = request.auditedResourceId ?? (audited.idParam === undefined ? undefined : params[audited.idParam]);

  return id?.slice(0, 200) ?? null;
}

function auditEvent(request: FastifyRequest, audited: AuditedRoute, status: number) {
  const principal = request.principal;
  if (!principal) return undefined;

  return {
    id: randomUUID(),
    occurred_at: new Date().toISOString(),
    tenant_id: principal.tenantId,
    user_id: `api:${principal.name}`,
    ip_address: request.ip,
    user_agent: request.headers['user-agent']?.slice(0, 1000) ?? null,
    action: audited.action,
    resource_type: audited.resourceType,
    resource_id: resourceIdOf(request, audited),
    patient_id: null,
    phi_accessed: audited.action === 'read' || audited.action === 'export',
    outcome: outcomeOf(status),
    details: { method: request.method, route: request.routeOptions.url ?? '', status },
  };
}

export function registerAccessAudit(app: FastifyInstance, db: Database): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const audited = request.routeOptions.config.audit;
    if (!audited) return payload;

    const event = auditEvent(request, audited, reply.statusCode);
    if (!event) {
      request.log.warn({ route: request.routeOptions.url }, 'Unauthenticated call to an audited route');
      return payload;
    }
    await ingest(db, [event], { tenantId: event.tenant_id });
    return payload;
  });
}
