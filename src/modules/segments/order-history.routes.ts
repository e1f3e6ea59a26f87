import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireScope, requireStaff } from '../../http/guards.ts';
import { purchaseMetrics } from './metrics.service.ts';
import { importOrderHistoryCsv } from './order-history-csv.service.ts';
import { CompanyParams, OrderHistoryBody, OrderHistoryCsvResult, OrderHistoryResult, PurchaseMetricsSchema } from './order-history.schemas.ts';
import { importOrderHistory } from './order-history.service.ts';

/** Order-history files are larger than the JSON body limit: a million order lines is about 100 MB. */
const CSV_BODY_LIMIT = 128 * 1024 * 1024;
const P = Type.Ref('Problem');

/**
 * Order history in (ERP integrations by API key, staff by CSV upload) and the purchase metrics it
 * feeds. Encapsulated so the `text/csv` body parser applies to these routes only.
 */
export async function orderHistoryRoutes(root: FastifyInstance): Promise<void> {
  await root.register(async (scope) => {
    scope.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: CSV_BODY_LIMIT }, (_req, body, done) => done(null, body));
    const app = scope.withTypeProvider<TypeBoxTypeProvider>();

    app.post(
      '/api/integrations/order-history',
      {
        preHandler: requireScope('orders:write'),
        schema: {
          tags: ['integrations: order history'],
          summary: 'Import past orders (upsert by source + externalRef); metrics and group membership of the touched companies follow',
          body: OrderHistoryBody,
          response: { 200: OrderHistoryResult, 400: P, 401: P, 403: P },
        },
      },
      async (req) => importOrderHistory(req.ctx(), req.body),
    );

    app.post(
      '/api/admin/order-history/import',
      {
        preHandler: requireStaff('orders:write'),
        bodyLimit: CSV_BODY_LIMIT,
        schema: {
          tags: ['admin: order history'],
          summary: 'Import past orders from CSV (order_ref, company_id, ordered_at, currency, sku, quantity, amount[, status, source]), one row per line',
          consumes: ['text/csv'],
          body: Type.String({ description: 'CSV text with a header row', maxLength: CSV_BODY_LIMIT }),
          response: { 200: OrderHistoryCsvResult, 400: P, 401: P, 403: P, 413: P, 415: P },
        },
      },
      async (req) => importOrderHistoryCsv(req.ctx(), req.body),
    );

    app.get(
      '/api/admin/companies/:companyId/purchase-metrics',
      {
        preHandler: requireStaff('segments:read'),
        schema: {
          tags: ['customer-groups'],
          summary: "A company's purchase metrics as segment rules read them (spend_90d, categories_bought, …)",
          params: CompanyParams,
          response: { 200: PurchaseMetricsSchema, 401: P, 403: P, 404: P },
        },
      },
      async (req) => purchaseMetrics(req.ctx(), req.params.companyId),
    );
  });
}
