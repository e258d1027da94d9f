import { type Client, WorkflowNotFoundError } from '@temporalio/client';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { getIncidentStatus } from '../../client/incidents';
import { ApiProblem } from '../problems';
import { requireTenant } from '../route-access';
import { INCIDENT_READERS } from '../roles';

/** Incident ids are `incident-<tenant>-<32 hex>` (see src/client/incident-id.ts). */
const INCIDENT_ID = /^incident-([a-z0-9][a-z0-9-]{0,62})-[0-9a-f]{32}$/;

const incidentParams = z.object({ incidentId: z.string().regex(INCIDENT_ID, 'is not an incident id') });

export function tenantOfIncident(incidentId: string): string | undefined {
  return INCIDENT_ID.exec(incidentId)?.[1];
}

/**
 * The incident's state as its workflow reports it. The response is described
 * loosely in the OpenAPI document: the incident workflow's status shape is
 * still growing, and it is passed through as the workflow answers.
 */
export function incidentRoutes(client: Client): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/v1/incidents/:incidentId',
      {
        config: {
          access: { roles: INCIDENT_READERS },
          audit: { action: 'read', resourceType: 'Incident', idParam: 'incidentId' },
        },
        schema: {
          summary: 'Show an incident: phase, alerts, timeline',
          tags: ['incidents'],
          security: [{ bearer: [] }],
          params: incidentParams,
          response: { 200: z.record(z.string(), z.unknown()) },
        },
      },
      async (request) => {
        const { incidentId } = request.params;
        requireTenant(request, tenantOfIncident(incidentId), 'incident');
        try {
          return await getIncidentStatus(client, incidentId);
        } catch (error) {
          if (error instanceof WorkflowNotFoundError) throw ApiProblem.notFound('incident');
          throw error;
        }
      },
    );
    done();
  };
}
