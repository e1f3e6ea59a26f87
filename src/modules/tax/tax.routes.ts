import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page } from '../../http/pagination.ts';
import { ExemptionBody, IdParams, TaxExemption, TaxRate, TaxRateCreate, TaxRatePatch, TaxRatesQuery } from './tax.schemas.ts';
import { createTaxRate, deleteTaxExemption, deleteTaxRate, getTaxExemption, getTaxRate, listTaxRates, setTaxExemption, updateTaxRate } from './tax.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['tax'];
const BASE = '/api/admin/tax-rates';

/** Staff management of tax rates (settings) and of companies' exemption certificates. */
export async function taxAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = requireStaff('orders:read');
  const write = requireStaff('settings:write');

  app.get(BASE, { schema: { tags, summary: 'List tax rates by country, then id', querystring: TaxRatesQuery, response: { 200: Page(TaxRate), 400: ERR, ...DENIED } }, preHandler: read }, async (request) => listTaxRates(request.ctx(), request.query));

  app.post(
    BASE,
    { schema: { tags, summary: 'Add a tax rate (TAX_RATE_CONFLICT when another covers the same place, class and dates)', body: TaxRateCreate, response: { 201: TaxRate, 400: ERR, 409: ERR, ...DENIED } }, preHandler: write },
    async (request, reply) => reply.status(201).send(await createTaxRate(request.ctx(), request.body)),
  );

  app.get(`${BASE}/:id`, { schema: { tags, summary: 'One tax rate', params: IdParams, response: { 200: TaxRate, 404: ERR, ...DENIED } }, preHandler: read }, async (request) => getTaxRate(request.ctx(), request.params.id));

  app.patch(
    `${BASE}/:id`,
    { schema: { tags, summary: 'Change a tax rate; applies to orders placed from now on', params: IdParams, body: TaxRatePatch, response: { 200: TaxRate, 400: ERR, 404: ERR, 409: ERR, ...DENIED } }, preHandler: write },
    async (request) => updateTaxRate(request.ctx(), request.params.id, request.body),
  );

  app.delete(`${BASE}/:id`, { schema: { tags, summary: 'Delete a tax rate', params: IdParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } }, preHandler: write }, async (request, reply) => {
    await deleteTaxRate(request.ctx(), request.params.id);
    return reply.status(204).send(null);
  });

  app.get(
    '/api/admin/companies/:id/tax',
    { schema: { tags, summary: "A company's VAT id and tax-exemption certificate", params: IdParams, response: { 200: TaxExemption, 404: ERR, ...DENIED } }, preHandler: requireStaff('companies:read') },
    async (request) => getTaxExemption(request.ctx(), request.params.id),
  );

  app.put(
    '/api/admin/companies/:id/tax-exemption',
    { schema: { tags, summary: "Record a company's exemption certificate: no tax on its orders through the expiry day", params: IdParams, body: ExemptionBody, response: { 200: TaxExemption, 400: ERR, 404: ERR, ...DENIED } }, preHandler: write },
    async (request) => setTaxExemption(request.ctx(), request.params.id, request.body),
  );

  app.delete(
    '/api/admin/companies/:id/tax-exemption',
    { schema: { tags, summary: "Remove a company's exemption", params: IdParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } }, preHandler: write },
    async (request, reply) => {
      await deleteTaxExemption(request.ctx(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
