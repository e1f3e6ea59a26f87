import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import client from 'prom-client';
import type { Database } from '../db/client.ts';
import { problem, sendProblem } from './problem.ts';

/** `/healthz` (process alive), `/readyz` (database reachable) and `/metrics` (Prometheus). */
export function registerObservability(app: FastifyInstance, database: Database): void {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: 'precis_http_request_duration_seconds',
    help: 'HTTP request duration by route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    duration.labels(request.method, route, String(reply.statusCode)).observe(reply.elapsedTime / 1000);
  });

  const hide = { hide: true } as const;
  app.get('/healthz', { schema: { ...hide, response: { 200: Type.Object({ status: Type.String() }) } } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: hide }, async (_req, reply) => {
    try {
      await database.ping();
      return { status: 'ready', database: database.kind };
    } catch (err) {
      app.log.warn({ err }, 'readiness check failed');
      return sendProblem(reply, problem('SERVICE_UNAVAILABLE', 'The database is not reachable'));
    }
  });
  app.get('/metrics', { schema: hide }, async (_req, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
}
