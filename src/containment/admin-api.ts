import { z } from 'zod';
import { tenantIdSchema } from '../incidents/alert';
import type { ContainmentTarget } from './playbook';
import { REQUEST_ID_PATTERN } from './signing';
import { ContainmentKind, ContainmentOperation } from './vocabulary';

/**
 * The platform admin API breachline calls to contain an incident, shared by
 * the client and the simulator so the two cannot drift apart. Every request
 * is signed (signing.ts), carries a JSON body naming the tenant and the
 * incident, and is idempotent by its request id: sent again with the same id
 * and body, it answers what it answered the first time.
 *
 *   POST   /admin/users/:userId/suspend            suspend-user, apply
 *   POST   /admin/users/:userId/reinstate          suspend-user, undo
 *   POST   /admin/users/:userId/revoke-sessions    revoke-sessions (cannot be undone)
 *   POST   /admin/ip-blocks                        block-ip, apply; body also has ipAddress
 *   DELETE /admin/ip-blocks/:ipAddress             block-ip, undo
 *   POST   /admin/api-keys/:apiKeyId/disable       disable-api-key, apply
 *   POST   /admin/api-keys/:apiKeyId/enable        disable-api-key, undo
 *
 * Success is 200 with `{ requestId, effectiveAt, changed }` (`changed` false
 * when the target was already in that state); refusal is a 4xx with
 * `{ error, reason }`, the reason a fixed sentence with no data in it.
 */

export interface AdminRoute {
  method: 'POST' | 'DELETE';
  /** Path with `:name` parameters, as Fastify writes them; also how errors name a route without its target. */
  template: string;
}

export const adminRoutes = {
  suspendUser: { method: 'POST', template: '/admin/users/:userId/suspend' },
  reinstateUser: { method: 'POST', template: '/admin/users/:userId/reinstate' },
  revokeSessions: { method: 'POST', template: '/admin/users/:userId/revoke-sessions' },
  blockIp: { method: 'POST', template: '/admin/ip-blocks' },
  unblockIp: { method: 'DELETE', template: '/admin/ip-blocks/:ipAddress' },
  disableApiKey: { method: 'POST', template: '/admin/api-keys/:apiKeyId/disable' },
  enableApiKey: { method: 'POST', template: '/admin/api-keys/:apiKeyId/enable' },
} as const satisfies Record<string, AdminRoute>;

/** The route that applies each kind and the one that undoes it; revoked sessions cannot be given back. */
const routesByKind: Readonly<Record<ContainmentKind, { apply: AdminRoute; undo?: AdminRoute }>> = {
  [ContainmentKind.suspendUser]: { apply: adminRoutes.suspendUser, undo: adminRoutes.reinstateUser },
  [ContainmentKind.revokeSessions]: { apply: adminRoutes.revokeSessions },
  [ContainmentKind.blockIp]: { apply: adminRoutes.blockIp, undo: adminRoutes.unblockIp },
  [ContainmentKind.disableApiKey]: { apply: adminRoutes.disableApiKey, undo: adminRoutes.enableApiKey },
};

export const adminRequestBodySchema = z
  .object({
    tenantId: tenantIdSchema,
    incidentId: z.string().min(1).max(200),
    ipAddress: z.union([z.ipv4(), z.ipv6()]).optional(),
  })
  .strict();
export type AdminRequestBody = z.infer<typeof adminRequestBodySchema>;

export const adminResponseSchema = z.object({
  requestId: z.string(),
  effectiveAt: z.iso.datetime({ offset: true }),
  changed: z.boolean(),
});
export type AdminResponse = z.infer<typeof adminResponseSchema>;

export const adminErrorSchema = z.object({ error: z.string(), reason: z.string() });
export type AdminError = z.infer<typeof adminErrorSchema>;

export interface AdminCall {
  route: AdminRoute;
  /** The path with the target filled in, percent-encoded. */
  path: string;
  requestId: string;
  body: AdminRequestBody;
}

/**
 * The request id of one action of an incident, applied or undone. It is the
 * same on every retry (so the platform acts once) and differs between apply
 * and undo (so an undo is not answered with the apply's stored result).
 * `actionIndex` is the action's position in the incident's containment list,
 * unique within the incident.
 */
export function containmentRequestId(incidentId: string, actionIndex: number, operation: ContainmentOperation): string {
  const requestId = `${incidentId}.${actionIndex}.${operation}`;
  if (!Number.isSafeInteger(actionIndex) || actionIndex < 0 || !REQUEST_ID_PATTERN.test(requestId)) {
    throw new RangeError('An incident id is 1 to 180 letters, digits or . _ : - and an action index a whole number');
  }
  return requestId;
}

export interface CallContext {
  tenantId: string;
  incidentId: string;
  requestId: string;
}

/** The call that applies or undoes `kind` on `target`; undefined when the kind cannot be undone. */
export function adminCallFor(
  kind: ContainmentKind,
  operation: ContainmentOperation,
  target: ContainmentTarget,
  context: CallContext,
): AdminCall | undefined {
  const route = operation === ContainmentOperation.apply ? routesByKind[kind].apply : routesByKind[kind].undo;
  if (!route) return undefined;

  const body: AdminRequestBody = { tenantId: context.tenantId, incidentId: context.incidentId };
  if (route === adminRoutes.blockIp) body.ipAddress = target.id;
  const path = route.template.replace(/:[A-Za-z]+/, encodeURIComponent(target.id));

  return { route, path, requestId: context.requestId, body };
}
