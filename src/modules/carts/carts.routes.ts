import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireBuyer } from '../../http/guards.ts';
import { Page, PageQuery } from '../../http/pagination.ts';
import * as s from './carts.schemas.ts';
import { cartShares, shareCart, unshareCart } from './cart-shares.service.ts';
import { addLine, clearCart, createCart, currentCart, deleteCart, getCart, listCarts, makeCurrent, removeLine, renameCart, updateLine } from './carts.service.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const tags = ['store: carts'];
const WRITE = 'company.carts:write';

/**
 * The buyer's server-side carts: several named carts, one current; shared with colleagues to view
 * or edit. Every answer carrying a cart re-validates all its lines (problems per line, never a
 * failed request) and gives the exact subtotal.
 */
export async function cartRoutes(root: FastifyInstance): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/store/carts', {
    schema: { tags, summary: 'Open carts you own or colleagues shared with you, newest first', querystring: PageQuery, response: { 200: Page(s.CartSummary), 400: ERR, ...DENIED } },
    preHandler: requireBuyer(),
  }, async (req) => listCarts(req.ctx(), req.query));

  app.post('/api/store/carts', {
    schema: { tags, summary: 'Create a named cart (it becomes your current cart unless makeCurrent is false)', body: s.CreateCartBody, response: { 201: s.Cart, 400: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req, reply) => reply.code(201).send(await createCart(req.ctx(), req.body)));

  app.get('/api/store/carts/current', {
    schema: { tags, summary: 'Your current cart, re-validated (404 until you have one; adding to `current` creates it)', response: { 200: s.Cart, 404: ERR, ...DENIED } },
    preHandler: requireBuyer(),
  }, async (req) => currentCart(req.ctx()));

  app.get('/api/store/carts/:id', {
    schema: { tags, summary: 'A cart you own or that is shared with you, every line re-validated', params: s.CartParams, response: { 200: s.Cart, 404: ERR, ...DENIED } },
    preHandler: requireBuyer(),
  }, async (req) => getCart(req.ctx(), req.params.id));

  app.patch('/api/store/carts/:id', {
    schema: { tags, summary: 'Rename a cart (owner)', params: s.CartParams, body: s.RenameCartBody, response: { 200: s.Cart, 400: ERR, 404: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => renameCart(req.ctx(), req.params.id, req.body.name));

  app.delete('/api/store/carts/:id', {
    schema: { tags, summary: 'Delete a cart (owner)', params: s.CartParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req, reply) => {
    await deleteCart(req.ctx(), req.params.id);
    return reply.status(204).send(null);
  });

  app.post('/api/store/carts/:id/current', {
    schema: { tags, summary: 'Make a cart you can edit your current cart', params: s.CartParams, response: { 200: s.Cart, 404: ERR, 409: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => makeCurrent(req.ctx(), req.params.id));

  app.post('/api/store/carts/:id/lines', {
    schema: {
      tags,
      summary: 'Add an item by variantId or SKU (`current` = your current cart, created when needed); the same item adds to its quantity',
      params: s.CartOrCurrentParams, querystring: s.AddLineQuery, body: s.AddLineBody, response: { 200: s.Cart, 400: ERR, 404: ERR, 409: ERR, 422: ERR, ...DENIED },
    },
    preHandler: requireBuyer(WRITE),
  }, async (req) => addLine(req.ctx(), req.params.id, req.body, req.query.answer));

  app.delete('/api/store/carts/:id/lines', {
    schema: { tags, summary: 'Remove every line', params: s.CartParams, response: { 200: s.Cart, 404: ERR, 409: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => clearCart(req.ctx(), req.params.id));

  app.patch('/api/store/carts/:id/lines/:lineId', {
    schema: { tags, summary: "Change a line's quantity or note", params: s.LineParams, body: s.PatchLineBody, response: { 200: s.Cart, 400: ERR, 404: ERR, 409: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => updateLine(req.ctx(), req.params.id, req.params.lineId, req.body));

  app.delete('/api/store/carts/:id/lines/:lineId', {
    schema: { tags, summary: 'Remove a line', params: s.LineParams, response: { 200: s.Cart, 404: ERR, 409: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => removeLine(req.ctx(), req.params.id, req.params.lineId));

  app.get('/api/store/carts/:id/shares', {
    schema: { tags, summary: 'Who the cart is shared with, and colleagues to share with (owner)', params: s.CartParams, response: { 200: s.Shares, 404: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => cartShares(req.ctx(), req.params.id));

  app.put('/api/store/carts/:id/shares/:userId', {
    schema: { tags, summary: 'Share the cart with a colleague to view or edit (owner)', params: s.ShareParams, body: s.ShareBody, response: { 200: s.Shares, 400: ERR, 404: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req) => shareCart(req.ctx(), req.params.id, req.params.userId, req.body.access));

  app.delete('/api/store/carts/:id/shares/:userId', {
    schema: { tags, summary: 'Stop sharing the cart with a colleague (owner)', params: s.ShareParams, response: { 204: Type.Null(), 404: ERR, ...DENIED } },
    preHandler: requireBuyer(WRITE),
  }, async (req, reply) => {
    await unshareCart(req.ctx(), req.params.id, req.params.userId);
    return reply.status(204).send(null);
  });
}
