import { WorkflowNotFoundError } from '@temporalio/client';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { RequestRefusedError } from '../client/incidents';
import { ApiProblem } from './problems';
import { principalOf } from './route-access';
import type { ApiRole } from './roles';

/**
 * What every route under /v1/incidents/:incidentId shares: the id's shape,
 * the tenant check, and how the workflow's answers become HTTP answers.
 */

/** Incident ids are `incident-<tenant>-<32 hex>` (see src/client/incident-id.ts). */
const INCIDENT_ID = /^incident-([a-z0-9][a-z0-9-]{0,62})-[0-9a-f]{32}$/;

export const incidentParams = z.object({ incidentId: z.string().regex(INCIDENT_ID, 'is not an incident id') });

export function tenantOfIncident(incidentId: string): string | undefined {
  return INCIDENT_ID.exec(incidentId)?.[1];
}

/**
 * A preValidation hook: an incident of another tenant, or an id that is no
 * incident's, answers 404 before the body is even looked at, so a caller
 * learns nothing about another tenant's incidents, not even which payloads
 * they would accept.
 */
export function requireIncidentTenant(request: FastifyRequest): Promise<void> {
  const { incidentId } = request.params as { incidentId?: string };
  const tenantId = incidentId === undefined ? undefined : tenantOfIncident(incidentId);
  if (tenantId === undefined || tenantId !== principalOf(request).tenantId) {
    return Promise.reject(ApiProblem.notFound('incident'));
  }

  return Promise.resolve();
}

/** The role a caller acts in: the first of its token's roles that the action admits (the route let it in). */
export function actingRole<Role extends string>(request: FastifyRequest, admitted: readonly Role[]): Role {
  const roles: readonly ApiRole[] = principalOf(request).roles;
  const role = admitted.find((candidate) => (roles as readonly string[]).includes(candidate));
  if (!role) throw ApiProblem.forbidden(admitted);

  return role;
}

/** Runs a call to an incident's workflows; a refusal becomes a 409 with the workflow's own reason, a missing workflow a 404. */
export async function askWorkflow<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof RequestRefusedError) throw ApiProblem.refused(error.message);
    if (error instanceof WorkflowNotFoundError) throw ApiProblem.notFound('incident');
    throw error;
  }
}
