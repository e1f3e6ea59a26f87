import { appendOutbox } from '../../jobs/outbox.ts';
import type { Ctx } from '../../http/context.ts';
import { notifyLive } from './shipments.repo.ts';

/**
 * What shipments publish. Outbox events (same transaction as the change) feed invoicing, emails
 * and integrations; live notices (NOTIFY, also on the transaction) feed open order pages.
 */
interface ShipmentRef {
  shipmentId: string;
  orderId: string;
  companyId: string;
  /** The order's number (what a buyer quotes). */
  number: string;
  shipmentNumber: string;
}

export type ShipmentEvent =
  | { type: 'shipment.shipped'; payload: ShipmentRef & { lines: { orderLineNo: number; quantity: number }[]; carrier: string; trackingNumber: string | null } }
  | { type: 'shipment.delivered'; payload: ShipmentRef & { deliveredAt: string } }
  | { type: 'shipment.tracking'; payload: ShipmentRef & { eventId: string; status: string; occurredAt: string } };

export const SHIPMENT_EVENT_TYPES: readonly ShipmentEvent['type'][] = ['shipment.shipped', 'shipment.delivered', 'shipment.tracking'];

/** Appends a shipment event to the outbox on ctx's transaction (aggregate: the shipment). */
export async function recordShipmentEvent(ctx: Ctx, event: ShipmentEvent): Promise<void> {
  await appendOutbox(ctx, [{ type: event.type, aggregateId: event.payload.shipmentId, payload: event.payload }]);
}

/** The channel live order pages listen on (migration 0014 sends order status changes on it too). */
export const ORDER_LIVE_CHANNEL = 'precis_order_live';

/** A notice for the pages watching one order; small on purpose — pages re-read what they show. */
export interface LiveNotice {
  orderId: string;
  kind: 'shipment' | 'tracking' | 'status';
  shipmentId?: string;
  status?: string;
}

/** Tells every process's open pages of the order that something changed, once ctx's transaction commits. */
export async function announce(ctx: Ctx, notice: LiveNotice): Promise<void> {
  await notifyLive(ctx.db, ORDER_LIVE_CHANNEL, { ...notice });
}
