import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ApiMetrics } from '../metrics';
import { ApiRole } from '../roles';

export function metricsRoutes(metrics: ApiMetrics): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/metrics',
      {
        config: { access: { roles: [ApiRole.admin] } },
        schema: {
          summary: 'Prometheus metrics, in the text exposition format',
          tags: ['operations'],
          security: [{ bearer: [] }],
          response: { 200: z.string() },
        },
      },
      async (_request, reply) => {
        void reply.type(metrics.registry.contentType);
        return metrics.registry.metrics();
      },
    );
    done();
  };
}
