import type { Client } from '@temporalio/client';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { raiseAlert } from '../../client/incidents';
import type { Config } from '../../config/schema';
import { alertSchema } from '../../incidents/alert';
import { ApiProblem } from '../problems';
import { principalOf } from '../route-access';
import { ApiRole } from '../roles';

export interface AlertRouteOptions {
  client: Client;
  config: Readonly<Config>;
}

/**
 * Alerts from outside detectors (a SIEM, the platform itself) open or feed
 * incidents exactly as breachline's own rules do: the same dedup key lands
 * on the same incident.
 */
export function alertRoutes(options: AlertRouteOptions): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.post(
      '/v1/alerts',
      {
        config: { access: { roles: [ApiRole.ingest] }, audit: { action: 'update', resourceType: 'Incident' } },
        schema: {
          summary: 'Raise an alert from an outside detector',
          tags: ['ingest'],
          security: [{ bearer: [] }],
          body: alertSchema,
          response: { 202: z.object({ incidentId: z.string() }) },
        },
      },
      async (request, reply) => {
        if (request.body.tenantId !== principalOf(request).tenantId) {
          throw ApiProblem.invalid('The alert is for another tenant', [
            { field: 'body.tenantId', problem: "differs from the token's tenant" },
          ]);
        }
        const incidentId = await raiseAlert(options.client, options.config, request.body);
        request.auditedResourceId = incidentId;
        return reply.status(202).send({ incidentId });
      },
    );
    done();
  };
}
