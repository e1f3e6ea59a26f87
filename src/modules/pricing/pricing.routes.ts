import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Config } from '../../config.ts';
import { requireStaff } from '../../http/guards.ts';
import { Page } from '../../http/pagination.ts';
import * as s from './pricing.schemas.ts';
import * as pricing from './pricing.service.ts';

const P = Type.Ref('Problem');
const errors = { 400: P, 401: P, 403: P, 404: P, 409: P };
const read = requireStaff('pricing:read');
const write = requireStaff('pricing:write');

export interface PricingDeps {
  readonly config: Pick<Config, 'PRICING_STRATEGY'>;
}

/** Staff routes: price lists, their entries, company contract prices and the price trace. */
export async function pricingAdminRoutes(app: FastifyInstance, deps: PricingDeps): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['admin: pricing'];

  r.get(
    '/api/admin/price-lists',
    { preHandler: read, schema: { tags, summary: 'List price lists (oldest first)', querystring: s.ListQuery, response: { 200: Page(s.PriceList), ...errors } } },
    async (req) => pricing.listPriceLists(req.ctx(), req.query),
  );
  r.post(
    '/api/admin/price-lists',
    { preHandler: write, schema: { tags, summary: 'Create a price list', body: s.PriceListCreate, response: { 201: s.PriceList, ...errors } } },
    async (req, reply) => reply.status(201).send(await pricing.createPriceList(req.ctx(), req.body)),
  );
  r.get(
    '/api/admin/price-lists/:id',
    { preHandler: read, schema: { tags, summary: 'A price list with its targets', params: s.IdParams, response: { 200: s.PriceList, ...errors } } },
    async (req) => pricing.getPriceList(req.ctx(), req.params.id),
  );
  r.patch(
    '/api/admin/price-lists/:id',
    { preHandler: write, schema: { tags, summary: 'Update a price list (currency and kind are fixed)', params: s.IdParams, body: s.PriceListPatch, response: { 200: s.PriceList, ...errors } } },
    async (req) => pricing.updatePriceList(req.ctx(), req.params.id, req.body),
  );
  r.delete(
    '/api/admin/price-lists/:id',
    { preHandler: write, schema: { tags, summary: 'Delete a price list and its entries', params: s.IdParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await pricing.deletePriceList(req.ctx(), req.params.id);
      return reply.status(204).send(null);
    },
  );
  r.put(
    '/api/admin/price-lists/:id/entries',
    { preHandler: write, schema: { tags, summary: 'Set entries by SKU or variant id (bulk upsert, per-item errors)', params: s.IdParams, body: s.EntriesPut, response: { 200: s.EntriesPutResult, ...errors } } },
    async (req) => pricing.putEntries(req.ctx(), req.params.id, req.body.items),
  );
  r.get(
    '/api/admin/companies/:id/contract-prices',
    { preHandler: read, schema: { tags, summary: "A company's contract prices", params: s.IdParams, querystring: s.ListQuery, response: { 200: Page(s.Contract), ...errors } } },
    async (req) => pricing.listContracts(req.ctx(), req.params.id, req.query),
  );
  r.post(
    '/api/admin/companies/:id/contract-prices',
    { preHandler: write, schema: { tags, summary: 'Add a contract price for a company', params: s.IdParams, body: s.ContractCreate, response: { 201: s.Contract, ...errors } } },
    async (req, reply) => reply.status(201).send(await pricing.createContract(req.ctx(), req.params.id, req.body)),
  );
  r.delete(
    '/api/admin/companies/:id/contract-prices/:contractId',
    { preHandler: write, schema: { tags, summary: 'Delete a contract price of a company', params: s.ContractParams, response: { 204: Type.Null(), ...errors } } },
    async (req, reply) => {
      await pricing.deleteContract(req.ctx(), req.params.id, req.params.contractId);
      return reply.status(204).send(null);
    },
  );
  r.get(
    '/api/admin/pricing/resolve',
    { preHandler: read, schema: { tags, summary: 'Price trace: how a company is priced for a SKU and quantity', querystring: s.ResolveQuery, response: { 200: s.Resolution, ...errors } } },
    async (req) => {
      const q = req.query;
      return pricing.resolveForStaff(req.ctx(), {
        companyId: q.companyId, sku: q.sku, quantity: q.quantity ?? 1, currency: q.currency, strategy: q.strategy ?? deps.config.PRICING_STRATEGY,
        channel: q.channel ?? null, groupIds: q.groupIds !== undefined ? q.groupIds.split(',').map((g) => g.trim()).filter((g) => g !== '') : undefined,
        at: q.at ? new Date(q.at) : undefined,
      });
    },
  );
}
