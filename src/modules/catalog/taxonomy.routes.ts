import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page } from '../../http/pagination.ts';
import * as s from './catalog-admin.schemas.ts';
import * as tax from './taxonomy.service.ts';

const P = Type.Ref('Problem');
const errors = { 400: P, 401: P, 403: P, 404: P, 409: P };
const read = requireStaff('catalog:read');
const write = requireStaff('catalog:write');

/** Staff routes for categories, brands and warehouses. */
export async function taxonomyRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  let tags = ['admin: categories'];
  r.get(
    '/api/admin/categories',
    { preHandler: read, schema: { tags, summary: 'Categories in tree order', querystring: s.CategoryListQuery, response: { 200: Page(s.AdminCategory), ...errors } } },
    async (req) => tax.listCategories(req.ctx(), req.query),
  );
  r.post(
    '/api/admin/categories',
    { preHandler: write, schema: { tags, summary: 'Create a category', body: s.CategoryCreate, response: { 201: s.AdminCategory, ...errors } } },
    async (req, reply) => reply.status(201).send(await tax.createCategory(req.ctx(), req.body)),
  );
  r.get(
    '/api/admin/categories/:id',
    { preHandler: read, schema: { tags, summary: 'A category', params: s.IdParams, response: { 200: s.AdminCategory, ...errors } } },
    async (req) => tax.getCategory(req.ctx(), req.params.id),
  );
  r.patch(
    '/api/admin/categories/:id',
    { preHandler: write, schema: { tags, summary: 'Rename, reorder or move a category', params: s.IdParams, body: s.CategoryPatch, response: { 200: s.AdminCategory, ...errors } } },
    async (req) => tax.updateCategory(req.ctx(), req.params.id, req.body),
  );
  r.delete(
    '/api/admin/categories/:id',
    { preHandler: write, schema: { tags, summary: 'Delete an empty category', params: s.IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await tax.deleteCategory(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  tags = ['admin: brands'];
  r.get(
    '/api/admin/brands',
    { preHandler: read, schema: { tags, summary: 'Brands by name', querystring: s.BrandListQuery, response: { 200: Page(s.AdminBrand), ...errors } } },
    async (req) => tax.listBrands(req.ctx(), req.query),
  );
  r.post(
    '/api/admin/brands',
    { preHandler: write, schema: { tags, summary: 'Create a brand', body: s.BrandCreate, response: { 201: s.AdminBrand, ...errors } } },
    async (req, reply) => reply.status(201).send(await tax.createBrand(req.ctx(), req.body)),
  );
  r.get(
    '/api/admin/brands/:id',
    { preHandler: read, schema: { tags, summary: 'A brand', params: s.IdParams, response: { 200: s.AdminBrand, ...errors } } },
    async (req) => tax.getBrand(req.ctx(), req.params.id),
  );
  r.patch(
    '/api/admin/brands/:id',
    { preHandler: write, schema: { tags, summary: 'Rename a brand', params: s.IdParams, body: s.BrandPatch, response: { 200: s.AdminBrand, ...errors } } },
    async (req) => tax.updateBrand(req.ctx(), req.params.id, req.body),
  );
  r.delete(
    '/api/admin/brands/:id',
    { preHandler: write, schema: { tags, summary: 'Delete a brand without products', params: s.IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await tax.deleteBrand(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    },
  );

  tags = ['admin: warehouses'];
  r.get(
    '/api/admin/warehouses',
    { preHandler: read, schema: { tags, summary: 'Warehouses', querystring: s.WarehouseListQuery, response: { 200: Page(s.AdminWarehouse), ...errors } } },
    async (req) => tax.listWarehouses(req.ctx(), req.query),
  );
  r.post(
    '/api/admin/warehouses',
    { preHandler: write, schema: { tags, summary: 'Create a warehouse', body: s.WarehouseCreate, response: { 201: s.AdminWarehouse, ...errors } } },
    async (req, reply) => reply.status(201).send(await tax.createWarehouse(req.ctx(), req.body)),
  );
  r.get(
    '/api/admin/warehouses/:id',
    { preHandler: read, schema: { tags, summary: 'A warehouse', params: s.IdParams, response: { 200: s.AdminWarehouse, ...errors } } },
    async (req) => tax.getWarehouse(req.ctx(), req.params.id),
  );
  r.patch(
    '/api/admin/warehouses/:id',
    { preHandler: write, schema: { tags, summary: 'Update a warehouse', params: s.IdParams, body: s.WarehousePatch, response: { 200: s.AdminWarehouse, ...errors } } },
    async (req) => tax.updateWarehouse(req.ctx(), req.params.id, req.body),
  );
  r.delete(
    '/api/admin/warehouses/:id',
    { preHandler: write, schema: { tags, summary: 'Delete a warehouse without stock', params: s.IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await tax.deleteWarehouse(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
