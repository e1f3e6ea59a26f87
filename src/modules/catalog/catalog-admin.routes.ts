import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page } from '../../http/pagination.ts';
import * as s from './catalog-admin.schemas.ts';
import * as products from './catalog-admin.service.ts';
import * as inventory from './inventory.service.ts';

const P = Type.Ref('Problem');
const errors = { 400: P, 401: P, 403: P, 404: P, 409: P };
const read = requireStaff('catalog:read');
const write = requireStaff('catalog:write');

/** Staff routes for products, their variants and inventory levels. */
export async function catalogAdminRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin: products'];

  r.get(
    '/api/admin/products',
    { preHandler: read, schema: { tags, summary: 'List products (newest first)', querystring: s.ProductListQuery, response: { 200: Page(s.ProductSummary), ...errors } } },
    async (req) => products.listProducts(req.ctx(), req.query),
  );
  r.post(
    '/api/admin/products',
    { preHandler: write, schema: { tags, summary: 'Create a product with its variants', body: s.ProductCreate, response: { 201: s.AdminProduct, ...errors } } },
    async (req, reply) => reply.status(201).send(await products.createProduct(req.ctx(), req.body)),
  );
  r.get(
    '/api/admin/products/:id',
    { preHandler: read, schema: { tags, summary: 'A product with its variants', params: s.IdParams, response: { 200: s.AdminProduct, ...errors } } },
    async (req) => products.getProduct(req.ctx(), req.params.id),
  );
  r.patch(
    '/api/admin/products/:id',
    { preHandler: write, schema: { tags, summary: 'Update a product', params: s.IdParams, body: s.ProductPatch, response: { 200: s.AdminProduct, ...errors } } },
    async (req) => products.updateProduct(req.ctx(), req.params.id, req.body),
  );
  r.delete(
    '/api/admin/products/:id',
    { preHandler: write, schema: { tags, summary: 'Delete a product and its variants', params: s.IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await products.deleteProduct(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    },
  );
  r.post(
    '/api/admin/products/:id/variants',
    { preHandler: write, schema: { tags, summary: 'Add a variant', params: s.IdParams, body: s.VariantCreate, response: { 201: s.AdminVariant, ...errors } } },
    async (req, reply) => reply.status(201).send(await products.addVariant(req.ctx(), req.params.id, req.body)),
  );
  r.patch(
    '/api/admin/products/:id/variants/:variantId',
    { preHandler: write, schema: { tags, summary: 'Update a variant', params: s.VariantParams, body: s.VariantPatch, response: { 200: s.AdminVariant, ...errors } } },
    async (req) => products.updateVariant(req.ctx(), req.params.id, req.params.variantId, req.body),
  );
  r.delete(
    '/api/admin/products/:id/variants/:variantId',
    { preHandler: write, schema: { tags, summary: 'Delete a variant', params: s.VariantParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await products.deleteVariant(req.ctx(), req.params.id, req.params.variantId);
      return reply.status(204).send(null);
    },
  );

  const invTags = ['admin: inventory'];
  r.get(
    '/api/admin/inventory',
    { preHandler: read, schema: { tags: invTags, summary: 'Stock per variant × warehouse', querystring: s.InventoryListQuery, response: { 200: Page(s.InventoryLevel), ...errors } } },
    async (req) => inventory.listInventory(req.ctx(), req.query),
  );
  r.put(
    '/api/admin/inventory',
    {
      preHandler: requireStaff('inventory:write'),
      schema: { tags: invTags, summary: 'Set on-hand stock by SKU and warehouse code (bulk)', body: s.InventoryPut, response: { 200: s.InventoryPutResult, ...errors } },
    },
    async (req) => inventory.setInventoryLevels(req.ctx(), req.body.items),
  );
}
