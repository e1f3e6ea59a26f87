import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Database } from '../../db/client.ts';
import { actorKey } from '../../http/context.ts';
import { requireBuyer } from '../../http/guards.ts';
import { AppError } from '../../lib/errors.ts';
import { ORDER_LIVE_CHANNEL } from './shipments-events.ts';
import { OrderParams } from './shipments.schemas.ts';
import { watchableOrder } from './shipments.service.ts';
import { liveHubFor, sseMessage } from './tracking-live.ts';

const P = Type.Ref('Problem');

/**
 * `GET /api/store/orders/:id/live`: server-sent events for one order (`ready` on connect, then
 * `shipment`, `tracking` and `status` notices, and a comment heartbeat). Notices come from
 * NOTIFY precis_order_live, sent by the writing transaction in whichever process wrote, and heard
 * here through one LISTEN per process; with PGlite the same process delivers them.
 */
export async function orderLiveRoutes(app: FastifyInstance, deps: { readonly database: Pick<Database, 'db' | 'listen'> }): Promise<void> {
  const hub = liveHubFor(deps.database.db);
  const unlisten = await hub.attach((channel, onPayload) => deps.database.listen(channel, onPayload), ORDER_LIVE_CHANNEL);
  // Streams never end on their own: close this app's before the server waits for open connections.
  const open = new Set<() => void>();
  app.addHook('preClose', async () => [...open].forEach((end) => end()));
  app.addHook('onClose', async () => unlisten());

  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  r.get(
    '/api/store/orders/:id/live',
    {
      preHandler: requireBuyer('company.orders:read'),
      schema: {
        tags: ['store: orders'],
        summary: 'Live updates of an order (server-sent events: ready, shipment, tracking, status)',
        description: 'text/event-stream. Each event carries `{ orderId, kind, shipmentId?, status? }`; re-read the order and its shipments when one arrives. A comment line is sent as a heartbeat.',
        params: OrderParams,
        response: {
          200: { description: 'An event stream', content: { 'text/event-stream': { schema: Type.String() } } },
          401: P,
          403: P,
          404: P,
          429: P,
          503: P,
        },
      },
    },
    async (req, reply) => {
      const order = await watchableOrder(req.ctx(), req.params.id);
      const res = reply.raw;
      const timer: { heartbeat?: NodeJS.Timeout; maxAge?: NodeJS.Timeout } = {};
      let off = () => undefined as void;
      const end = () => {
        clearInterval(timer.heartbeat);
        clearTimeout(timer.maxAge);
        off();
        open.delete(end);
        if (!res.writableEnded) res.end();
      };
      const sub = hub.subscribe(order.id, actorKey(req.actor), (notice) => res.write(sseMessage(notice.kind, notice)));
      if (!sub.ok) {
        if (sub.reason === 'user') throw new AppError('RATE_LIMITED', 'Too many live order pages open; close some tabs');
        reply.header('retry-after', '30');
        throw new AppError('SERVICE_UNAVAILABLE', 'Live updates are at capacity; retry shortly');
      }
      off = sub.off;
      open.add(end);
      reply.hijack();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
        'x-request-id': req.id,
      });
      res.write(`retry: 3000\n\n${sseMessage('ready', { orderId: order.id, kind: 'ready', status: order.status })}`);
      timer.heartbeat = setInterval(() => res.write(': heartbeat\n\n'), hub.limits.heartbeatMs);
      timer.heartbeat.unref();
      timer.maxAge = setTimeout(end, hub.limits.maxAgeMs);
      timer.maxAge.unref();
      req.raw.on('close', end);
      res.on('close', end);
      res.on('error', end);
      if (req.raw.destroyed || res.destroyed) end(); // the client left before the listeners were on
    },
  );
}
