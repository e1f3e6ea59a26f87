import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireBuyer } from '../../http/guards.ts';
import * as s from './carts.schemas.ts';
import { addQuickOrder, previewQuickOrder } from './quick-order.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['store: quick order'];

/** Quick order: paste SKUs or upload a CSV, preview with per-line problems, add the good lines to a cart. */
export async function quickOrderRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.post('/api/store/quick-order/preview', {
    schema: {
      tags, summary: 'Preview pasted "SKU quantity" lines or a CSV file: merged duplicates, prices and problems per line (at most 1,000 lines)',
      body: s.QuickPreviewBody, response: { 200: s.QuickPreview, 400: ERR, 413: ERR, ...DENIED },
    },
    preHandler: requireBuyer(),
  }, async (req) => previewQuickOrder(req.ctx(), req.body));

  app.post('/api/store/quick-order/add', {
    schema: {
      tags, summary: 'Add quick-order lines to a cart (your current cart by default); unknown SKUs are reported as skipped',
      body: s.QuickAddBody, response: { 200: s.QuickAddResult, 400: ERR, 404: ERR, 409: ERR, 422: ERR, ...DENIED },
    },
    preHandler: requireBuyer('company.carts:write'),
  }, async (req) => addQuickOrder(req.ctx(), req.body.cartId, req.body.lines));
}
