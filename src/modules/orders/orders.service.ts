import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, encodeCursor, type PageResult } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { isId, newId } from '../../lib/ids.ts';
import { buyerReadableCompanyIds } from '../accounts/index.ts';
import { forceReserveCredit, releaseCredit, reserveCredit } from '../credit/index.ts';
import { refundPayment } from '../payments/index.ts';
import { checkTransition, nextStatuses, type OrderStatus, type Transition } from './domain/lifecycle.ts';
import type { Order, OrderEvent, OrderSummary } from './domain/types.ts';
import { emitOrderCancelled, emitOrderPlaced, emitStatusChanged } from './orders.events.ts';
import { eventActor, guardSubject } from './order-actor.ts';
import { releaseStock } from './order-stock.ts';
import * as repo from './orders.repo.ts';

/**
 * Orders after checkout: reading them (scoped to the buyer's company, descendants where the role
 * allows; staff see all) and moving them through the lifecycle in `domain/lifecycle.ts`.
 */

/** Companies whose orders ctx may read; undefined = all (staff, API keys, the system). */
export async function readableCompanyIds(ctx: Ctx): Promise<string[] | undefined> {
  const a = ctx.actor;
  if (a.kind === 'buyer') return buyerReadableCompanyIds(ctx, a);
  if (a.kind === 'anonymous') return [];
  return undefined;
}

/**
 * The order (with its timeline when asked), if ctx may read it; another company's order is a 404
 * like a missing one. A buyer's own company is tried first: the common case costs one query, and
 * only a miss looks further (subsidiaries, for a role that may read them).
 */
async function readableOrder(ctx: Ctx, orderId: string, withEvents: boolean): Promise<{ order: Order; events: OrderEvent[] }> {
  const a = ctx.actor;
  if (!isId('order', orderId)) throw notFound('Order', 'id');
  const own = a.kind === 'buyer' ? await repo.findOrderWith(ctx.db, orderId, [a.companyId], withEvents) : null;
  if (own) return own;
  const scope = await readableCompanyIds(ctx);
  const wider = scope === undefined || scope.some((id) => a.kind !== 'buyer' || id !== a.companyId);
  const found = wider ? await repo.findOrderWith(ctx.db, orderId, scope, withEvents) : null;
  if (!found) throw notFound('Order', 'id');
  return found;
}

/** An order with its lines, if ctx may read it; another company's order is a 404 like a missing one. */
export async function getOrder(ctx: Ctx, orderId: string): Promise<Order> {
  return (await readableOrder(ctx, orderId, false)).order;
}

/** An order as its page shows it: lines, timeline and the transitions the reader may take. */
export type OrderDetail = Order & { events: OrderEvent[]; actions: { to: OrderStatus; action: Transition['action'] }[] };

/** The order with its timeline and the transitions ctx may take now (what an order page shows). */
export async function orderDetail(ctx: Ctx, orderId: string): Promise<OrderDetail> {
  return orderDetailOf(ctx, await readableOrder(ctx, orderId, true));
}

/** `orderDetail` for an order already read (or as its write statement returned it), readable by ctx. */
export function orderDetailOf(ctx: Ctx, { order, events }: repo.WrittenOrder): OrderDetail {
  const a = ctx.actor;
  // A buyer acts only on their own company's orders (a parent admin reads a child's, never changes it).
  const mayAct = a.kind !== 'buyer' || a.companyId === order.companyId;
  return { ...order, events, actions: mayAct ? nextStatuses(order.status, guardSubject(ctx)) : [] };
}

/** Lines of a past order as a reorder puts them back in a cart (C's reorder re-prices and re-checks them). */
export async function orderLinesForReorder(ctx: Ctx, orderId: string): Promise<{ variantId: string | null; sku: string; quantity: number }[]> {
  const order = await getOrder(ctx, orderId);
  return order.lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity }));
}

export interface OrderListQuery {
  limit?: number | undefined;
  cursor?: string | undefined;
  status?: OrderStatus | undefined;
  /** Any of these statuses (not offered by the routes; the dashboard asks for the open ones). */
  statuses?: readonly OrderStatus[] | undefined;
  q?: string | undefined;
  poNumber?: string | undefined;
  companyId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
}

function dateBound(value: string | undefined, field: string, endOfDay: boolean): Date | undefined {
  if (value === undefined) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(d.getTime())) throw new AppError('VALIDATION_FAILED', 'must be a date (YYYY-MM-DD) or an ISO 8601 time', field);
  if (endOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value)) d.setUTCDate(d.getUTCDate() + 1);
  return d;
}

/**
 * Orders newest first with cursor pagination. Buyers see their company's (and, with
 * company.descendants:read, its subsidiaries'); `companyId` narrows within what ctx may read.
 */
export async function listOrders(ctx: Ctx, q: OrderListQuery): Promise<PageResult<OrderSummary>> {
  const limit = q.limit ?? 50;
  let scope = await readableCompanyIds(ctx);
  if (q.companyId !== undefined) scope = scope === undefined || scope.includes(q.companyId) ? [q.companyId] : [];
  if (scope !== undefined && scope.length === 0) return { items: [], nextCursor: null };
  const cur = decodeCursor(q.cursor);
  if (cur !== undefined && (cur.length !== 2 || typeof cur[0] !== 'string' || typeof cur[1] !== 'string' || Number.isNaN(Date.parse(cur[0])))) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const rows = await repo.listOrderRows(ctx.db, {
    companyIds: scope,
    status: q.status,
    statuses: q.statuses,
    q: q.q?.trim() || undefined,
    poNumber: q.poNumber?.trim() || undefined,
    from: dateBound(q.from, 'from', false),
    to: dateBound(q.to, 'to', true),
    after: cur ? { placedAt: String(cur[0]), id: String(cur[1]) } : undefined,
    limit,
  });
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > limit && last ? encodeCursor([last.placedAt, last.id]) : null };
}

/**
 * Moves an order to `to` if the lifecycle has that edge and ctx's actor may take it, with the
 * side effects of the new status, in one transaction (joining the caller's):
 * - cancelled: reserved stock goes back to inventory, credit held by the order is released, a card
 *   payment is refunded;
 * - out of a hold or approval into placed/confirmed: on-account credit is reserved (past the limit
 *   only with credit:write — a credit controller — else CREDIT_LIMIT_EXCEEDED);
 * - every change: an order event (who, when, from, to, reason) and `order.status_changed` in the
 *   outbox, plus `order.placed` the first time the order reaches placed and `order.cancelled`.
 * Errors: 404 (not readable), ORDER_TRANSITION_INVALID (no such edge), FORBIDDEN (not allowed).
 */
export async function transitionOrder(ctx: Ctx, orderId: string, to: OrderStatus, opts: { reason?: string } = {}): Promise<Order> {
  return inTx(ctx, async (tx) => {
    const a = tx.actor;
    // A buyer changes only their own company's orders; staff, API keys and the system any.
    const scope = a.kind === 'buyer' ? [a.companyId] : undefined;
    const locked = isId('order', orderId) ? await repo.lockOrder(tx.db, orderId) : null;
    if (!locked || (scope && !scope.includes(locked.companyId))) throw notFound('Order', 'id');
    const check = checkTransition(locked.status, to, guardSubject(tx));
    if (check.result === 'invalid') throw new AppError('ORDER_TRANSITION_INVALID', `An order that is ${locked.status.replace('_', ' ')} cannot become ${to.replace('_', ' ')}`, 'status', { from: locked.status, to });
    if (check.result !== 'ok') throw new AppError('FORBIDDEN', `You may not move this order to ${to.replace('_', ' ')}`);
    const transition = check.transition;
    const now = tx.clock.now();
    const actor = await eventActor(tx);
    const reason = opts.reason?.trim() || null;
    // Events of one moment sort by id: a sequence in the id's time part keeps them in the order written.
    let seq = 0;
    const event = (type: string, detail: Record<string, unknown>, from: OrderStatus | null = null, toStatus: OrderStatus | null = null) =>
      repo.insertOrderEvents(tx.db, [{ id: newId('orderEvent', now.getTime() + seq++), orderId, type, fromStatus: from, toStatus, ...actor, detail, at: now }]);

    if (to === 'cancelled') {
      const units = await releaseStock(tx, orderId);
      if (units) await event('stock.released', { units });
      const held = await repo.creditHeld(tx.db, orderId);
      if (held > 0) {
        await releaseCredit(tx, { companyId: locked.companyId, amount: held, currency: locked.currency, ref: { kind: 'order', id: orderId }, reason: `Order ${locked.number} cancelled` });
        await event('credit.released', { amount: held });
      }
      const order = await repo.findOrder(tx.db, orderId);
      if (order?.paymentMethod === 'card' && order.paymentId) {
        await refundPayment(tx, order.paymentId, order.total, `Order ${order.number} cancelled`);
        await event('payment.refunded', { paymentId: order.paymentId, amount: order.total });
      }
    } else if ((locked.status === 'on_hold' || locked.status === 'pending_approval') && locked.paymentMethod === 'account') {
      const held = await repo.creditHeld(tx.db, orderId);
      if (held === 0 && locked.total > 0) {
        const input = { companyId: locked.companyId, amount: locked.total, currency: locked.currency, ref: { kind: 'order' as const, id: orderId } };
        const r = await reserveCredit(tx, input);
        if (!r.ok) {
          if (!(a.kind === 'staff' && a.permissions.has('credit:write'))) {
            throw new AppError('CREDIT_LIMIT_EXCEEDED', `The order is over the available credit (${r.available} available); a credit controller may release it`, 'status', { available: r.available });
          }
          await forceReserveCredit(tx, { ...input, reason: `Credit hold on order ${locked.number} released past the limit` });
          await event('credit.reserved', { amount: locked.total, pastLimit: true });
        } else {
          await event('credit.reserved', { amount: locked.total });
        }
      }
    }

    const firstPlaced = to === 'placed' && !(await repo.hasReached(tx.db, orderId, 'placed'));
    await repo.setOrderStatus(tx.db, orderId, to, now);
    await event('status_changed', reason ? { reason } : {}, locked.status, to);
    await emitStatusChanged(tx, { orderId, companyId: locked.companyId, number: locked.number, from: locked.status, to, reason });
    if (transition.emits.includes('order.placed') && firstPlaced) {
      const order = (await repo.findOrder(tx.db, orderId))!;
      await emitOrderPlaced(tx, {
        orderId,
        companyId: order.companyId,
        number: order.number,
        placedBy: order.placedBy,
        placedAt: now,
        currency: order.currency,
        total: order.total,
        lines: order.lines.map((l) => ({ variantId: l.variantId, sku: l.sku, quantity: l.quantity, amount: l.lineTotal })),
      });
    }
    if (transition.emits.includes('order.cancelled')) await emitOrderCancelled(tx, { orderId, companyId: locked.companyId, number: locked.number, reason, at: now });
    return (await repo.findOrder(tx.db, orderId))!;
  });
}

/**
 * Releases a held order back to where it was before the hold (placed for a credit hold taken at
 * checkout). A credit hold past the limit needs credit:write (forceReserveCredit).
 */
export async function releaseHold(ctx: Ctx, orderId: string, opts: { reason?: string } = {}): Promise<Order> {
  return inTx(ctx, async (tx) => {
    const before = isId('order', orderId) ? await repo.statusBeforeHold(tx.db, orderId) : null;
    const to: OrderStatus = before === 'confirmed' ? 'confirmed' : 'placed';
    return transitionOrder(tx, orderId, to, opts);
  });
}
