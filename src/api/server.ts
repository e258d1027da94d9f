import { createHash } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import type { Client } from '@temporalio/client';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { Config } from '../config/schema';
import type { Logger } from '../logging/logger';
import type { Database } from '../store/database';
import { registerAccessAudit } from './access-audit';
import { registerErrorHandler } from './error-handler';
import { registerMetrics } from './metrics';
import { registerRouteAccess, type RouteAccess } from './route-access';
import { alertRoutes } from './routes/alerts';
import { auditEventRoutes } from './routes/audit-events';
import { closureReportRoutes } from './routes/closure-report';
import { codecRoutes } from './routes/codec';
import { evidenceRoutes } from './routes/evidence';
import { healthRoutes } from './routes/health';
import { incidentUpdateRoutes } from './routes/incident-updates';
import { incidentRoutes } from './routes/incidents';
import { notificationRoutes } from './routes/notification';
import { obligationRoutes } from './routes/obligations';
import { metricsRoutes } from './routes/metrics';
import { openApiRoutes } from './routes/openapi';
import { twilioStatusRoutes } from './routes/twilio-status';

export interface ApiDependencies {
  config: Readonly<Config>;
  db: Database;
  client: Client;
  logger: Logger;
  /** See AuditEventRouteOptions. */
  afterIngest?: (tenantId: string) => Promise<void>;
}

/** A route as it was registered, with who may call it: what the route × role test walks. */
export interface RouteSummary {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeSummaries: readonly RouteSummary[];
  }
}

/** Rate limits count per token (by a digest, never the token itself) and, without one, per address. */
function rateLimitKey(request: { headers: { authorization?: string }; ip: string }): string {
  const header = request.headers.authorization;
  return header ? createHash('sha256').update(header).digest('hex') : request.ip;
}

/**
 * The responder API: every route validated with zod, authorised by role and
 * tenant, rate limited, answered with security headers and without
 * internals, and described in an OpenAPI document at /openapi.json.
 */
export async function buildApiServer(deps: ApiDependencies): Promise<FastifyInstance> {
  const { api } = deps.config;
  // Typed as Fastify's logger, so the instance keeps Fastify's own generic types.
  const logger: FastifyBaseLogger = deps.logger.child({ component: 'api' });
  const app = Fastify({
    loggerInstance: logger,
    // Request URLs hold incident ids; what an operator needs is logged by the error handler.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: api.bodyLimitBytes,
    trustProxy: api.trustProxy,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  registerErrorHandler(app);
  await app.register(fastifyHelmet);
  await app.register(fastifyRateLimit, {
    max: api.rateLimitPerMinute,
    timeWindow: '1 minute',
    keyGenerator: rateLimitKey,
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'breachline API', version: '0.1.0', description: 'Incident response and breach notification' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
    // Collects shared and recursive schemas (an event's `details` is any JSON) into components.
    transformObject: jsonSchemaTransformObject,
  });
  // Before the summaries, whose hook then sees the access this one gives preflight routes.
  registerRouteAccess(app, deps.db);
  const routes: RouteSummary[] = [];
  app.decorate('routeSummaries', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const method of methods) {
      if (method !== 'HEAD' && route.config?.access)
        routes.push({ method, url: route.url, access: route.config.access });
    }
  });
  registerAccessAudit(app, deps.db);
  const metrics = registerMetrics(app);

  await app.register(healthRoutes(deps.db));
  await app.register(metricsRoutes(metrics));
  await app.register(openApiRoutes());
  await app.register(auditEventRoutes({ db: deps.db, afterIngest: deps.afterIngest }));
  await app.register(alertRoutes({ client: deps.client, config: deps.config }));
  await app.register(incidentRoutes(deps.client));
  await app.register(incidentUpdateRoutes({ client: deps.client, db: deps.db }));
  await app.register(obligationRoutes(deps.client));
  await app.register(notificationRoutes(deps.client));
  await app.register(evidenceRoutes({ db: deps.db, dataDir: deps.config.dataDir }));
  await app.register(closureReportRoutes({ client: deps.client, db: deps.db }));
  await app.register(codecRoutes(deps.config), { prefix: '/codec' });
  await app.register(twilioStatusRoutes({ db: deps.db, sms: deps.config.sms }));
  await app.ready();

  return app;
}
