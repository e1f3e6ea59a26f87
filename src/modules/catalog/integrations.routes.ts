import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireScope } from '../../http/guards.ts';
import { Page } from '../../http/pagination.ts';
import * as s from './catalog-admin.schemas.ts';
import { productsForSync } from './catalog-admin.service.ts';
import { setInventoryLevels } from './inventory.service.ts';

const P = Type.Ref('Problem');
const errors = { 400: P, 401: P, 403: P };

/** API-key routes for ERP/PIM integrations. */
export async function catalogIntegrationRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['integrations: catalog'];
  r.get(
    '/api/integrations/products',
    {
      preHandler: requireScope('catalog:read'),
      schema: { tags, summary: 'Products with variants, optionally only those changed since a time', querystring: s.SyncQuery, response: { 200: Page(s.AdminProduct), ...errors } },
    },
    async (req) => productsForSync(req.ctx(), req.query),
  );
  r.put(
    '/api/integrations/inventory',
    {
      preHandler: requireScope('inventory:write'),
      schema: { tags, summary: 'Set on-hand stock by SKU and warehouse code (bulk)', body: s.InventoryPut, response: { 200: s.InventoryPutResult, ...errors } },
    },
    async (req) => setInventoryLevels(req.ctx(), req.body.items),
  );
}
