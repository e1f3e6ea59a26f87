import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireStaff } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import { IdParams, Method, MethodCreate, MethodPatch } from './shipping.schemas.ts';
import { createShippingMethod, deleteShippingMethod, getShippingMethod, listShippingMethods, updateShippingMethod } from './shipping.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['shipping'];
const BASE = '/api/admin/shipping-methods';

/** Staff management of shipping methods: zone, weight-band rates, free-shipping threshold. */
export async function shippingAdminRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = requireStaff('orders:read');
  const write = requireStaff('settings:write');

  app.get(BASE, { schema: { tags, summary: 'List shipping methods in their display order', querystring: PageQuery, response: { 200: Page(Method), 400: ERR, ...DENIED } }, preHandler: read }, async (request) => listShippingMethods(request.ctx(), request.query));

  app.post(
    BASE,
    { schema: { tags, summary: 'Add a shipping method with its zone and weight bands', body: MethodCreate, response: { 201: Method, 400: ERR, ...DENIED } }, preHandler: write },
    async (request, reply) => reply.status(201).send(await createShippingMethod(request.ctx(), request.body)),
  );

  app.get(`${BASE}/:id`, { schema: { tags, summary: 'One shipping method', params: IdParams, response: { 200: Method, 404: ERR, ...DENIED } }, preHandler: read }, async (request) => getShippingMethod(request.ctx(), request.params.id));

  app.patch(
    `${BASE}/:id`,
    { schema: { tags, summary: 'Change a shipping method; given zones or bands replace the old ones', params: IdParams, body: MethodPatch, response: { 200: Method, 400: ERR, 404: ERR, ...DENIED } }, preHandler: write },
    async (request) => updateShippingMethod(request.ctx(), request.params.id, request.body),
  );

  app.delete(`${BASE}/:id`, { schema: { tags, summary: 'Delete a shipping method', params: IdParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } }, preHandler: write }, async (request, reply) => {
    await deleteShippingMethod(request.ctx(), request.params.id);
    return reply.status(204).send(null);
  });
}
