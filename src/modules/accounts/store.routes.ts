import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { buyerOf, requireBuyer } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import {
  CompanySchema,
  CompanyUserCreateBody,
  CompanyUserSchema,
  IdParams,
  LocationCreateBody,
  LocationPatchBody,
  LocationSchema,
  StoreUserPatchBody,
} from './accounts.schemas.ts';
import { publicCompany } from './companies.service.ts';
import { createLocation, deleteLocation, listLocations, updateLocation } from './locations.service.ts';
import { storeCompanies, storeOwnCompany, storeOwnLocations, storeReadableCompany } from './store.service.ts';
import { addCompanyUser, listCompanyUsers, removeCompanyUser, updateCompanyUser } from './users.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['my company'];

/**
 * The buyer's own company: its data, its subtree (read-only, for company admins), its locations
 * and users (writes for company admins, and only in the company the buyer acts for).
 */
export async function storeAccountRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/store/company',
    {
      schema: {
        tags,
        summary: 'The company the buyer acts for, with its parent',
        response: {
          200: Type.Object(
            { ...CompanySchema.properties, parent: Type.Union([Type.Object({ id: Type.String(), legalName: Type.String() }), Type.Null()]) },
            { additionalProperties: false },
          ),
          ...DENIED,
        },
      },
      preHandler: requireBuyer('company:read'),
    },
    async (request) => storeOwnCompany(request.ctx()),
  );

  app.get(
    '/api/store/companies',
    {
      schema: {
        tags,
        summary: 'Own company and (for company admins) every company below it, flat with parentId and depth',
        querystring: PageQuery,
        response: { 200: Page(Type.Object({ ...CompanySchema.properties, depth: Type.Integer() }, { additionalProperties: false })), 400: ERR, ...DENIED },
      },
      preHandler: requireBuyer('company:read'),
    },
    async (request) => storeCompanies(request.ctx(), request.query),
  );

  app.get(
    '/api/store/companies/:id',
    {
      schema: { tags, summary: 'Own company or a descendant (else 404)', params: IdParams, response: { 200: Type.Object({ ...CompanySchema.properties, depth: Type.Integer() }, { additionalProperties: false }), 404: ERR, ...DENIED } },
      preHandler: requireBuyer('company:read'),
    },
    async (request) => {
      const c = await storeReadableCompany(request.ctx(), request.params.id);
      return { ...publicCompany(c), depth: c.relDepth };
    },
  );

  app.get(
    '/api/store/companies/:id/locations',
    {
      schema: { tags, summary: 'Locations of own company or a descendant (read-only)', params: IdParams, querystring: PageQuery, response: { 200: Page(LocationSchema), 404: ERR, ...DENIED } },
      preHandler: requireBuyer('company.locations:read'),
    },
    async (request) => {
      const ctx = request.ctx();
      const c = await storeReadableCompany(ctx, request.params.id);
      return c.id === buyerOf(request).companyId ? storeOwnLocations(ctx, request.query) : listLocations(ctx, c.id, request.query);
    },
  );

  app.get(
    '/api/store/companies/:id/users',
    {
      schema: { tags, summary: 'Users of own company or a descendant (read-only)', params: IdParams, querystring: PageQuery, response: { 200: Page(CompanyUserSchema), 404: ERR, ...DENIED } },
      preHandler: requireBuyer('company.users:read'),
    },
    async (request) => {
      const ctx = request.ctx();
      const c = await storeReadableCompany(ctx, request.params.id);
      return listCompanyUsers(ctx, c.id, request.query);
    },
  );

  app.get(
    '/api/store/company/locations',
    {
      schema: { tags, summary: 'Locations the buyer may use (all, or those their membership is limited to)', querystring: PageQuery, response: { 200: Page(LocationSchema), 400: ERR, ...DENIED } },
      preHandler: requireBuyer('company.locations:read'),
    },
    async (request) => storeOwnLocations(request.ctx(), request.query),
  );

  app.post(
    '/api/store/company/locations',
    { schema: { tags, summary: 'Add a location (company admin)', body: LocationCreateBody, response: { 201: LocationSchema, 400: ERR, ...DENIED } }, preHandler: requireBuyer('company.locations:write') },
    async (request, reply) => reply.status(201).send(await createLocation(request.ctx(), buyerOf(request).companyId, request.body)),
  );

  app.patch(
    '/api/store/company/locations/:id',
    {
      schema: { tags, summary: 'Change a location (company admin)', params: IdParams, body: LocationPatchBody, response: { 200: LocationSchema, 400: ERR, 404: ERR, ...DENIED } },
      preHandler: requireBuyer('company.locations:write'),
    },
    async (request) => updateLocation(request.ctx(), buyerOf(request).companyId, request.params.id, request.body),
  );

  app.delete(
    '/api/store/company/locations/:id',
    { schema: { tags, summary: 'Delete a location (company admin)', params: IdParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } }, preHandler: requireBuyer('company.locations:write') },
    async (request, reply) => {
      await deleteLocation(request.ctx(), buyerOf(request).companyId, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/store/company/users',
    { schema: { tags, summary: 'The company’s users (company admin)', querystring: PageQuery, response: { 200: Page(CompanyUserSchema), 400: ERR, ...DENIED } }, preHandler: requireBuyer('company.users:read') },
    async (request) => listCompanyUsers(request.ctx(), buyerOf(request).companyId, request.query),
  );

  app.post(
    '/api/store/company/users',
    {
      schema: { tags, summary: 'Add a user to the company (company admin)', body: CompanyUserCreateBody, response: { 201: CompanyUserSchema, 400: ERR, 409: ERR, ...DENIED } },
      preHandler: requireBuyer('company.users:write'),
    },
    async (request, reply) => reply.status(201).send(await addCompanyUser(request.ctx(), buyerOf(request).companyId, request.body)),
  );

  app.patch(
    '/api/store/company/users/:id',
    {
      schema: {
        tags,
        summary: 'Change a user’s role or locations (company admin; LAST_ADMIN protects the last admin)',
        params: IdParams,
        body: StoreUserPatchBody,
        response: { 200: CompanyUserSchema, 400: ERR, 404: ERR, 409: ERR, ...DENIED },
      },
      preHandler: requireBuyer('company.users:write'),
    },
    async (request) => updateCompanyUser(request.ctx(), buyerOf(request).companyId, request.params.id, request.body),
  );

  app.delete(
    '/api/store/company/users/:id',
    {
      schema: { tags, summary: 'Remove a user from the company (company admin)', params: IdParams, response: { 204: Type.Null(), 404: ERR, 409: ERR, ...DENIED } },
      preHandler: requireBuyer('company.users:write'),
    },
    async (request, reply) => {
      await removeCompanyUser(request.ctx(), buyerOf(request).companyId, request.params.id);
      return reply.status(204).send(null);
    },
  );
}
