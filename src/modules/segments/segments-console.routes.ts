import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { attributeCatalogue, groupLog, groupsForCompany } from './segments-console.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['customer-groups'];
const closed = { additionalProperties: false } as const;
const Id = Type.String({ minLength: 1, maxLength: 64 });

const AttributeType = Type.Union(['string', 'string_list', 'number', 'money', 'date', 'boolean', 'company_ref'].map((k) => Type.Literal(k)));

export const AttributeCatalogueSchema = Type.Object(
  {
    attributes: Type.Array(
      Type.Object(
        {
          name: Type.String(),
          type: AttributeType,
          description: Type.String(),
          example: Type.String({ description: 'A literal as written in a rule' }),
          operators: Type.Array(Type.String(), { description: 'Operators this attribute accepts, as written in a rule' }),
          metric: Type.Boolean({ description: 'A purchase-history metric rather than a company attribute' }),
        },
        closed,
      ),
    ),
    relations: Type.Array(Type.Object({ name: Type.Union([Type.Literal('descendant_of'), Type.Literal('child_of')]), description: Type.String() }, closed)),
  },
  closed,
);

export const LogEntrySchema = Type.Object(
  {
    id: Type.Integer(),
    companyId: Type.String(),
    legalName: Type.String(),
    change: Type.Union([Type.Literal('joined'), Type.Literal('left')]),
    reason: Type.String(),
    at: Type.String({ format: 'date-time' }),
  },
  closed,
);

export const CompanyGroupSchema = Type.Object(
  {
    groupId: Type.String(),
    name: Type.String(),
    rule: Type.Union([Type.String(), Type.Null()]),
    static: Type.Boolean(),
    since: Type.String({ format: 'date-time' }),
    reason: Type.String(),
  },
  closed,
);

/** Reads the admin console's customer-group screens need: the rule builder's catalogue, the membership log, a company's groups. */
export async function segmentsConsoleRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = requireStaff('segments:read');

  app.get(
    '/api/admin/customer-groups/attributes',
    { schema: { tags, summary: 'The attributes and metrics a rule may test, with their types and operators (for the rule builder)', response: { 200: AttributeCatalogueSchema, ...DENIED } }, preHandler: read },
    async () => attributeCatalogue(),
  );

  app.get(
    '/api/admin/customer-groups/:id/log',
    {
      schema: {
        tags,
        summary: 'Joins and leaves of a group, newest first, with the reason each was recorded',
        params: Type.Object({ id: Id }, closed),
        querystring: PageQuery,
        response: { 200: Page(LogEntrySchema), 400: ERR, 404: ERR, ...DENIED },
      },
      preHandler: read,
    },
    async (request) => groupLog(request.ctx(), request.params.id, request.query),
  );

  app.get(
    '/api/admin/companies/:id/customer-groups',
    {
      schema: {
        tags,
        summary: 'The customer groups a company belongs to now, with why it joined each',
        params: Type.Object({ id: Id }, closed),
        querystring: PageQuery,
        response: { 200: Page(CompanyGroupSchema), 400: ERR, 404: ERR, ...DENIED },
      },
      preHandler: read,
    },
    async (request) => groupsForCompany(request.ctx(), request.params.id, request.query),
  );
}
