import type { FastifyPluginCallbackZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Queryable } from '../../store/database';

const healthSchema = z.object({ status: z.literal('ok') });

/** Liveness and readiness in one: answers ok once the store answers a query. */
export function healthRoutes(db: Queryable): FastifyPluginCallbackZod {
  return (app, _options, done) => {
    app.get(
      '/health',
      {
        config: { access: { public: true } },
        schema: {
          summary: 'Whether the API and its store answer',
          tags: ['operations'],
          response: { 200: healthSchema },
        },
      },
      async () => {
        await db.query('SELECT 1');
        return { status: 'ok' as const };
      },
    );
    done();
  };
}
