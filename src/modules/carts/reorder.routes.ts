import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireBuyer } from '../../http/guards.ts';
import * as s from './carts.schemas.ts';
import { reorder } from './reorder.service.ts';

const ERR = { $ref: 'Problem#' } as const;

/** Reorder: a past order's lines back into a cart, re-priced, unavailable lines reported. */
export async function reorderRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.post('/api/store/orders/:id/reorder', {
    schema: {
      tags: ['store: carts'],
      summary: "Put a past order's lines into a cart (current by default, or `new`) at today's prices; unavailable items are reported",
      params: s.OrderParams, body: s.ReorderBody, response: { 200: s.ReorderResult, 400: ERR, 401: ERR, 403: ERR, 404: ERR, 409: ERR, 422: ERR },
    },
    preHandler: requireBuyer('company.carts:write'),
  }, async (req) => reorder(req.ctx(), req.params.id, req.body));
}
