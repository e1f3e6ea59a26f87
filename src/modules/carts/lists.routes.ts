import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireBuyer } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import * as s from './carts.schemas.ts';
import { addListLines, createList, deleteList, getList, listLists, listToCart, removeListLine, updateList, updateListLine } from './lists.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['store: lists'];
const WRITE = 'company.lists:write';

/** Shopping / requisition lists: private or shared with the company; the owner edits, anyone who reads may add it to a cart. */
export async function listRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/store/lists', {
    schema: { tags, summary: 'Your lists and lists colleagues shared with the company, newest first', querystring: PageQuery, response: { 200: Page(s.ListSummary), 400: ERR, ...DENIED } },
    preHandler: requireBuyer(),
  }, async (req) => listLists(req.ctx(), req.query));

  app.post('/api/store/lists', {
    schema: { tags, summary: 'Create a list', body: s.CreateListBody, response: { 201: s.List, 400: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req, reply) => reply.code(201).send(await createList(req.ctx(), req.body)));

  app.get('/api/store/lists/:id', {
    schema: { tags, summary: 'A list with its lines priced and checked like a cart', params: s.ListParams, response: { 200: s.List, 404: ERR, ...DENIED } },
    preHandler: requireBuyer(),
  }, async (req) => getList(req.ctx(), req.params.id));

  app.patch('/api/store/lists/:id', {
    schema: { tags, summary: 'Rename, describe, or share / unshare a list (owner)', params: s.ListParams, body: s.PatchListBody, response: { 200: s.List, 400: ERR, 404: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => updateList(req.ctx(), req.params.id, req.body));

  app.delete('/api/store/lists/:id', {
    schema: { tags, summary: 'Delete a list (owner)', params: s.ListParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req, reply) => {
    await deleteList(req.ctx(), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/store/lists/:id/lines', {
    schema: { tags, summary: 'Add items by variantId or SKU (owner); the same item adds to its quantity', params: s.ListParams, body: s.AddListLinesBody, response: { 200: s.List, 400: ERR, 404: ERR, 422: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => addListLines(req.ctx(), req.params.id, req.body.lines));

  app.patch('/api/store/lists/:id/lines/:variantId', {
    schema: { tags, summary: "Change a line's quantity or note (owner)", params: s.ListLineParams, body: s.PatchLineBody, response: { 200: s.List, 400: ERR, 404: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => updateListLine(req.ctx(), req.params.id, req.params.variantId, req.body));

  app.delete('/api/store/lists/:id/lines/:variantId', {
    schema: { tags, summary: 'Remove a line (owner)', params: s.ListLineParams, response: { 200: s.List, 404: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => removeListLine(req.ctx(), req.params.id, req.params.variantId));

  app.post('/api/store/lists/:id/to-cart', {
    schema: {
      tags, summary: 'Add the list (or selected lines) to a cart — your current cart by default; unavailable items are reported as skipped',
      params: s.ListParams, body: s.ListToCartBody, response: { 200: s.ListToCartResult, 400: ERR, 404: ERR, 409: ERR, 422: ERR, ...DENIED },
    },
    preHandler: requireBuyer('company.carts:write'),
  }, async (req) => listToCart(req.ctx(), req.params.id, req.body));
}
