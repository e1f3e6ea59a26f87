import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { buyerOf, requireBuyer, requireStaff } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { CreditAccount, CreditAccountBody, GroupTerms, GroupTermsBody, IdParams, LedgerEntry, StoreCredit } from './credit.schemas.ts';
import { getCreditAccount, getGroupTerms, listLedger, setGroupTerms, storeCredit, updateCreditAccount } from './credit.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['credit'];

/** Staff: a company's terms and credit (the "Terms & credit" tab), its ledger, and group terms. */
export async function creditAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = requireStaff('companies:read');
  const write = requireStaff('credit:write');

  app.get(
    '/api/admin/companies/:id/credit',
    { schema: { tags, summary: "A company's payment terms (own or inherited), credit limit, settings, exposure and available credit", params: IdParams, response: { 200: CreditAccount, 404: ERR, ...DENIED } }, preHandler: read },
    async (request) => getCreditAccount(request.ctx(), request.params.id),
  );

  app.put(
    '/api/admin/companies/:id/credit',
    {
      schema: { tags, summary: "Set a company's terms, credit limit and checkout rules (creates its credit account in the company's currency)", params: IdParams, body: CreditAccountBody, response: { 200: CreditAccount, 400: ERR, 404: ERR, ...DENIED } },
      preHandler: write,
    },
    async (request) => updateCreditAccount(request.ctx(), request.params.id, request.body),
  );

  app.get(
    '/api/admin/companies/:id/credit/ledger',
    { schema: { tags, summary: "The company's credit ledger, newest first", params: IdParams, querystring: PageQuery, response: { 200: Page(LedgerEntry), 400: ERR, 404: ERR, ...DENIED } }, preHandler: read },
    async (request) => listLedger(request.ctx(), request.params.id, request.query),
  );

  app.get(
    '/api/admin/customer-groups/:id/payment-terms',
    { schema: { tags, summary: "A customer group's payment terms (inherited by member companies without their own)", params: IdParams, response: { 200: GroupTerms, 404: ERR, ...DENIED } }, preHandler: read },
    async (request) => getGroupTerms(request.ctx(), request.params.id),
  );

  app.put(
    '/api/admin/customer-groups/:id/payment-terms',
    { schema: { tags, summary: "Set (or with null clear) a customer group's payment terms and priority", params: IdParams, body: GroupTermsBody, response: { 200: GroupTerms, 400: ERR, 404: ERR, ...DENIED } }, preHandler: write },
    async (request) => setGroupTerms(request.ctx(), request.params.id, request.body),
  );
}

/** Buyers: their company's credit limit, used and available credit, and terms. */
export async function creditStoreRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/store/credit',
    { schema: { tags, summary: "Your company's credit limit, used and available credit, and payment terms", response: { 200: StoreCredit, ...DENIED } }, preHandler: requireBuyer('company.invoices:read') },
    async (request) => storeCredit(request.ctx(), buyerOf(request).companyId),
  );
}
