import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { AdminUserPatchBody, CompanyUserCreateBody, CompanyUserSchema, IdParams, StaffCreateBody, StaffPatchBody, StaffSchema } from './accounts.schemas.ts';
import { getCompany } from './companies.service.ts';
import { createStaff, listStaff, updateStaff } from './staff.service.ts';
import { addCompanyUser, adminUpdateCompanyUser, listCompanyUsers } from './users.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };

/** Staff management of company users (buyers) and of staff themselves. */
export async function adminPeopleRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['company users'];

  app.get(
    '/api/admin/companies/:id/users',
    { schema: { tags, summary: 'A company’s users and their roles', params: IdParams, querystring: PageQuery, response: { 200: Page(CompanyUserSchema), 404: ERR, ...DENIED } }, preHandler: requireStaff('companies:read') },
    async (request) => {
      const ctx = request.ctx();
      await getCompany(ctx, request.params.id);
      return listCompanyUsers(ctx, request.params.id, request.query);
    },
  );

  app.post(
    '/api/admin/companies/:id/users',
    {
      schema: {
        tags,
        summary: 'Add a buyer to a company (an existing login gains a membership)',
        params: IdParams,
        body: CompanyUserCreateBody,
        response: { 201: CompanyUserSchema, 400: ERR, 404: ERR, 409: ERR, ...DENIED },
      },
      preHandler: requireStaff('companies:write'),
    },
    async (request, reply) => {
      const ctx = request.ctx();
      await getCompany(ctx, request.params.id);
      return reply.status(201).send(await addCompanyUser(ctx, request.params.id, request.body));
    },
  );

  app.patch(
    '/api/admin/company-users/:id',
    {
      schema: {
        tags,
        summary: 'Change a buyer: name, locale, status; role and locations in `companyId` (LAST_ADMIN protects the last admin)',
        params: IdParams,
        body: AdminUserPatchBody,
        response: { 200: CompanyUserSchema, 400: ERR, 404: ERR, 409: ERR, ...DENIED },
      },
      preHandler: requireStaff('companies:write'),
    },
    async (request) => adminUpdateCompanyUser(request.ctx(), request.params.id, request.body),
  );

  app.get(
    '/api/admin/staff',
    { schema: { tags: ['staff'], summary: 'List staff', querystring: PageQuery, response: { 200: Page(StaffSchema), ...DENIED } }, preHandler: requireStaff('staff:read') },
    async (request) => listStaff(request.ctx(), request.query),
  );

  app.post(
    '/api/admin/staff',
    { schema: { tags: ['staff'], summary: 'Add a member of staff', body: StaffCreateBody, response: { 201: StaffSchema, 400: ERR, 409: ERR, ...DENIED } }, preHandler: requireStaff('staff:write') },
    async (request, reply) => reply.status(201).send(await createStaff(request.ctx(), request.body)),
  );

  app.patch(
    '/api/admin/staff/:id',
    {
      schema: { tags: ['staff'], summary: 'Change a member of staff (the last active admin stays admin)', params: IdParams, body: StaffPatchBody, response: { 200: StaffSchema, 400: ERR, 404: ERR, 409: ERR, ...DENIED } },
      preHandler: requireStaff('staff:write'),
    },
    async (request) => updateStaff(request.ctx(), request.params.id, request.body),
  );
}
