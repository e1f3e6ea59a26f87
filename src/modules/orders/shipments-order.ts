import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { transitionOrder } from './orders.service.ts';
import * as repo from './shipments.repo.ts';
import { orderDelivered } from './tracking-status.ts';

/**
 * Where shipments move the order, always through the lifecycle's `transitionOrder` (which checks
 * the edge and the actor, writes the order event and `order.status_changed`). Callers hold the
 * order row's lock.
 */
export async function advanceOrder(ctx: Ctx, order: repo.OrderHead, to: 'shipped' | 'partially_shipped', opts: { reason: string }): Promise<void> {
  if (order.status === to) return;
  await transitionOrder(ctx, order.id, to, opts);
  order.status = to;
}

/** Moves the order to delivered once nothing is left to ship and every shipment has arrived. */
export async function maybeDeliverOrder(ctx: Ctx, order: repo.OrderHead): Promise<void> {
  if (order.status !== 'shipped' && order.status !== 'partially_shipped') return;
  const [lines, shipments] = await Promise.all([repo.orderLines(ctx.db, order.id), repo.findShipments(ctx.db, sql`s.order_id = ${order.id}`)]);
  if (!orderDelivered(lines, shipments)) return;
  await transitionOrder(ctx, order.id, 'delivered', { reason: 'Every shipment delivered' });
  order.status = 'delivered';
}
