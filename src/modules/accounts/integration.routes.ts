import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireScope } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { CompanySchema } from './accounts.schemas.ts';
import { listCompaniesForIntegration } from './companies.service.ts';

const ERR = { $ref: 'Problem#' } as const;

/** Companies for ERP/CRM integrations (API key with `companies:read`). */
export async function integrationAccountRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/integrations/companies',
    {
      schema: {
        tags: ['integrations'],
        summary: 'Every company, by id order, cursor-paginated (scope companies:read)',
        security: [{ apiKey: [] }],
        querystring: PageQuery,
        response: { 200: Page(CompanySchema), 400: ERR, 401: ERR, 403: ERR },
      },
      preHandler: requireScope('companies:read'),
    },
    async (request) => listCompaniesForIntegration(request.ctx(), request.query),
  );
}
