import type { FastifyInstance } from 'fastify';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics for the API process: Node's defaults plus requests by
 * route pattern (never the concrete URL, which holds ids) and status.
 */
export interface ApiMetrics {
  registry: Registry;
}

export function registerMetrics(app: FastifyInstance): ApiMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'breachline_' });
  const requests = new Counter({
    name: 'breachline_api_requests_total',
    help: 'API requests answered, by route pattern, method and status',
    labelNames: ['route', 'method', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'breachline_api_request_seconds',
    help: 'Time to answer an API request, by route pattern',
    labelNames: ['route'] as const,
    registers: [registry],
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    requests.inc({ route, method: request.method, status: String(reply.statusCode) });
    durations.observe({ route }, reply.elapsedTime / 1000);
  });

  return { registry };
}
