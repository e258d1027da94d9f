import type { Client } from '@temporalio/client';
import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ReportFormat } from '../../reports/closure-report';
import { closureReportForIncident } from '../../reports/closure-report-for-incident';
import type { Database } from '../../store/database';
import { askWorkflow, incidentParams, requireIncidentTenant } from '../incident-scope';
import { principalOf } from '../route-access';
import { INCIDENT_READERS } from '../roles';

/**
 * The closure report, as `breachline incidents report` writes it. Making one
 * copies every artifact's hash out of the store, so it is logged in the
 * incident's custody chain as an export under the token's name.
 */

const MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  [ReportFormat.markdown]: 'text/markdown; charset=utf-8',
  [ReportFormat.pdf]: 'application/pdf',
};

export interface ClosureReportRouteOptions {
  client: Client;
  db: Database;
}

export function closureReportRoutes(options: ClosureReportRouteOptions): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/v1/incidents/:incidentId/report',
      {
        config: {
          access: { roles: INCIDENT_READERS },
          audit: { action: 'export', resourceType: 'Incident', idParam: 'incidentId' },
        },
        preValidation: requireIncidentTenant,
        schema: {
          summary:
            'The closure report (timeline, actions, evidence hashes, assessment, obligations); logged as an export',
          description: 'Answers text/markdown (format=md, the default) or application/pdf (format=pdf).',
          tags: ['incidents'],
          security: [{ bearer: [] }],
          params: incidentParams,
          querystring: z.object({ format: z.enum(ReportFormat).default(ReportFormat.markdown) }).strict(),
        },
      },
      async (request, reply) => {
        const { incidentId } = request.params;
        const { format } = request.query;
        const file = `${incidentId}-closure-report.${format}`;
        const report = await askWorkflow(() =>
          closureReportForIncident(options.client, options.db, {
            incidentId,
            actor: principalOf(request).name,
            format,
            file,
          }),
        );

        return reply
          .type(MEDIA_TYPES[format])
          .header('content-disposition', `attachment; filename="${file}"`)
          .send(report.content);
      },
    );
    done();
  };
}
