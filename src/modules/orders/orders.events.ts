import { sql, type SQL } from 'drizzle-orm';
import { appendOutbox, type NewOutboxEvent } from '../../jobs/outbox.ts';
import type { Ctx } from '../../http/context.ts';
import { emitPurchaseEvent, type PurchaseEvent } from '../segments/index.ts';
import type { OrderStatus } from './domain/lifecycle.ts';

/**
 * Events the orders module writes to the outbox in the transaction of the change. `order.placed`
 * and `order.cancelled` are also the segments purchase events (`segments/purchase-events.ts`): one
 * event per change carries both payloads' fields, so every consumer reads the same row.
 */
export type OrderStatusChanged = { orderId: string; companyId: string; number: string; from: OrderStatus | null; to: OrderStatus; reason: string | null };

export interface PlacedOrderFacts {
  orderId: string;
  companyId: string;
  number: string;
  placedBy: string | null;
  placedAt: Date;
  currency: string;
  total: number;
  lines: { variantId: string | null; sku: string; quantity: number; amount: number }[];
}

/** `order.status_changed` for every transition. */
export async function emitStatusChanged(ctx: Ctx, p: OrderStatusChanged): Promise<void> {
  await appendOutbox(ctx, [statusChangedEvent(p)]);
}

/** `order.placed`: `{ orderId, companyId, number, placedBy, total, currency }` plus the purchase-event fields. */
export async function emitOrderPlaced(ctx: Ctx, f: PlacedOrderFacts): Promise<void> {
  await emitPurchaseEvent(ctx, placedEvent(f));
}

/**
 * A new order's events, for its one combined statement (`outboxInsertSql`): `order.status_changed`
 * to its first status, then `order.placed` unless the order waits (on hold). Their order number is
 * `number`, the SQL expression of the number that statement draws, set over the payloads' own.
 */
export function orderCreatedEvents(changed: OrderStatusChanged, placed: PlacedOrderFacts | null, number: SQL): NewOutboxEvent[] {
  const numbered = (e: NewOutboxEvent, keys: readonly string[]): NewOutboxEvent => ({
    ...e,
    payload: sql`${JSON.stringify(e.payload)}::jsonb || jsonb_build_object(${sql.join(keys.map((k) => sql`${sql.raw(`'${k}'`)}, ${number}`), sql`, `)})`,
  });
  const events = [numbered(statusChangedEvent(changed), ['number'])];
  if (placed) events.push(numbered(placedEvent(placed), ['number', 'orderNumber']));
  return events;
}

const statusChangedEvent = (p: OrderStatusChanged) => ({ type: 'order.status_changed', aggregateId: p.orderId, payload: p });

function placedEvent(f: PlacedOrderFacts): PurchaseEvent {
  const payload = {
    orderId: f.orderId,
    companyId: f.companyId,
    number: f.number,
    orderNumber: f.number,
    placedBy: f.placedBy,
    placedAt: f.placedAt.toISOString(),
    currency: f.currency,
    total: f.total,
    lines: f.lines,
  };
  return { type: 'order.placed', aggregateId: f.orderId, payload };
}

/** `order.cancelled`: `{ orderId, companyId, number, reason }` plus the purchase-event fields. */
export async function emitOrderCancelled(ctx: Ctx, p: { orderId: string; companyId: string; number: string; reason: string | null; at: Date }): Promise<void> {
  const payload = { orderId: p.orderId, companyId: p.companyId, number: p.number, reason: p.reason, cancelledAt: p.at.toISOString() };
  const event: PurchaseEvent = { type: 'order.cancelled', aggregateId: p.orderId, payload };
  await emitPurchaseEvent(ctx, event);
}
