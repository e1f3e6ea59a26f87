import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { requireBuyer, requireStaff } from '../../http/guards.ts';
import { Page } from '../../http/pagination.ts';
import { checkoutOptions, placeOrder, type CheckoutDeps } from './checkout.service.ts';
import * as cs from './checkout.schemas.ts';
import * as s from './orders.schemas.ts';
import { creditHoldQueue } from './credit-holds.service.ts';
import { listOrders, orderDetail, releaseHold, transitionOrder } from './orders.service.ts';
import { detailView, optionsView, summaryView } from './orders.views.ts';

const ERR = { $ref: 'Problem#' } as const;
const DENIED = { 401: ERR, 403: ERR };
const store = ['store: checkout & orders'];
const admin = ['admin: orders'];

/** Checkout and orders: the buyer's checkout, order history and cancel; the staff's order console. */
export async function orderRoutes(root: FastifyInstance, deps: CheckoutDeps = {}): Promise<void> {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();

  app.get('/api/store/checkout/options', {
    schema: { tags: store, summary: "Checkout choices for a cart: ship-to locations, shipping rates, tax preview, payment terms and available credit, the cart's line problems", querystring: cs.OptionsQuery, response: { 200: cs.CheckoutOptions, 400: ERR, 404: ERR, 409: ERR, ...DENIED } },
    preHandler: requireBuyer('company.orders:create'),
  }, async (req) => optionsView(await checkoutOptions(req.ctx(), req.query)));

  app.post('/api/store/checkout', {
    schema: {
      tags: store,
      summary: 'Place an order from a cart (one transaction: re-validate, reserve stock, reserve credit or charge the card). Send an Idempotency-Key.',
      body: cs.CheckoutBody,
      response: { 201: s.OrderDetail, 400: ERR, 402: cs.CheckoutProblem, 404: ERR, 409: cs.CheckoutProblem, 422: cs.CheckoutProblem, ...DENIED },
    },
    preHandler: requireBuyer('company.orders:create'),
  }, async (req, reply) => {
    return reply.code(201).send(detailView(await placeOrder(req.ctx(), req.body, deps)));
  });

  app.get('/api/store/orders', {
    schema: { tags: store, summary: "Your company's orders, newest first (subsidiaries' too with company.descendants:read); filter by status, search by number or PO", querystring: s.StoreOrderQuery, response: { 200: Page(s.OrderSummary), 400: ERR, ...DENIED } },
    preHandler: requireBuyer('company.orders:read'),
  }, async (req) => {
    const page = await listOrders(req.ctx(), req.query);
    return { items: page.items.map(summaryView), nextCursor: page.nextCursor };
  });

  app.get('/api/store/orders/:id', {
    schema: { tags: store, summary: 'An order with its lines and timeline', params: s.OrderParams, response: { 200: s.OrderDetail, 404: ERR, ...DENIED } },
    preHandler: requireBuyer('company.orders:read'),
  }, async (req) => detailView(await orderDetail(req.ctx(), req.params.id)));

  app.post('/api/store/orders/:id/cancel', {
    schema: { tags: store, summary: 'Cancel an order while it is placed or confirmed: frees its stock and credit', params: s.OrderParams, body: s.ReasonBody, response: { 200: s.OrderDetail, 400: ERR, 404: ERR, 409: ERR, ...DENIED } },
    preHandler: requireBuyer('company.orders:create'),
  }, async (req) => {
    await transitionOrder(req.ctx(), req.params.id, 'cancelled', { reason: req.body.reason });
    return detailView(await orderDetail(req.ctx(), req.params.id));
  });

  app.get('/api/admin/orders', {
    schema: { tags: admin, summary: 'Search orders: status, company, placed between dates, PO number, number', querystring: s.AdminOrderQuery, response: { 200: Page(s.OrderSummary), 400: ERR, ...DENIED } },
    preHandler: requireStaff('orders:read'),
  }, async (req) => {
    const page = await listOrders(req.ctx(), req.query);
    return { items: page.items.map(summaryView), nextCursor: page.nextCursor };
  });

  app.get('/api/admin/orders/credit-holds', {
    schema: { tags: admin, summary: "Orders on credit hold, newest first, with each company's credit", querystring: s.StoreOrderQuery, response: { 200: Page(s.CreditHold), 400: ERR, ...DENIED } },
    preHandler: requireStaff('orders:read'),
  }, async (req) => creditHoldQueue(req.ctx(), req.query));

  app.get('/api/admin/orders/:id', {
    schema: { tags: admin, summary: 'An order with lines, timeline and the transitions you may take', params: s.OrderParams, response: { 200: s.OrderDetail, 404: ERR, ...DENIED } },
    preHandler: requireStaff('orders:read'),
  }, async (req) => detailView(await orderDetail(req.ctx(), req.params.id)));

  app.post('/api/admin/orders/:id/transitions', {
    schema: { tags: admin, summary: 'Move an order through its lifecycle (confirm, hold, cancel …)', params: s.OrderParams, body: s.TransitionBody, response: { 200: s.OrderDetail, 400: ERR, 404: ERR, 409: ERR, 422: ERR, ...DENIED } },
    preHandler: requireStaff('orders:write'),
  }, async (req) => {
    await transitionOrder(req.ctx(), req.params.id, req.body.to, { reason: req.body.reason });
    return detailView(await orderDetail(req.ctx(), req.params.id));
  });

  app.post('/api/admin/orders/:id/release', {
    schema: {
      tags: admin,
      summary: 'Release a held order to where it was before the hold; a credit hold past the limit needs credit:write (a credit controller)',
      params: s.OrderParams,
      body: s.ReasonBody,
      response: { 200: s.OrderDetail, 400: ERR, 404: ERR, 409: ERR, 422: cs.CheckoutProblem, ...DENIED },
    },
    preHandler: requireStaff('orders:write'),
  }, async (req) => {
    await releaseHold(req.ctx(), req.params.id, { reason: req.body.reason });
    return detailView(await orderDetail(req.ctx(), req.params.id));
  });
}
