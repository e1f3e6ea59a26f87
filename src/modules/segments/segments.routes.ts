import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import {
  ExplanationSchema,
  GroupCompanyParams,
  GroupCreateBody,
  GroupParams,
  GroupPatchBody,
  GroupSchema,
  MemberSchema,
  PreviewBody,
  PreviewSchema,
  ReevaluateSchema,
} from './segments.schemas.ts';
import {
  addStaticMember,
  createGroup,
  deleteGroup,
  explainMembership,
  getGroup,
  listGroups,
  listMembers,
  previewRule,
  removeStaticMember,
  updateGroup,
} from './segments.service.ts';
import { refreshAllAndReevaluate } from './metrics.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['customer-groups'];
const BASE = '/api/admin/customer-groups';

/** Staff management of customer groups: rules, static members, membership, explain and preview. */
export async function segmentsAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = requireStaff('segments:read');
  const write = requireStaff('segments:write');

  app.get(
    BASE,
    { schema: { tags, summary: 'List customer groups with member counts', querystring: PageQuery, response: { 200: Page(GroupSchema), 400: ERR, ...DENIED } }, preHandler: read },
    async (request) => listGroups(request.ctx(), request.query),
  );

  app.post(
    BASE,
    {
      schema: {
        tags,
        summary: 'Create a customer group; a rule is compiled (VALIDATION_FAILED on `rule` with positions) and its members materialised',
        body: GroupCreateBody,
        response: { 201: GroupSchema, 400: ERR, 409: ERR, ...DENIED },
      },
      preHandler: write,
    },
    async (request, reply) => reply.status(201).send(await createGroup(request.ctx(), request.body)),
  );

  app.post(
    `${BASE}/preview`,
    {
      schema: {
        tags,
        summary: 'Preview a rule: member count, who would join and leave (first 50 each), rule errors; writes nothing',
        body: PreviewBody,
        response: { 200: PreviewSchema, 400: ERR, 404: ERR, ...DENIED },
      },
      preHandler: read,
    },
    async (request) => previewRule(request.ctx(), request.body.rule, request.body.groupId),
  );

  app.post(
    `${BASE}/reevaluate`,
    {
      schema: { tags, summary: "Recompute every company's purchase metrics and re-evaluate every group now (what the nightly job does)", response: { 200: ReevaluateSchema, ...DENIED } },
      preHandler: write,
    },
    async (request) => refreshAllAndReevaluate(request.ctx()),
  );

  app.get(
    `${BASE}/:id`,
    { schema: { tags, summary: 'One customer group', params: GroupParams, response: { 200: GroupSchema, 404: ERR, ...DENIED } }, preHandler: read },
    async (request) => getGroup(request.ctx(), request.params.id),
  );

  app.patch(
    `${BASE}/:id`,
    {
      schema: {
        tags,
        summary: 'Change a customer group; a new rule re-evaluates its membership',
        params: GroupParams,
        body: GroupPatchBody,
        response: { 200: GroupSchema, 400: ERR, 404: ERR, 409: ERR, ...DENIED },
      },
      preHandler: write,
    },
    async (request) => updateGroup(request.ctx(), request.params.id, request.body),
  );

  app.delete(
    `${BASE}/:id`,
    { schema: { tags, summary: 'Delete a customer group', params: GroupParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } }, preHandler: write },
    async (request, reply) => {
      await deleteGroup(request.ctx(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${BASE}/:id/members`,
    {
      schema: { tags, summary: 'Members of a group with the reason each joined', params: GroupParams, querystring: PageQuery, response: { 200: Page(MemberSchema), 400: ERR, 404: ERR, ...DENIED } },
      preHandler: read,
    },
    async (request) => listMembers(request.ctx(), request.params.id, request.query),
  );

  app.post(
    `${BASE}/:id/static-members/:companyId`,
    {
      schema: { tags, summary: 'Add a company to the group by hand (idempotent)', params: GroupCompanyParams, response: { 200: ExplanationSchema, 404: ERR, ...DENIED } },
      preHandler: write,
    },
    async (request) => addStaticMember(request.ctx(), request.params.id, request.params.companyId),
  );

  app.delete(
    `${BASE}/:id/static-members/:companyId`,
    {
      schema: { tags, summary: 'Remove a hand-added company (it stays if the rule matches it)', params: GroupCompanyParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } },
      preHandler: write,
    },
    async (request, reply) => {
      await removeStaticMember(request.ctx(), request.params.id, request.params.companyId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    `${BASE}/:id/explain/:companyId`,
    { schema: { tags, summary: 'Why a company is or is not in the group', params: GroupCompanyParams, response: { 200: ExplanationSchema, 404: ERR, ...DENIED } }, preHandler: read },
    async (request) => explainMembership(request.ctx(), request.params.id, request.params.companyId),
  );
}
