import type { Client } from '@temporalio/client';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { RequestRefusedError } from '../../client/incidents';
import { getObligationsStatus, recordObligationMet } from '../../client/obligations';
import { metRequestSchema } from '../../obligations/tracking';
import { askWorkflow, incidentParams, requireIncidentTenant } from '../incident-scope';
import { ApiProblem } from '../problems';
import { principalOf } from '../route-access';
import { ApiRole, INCIDENT_READERS } from '../roles';

/**
 * Legal's side of an incident: the tracked notice obligations and the
 * record that one was met, which stops its reminders. Recording is legal's
 * (and an admin's, standing in, as for the other breach-file decisions);
 * who records it is the token's name, never the body's.
 */

/** Who may record a notice as given. */
export const OBLIGATION_RECORDERS = [ApiRole.legal, ApiRole.admin] as const;

const statusSchema = z.record(z.string(), z.unknown());

const metBodySchema = metRequestSchema.omit({ recordedBy: true });

/** Before the breach facts are set there is no tracker: that is a 404 with the reason, not a refusal. */
async function trackedStatus(client: Client, incidentId: string) {
  try {
    return await getObligationsStatus(client, incidentId);
  } catch (error) {
    if (error instanceof RequestRefusedError) throw new ApiProblem(404, 'not-found', error.message);
    throw error;
  }
}

export function obligationRoutes(client: Client): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/v1/incidents/:incidentId/obligations',
      {
        config: {
          access: { roles: INCIDENT_READERS },
          audit: { action: 'read', resourceType: 'Incident', idParam: 'incidentId' },
        },
        preValidation: requireIncidentTenant,
        schema: {
          summary: "The incident's tracked notice obligations: due dates, next reminders, which are met",
          tags: ['obligations'],
          security: [{ bearer: [] }],
          params: incidentParams,
          response: { 200: statusSchema },
        },
      },
      async (request) => (await trackedStatus(client, request.params.incidentId)) as unknown as Record<string, unknown>,
    );

    app.post(
      '/v1/incidents/:incidentId/obligations/met',
      {
        config: {
          access: { roles: OBLIGATION_RECORDERS },
          audit: { action: 'update', resourceType: 'Incident', idParam: 'incidentId' },
        },
        preValidation: requireIncidentTenant,
        schema: {
          summary: 'Record that a notice was given (when, how, what proves it); its reminders stop',
          tags: ['obligations'],
          security: [{ bearer: [] }],
          params: incidentParams,
          body: metBodySchema,
          response: { 200: statusSchema },
        },
      },
      async (request) => {
        const met = { ...request.body, recordedBy: principalOf(request).name };
        const status = await askWorkflow(() => recordObligationMet(client, request.params.incidentId, met));

        return status as unknown as Record<string, unknown>;
      },
    );
    done();
  };
}
