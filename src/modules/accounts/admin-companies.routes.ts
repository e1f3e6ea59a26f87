import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import {
  CompanyCreateBody,
  CompanyListQuery,
  CompanyPatchBody,
  CompanySchema,
  IdLocationParams,
  IdParams,
  LocationCreateBody,
  LocationPatchBody,
  LocationSchema,
} from './accounts.schemas.ts';
import { companyAncestors, createCompany, deleteCompany, getCompany, listCompanies, updateCompany } from './companies.service.ts';
import { createLocation, deleteLocation, listLocations, updateLocation } from './locations.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['companies'];

/** Staff management of companies, their hierarchy and their locations. */
export async function adminCompanyRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = requireStaff('companies:read');
  const write = requireStaff('companies:write');

  app.get(
    '/api/admin/companies',
    {
      schema: {
        tags,
        summary: 'List companies: search by name, filter by parent (`root` for the top level)',
        querystring: CompanyListQuery,
        response: { 200: Page(Type.Object({ ...CompanySchema.properties, childCount: Type.Integer() }, { additionalProperties: false })), 400: ERR, ...DENIED },
      },
      preHandler: read,
    },
    async (request) => listCompanies(request.ctx(), request.query),
  );

  app.post(
    '/api/admin/companies',
    { schema: { tags, summary: 'Create a company (optionally under a parent)', body: CompanyCreateBody, response: { 201: CompanySchema, 400: ERR, 404: ERR, ...DENIED } }, preHandler: write },
    async (request, reply) => reply.status(201).send(await createCompany(request.ctx(), request.body)),
  );

  app.get(
    '/api/admin/companies/:id',
    { schema: { tags, summary: 'One company', params: IdParams, response: { 200: CompanySchema, 404: ERR, ...DENIED } }, preHandler: read },
    async (request) => getCompany(request.ctx(), request.params.id),
  );

  app.patch(
    '/api/admin/companies/:id',
    {
      schema: {
        tags,
        summary: 'Change a company; a new parentId moves its whole subtree (HIERARCHY_CYCLE if under itself)',
        params: IdParams,
        body: CompanyPatchBody,
        response: { 200: CompanySchema, 400: ERR, 404: ERR, 409: ERR, ...DENIED },
      },
      preHandler: write,
    },
    async (request) => updateCompany(request.ctx(), request.params.id, request.body),
  );

  app.delete(
    '/api/admin/companies/:id',
    { schema: { tags, summary: 'Delete a company without children', params: IdParams, response: { 204: Type.Null(), 404: ERR, 409: ERR, ...DENIED } }, preHandler: write },
    async (request, reply) => {
      await deleteCompany(request.ctx(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/admin/companies/:id/ancestors',
    {
      schema: { tags, summary: 'The company’s ancestors, root first', params: IdParams, response: { 200: Type.Object({ items: Type.Array(CompanySchema) }), 404: ERR, ...DENIED } },
      preHandler: read,
    },
    async (request) => ({ items: await companyAncestors(request.ctx(), request.params.id) }),
  );

  app.get(
    '/api/admin/companies/:id/locations',
    { schema: { tags, summary: 'A company’s locations', params: IdParams, querystring: PageQuery, response: { 200: Page(LocationSchema), 404: ERR, ...DENIED } }, preHandler: read },
    async (request) => {
      const ctx = request.ctx();
      await getCompany(ctx, request.params.id);
      return listLocations(ctx, request.params.id, request.query);
    },
  );

  app.post(
    '/api/admin/companies/:id/locations',
    { schema: { tags, summary: 'Add a location', params: IdParams, body: LocationCreateBody, response: { 201: LocationSchema, 400: ERR, 404: ERR, ...DENIED } }, preHandler: write },
    async (request, reply) => {
      const ctx = request.ctx();
      await getCompany(ctx, request.params.id);
      return reply.status(201).send(await createLocation(ctx, request.params.id, request.body));
    },
  );

  app.patch(
    '/api/admin/companies/:id/locations/:locationId',
    {
      schema: { tags, summary: 'Change a location', params: IdLocationParams, body: LocationPatchBody, response: { 200: LocationSchema, 400: ERR, 404: ERR, ...DENIED } },
      preHandler: write,
    },
    async (request) => updateLocation(request.ctx(), request.params.id, request.params.locationId, request.body),
  );

  app.delete(
    '/api/admin/companies/:id/locations/:locationId',
    { schema: { tags, summary: 'Delete a location', params: IdLocationParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } }, preHandler: write },
    async (request, reply) => {
      await deleteLocation(request.ctx(), request.params.id, request.params.locationId);
      return reply.status(204).send(null);
    },
  );
}
