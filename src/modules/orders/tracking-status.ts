/**
 * Pure rules for tracking: which status a shipment shows given the events pushed for it, and when
 * an order counts as delivered. Events may arrive late and out of order, so status follows the
 * event that happened last — except that delivery, once reported, is final.
 */

export const TRACKING_STATUSES = ['info_received', 'in_transit', 'out_for_delivery', 'delivered', 'failed_attempt', 'exception'] as const;
export type TrackingStatus = (typeof TRACKING_STATUSES)[number];

export const SHIPMENT_STATUSES = ['shipped', 'in_transit', 'out_for_delivery', 'delivered', 'exception'] as const;
export type ShipmentStatus = (typeof SHIPMENT_STATUSES)[number];

/** What a shipment shows after an event of this kind. */
const SHOWS: Readonly<Record<TrackingStatus, ShipmentStatus>> = {
  info_received: 'shipped',
  in_transit: 'in_transit',
  out_for_delivery: 'out_for_delivery',
  delivered: 'delivered',
  failed_attempt: 'exception',
  exception: 'exception',
};

export interface TrackingFact {
  readonly id: string;
  readonly status: TrackingStatus;
  readonly occurredAt: Date;
}

/** Events in the order they happened (ties by id, which is time-ordered by arrival). */
export function inTimeOrder<T extends TrackingFact>(events: readonly T[]): T[] {
  return [...events].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The shipment's status and delivery time from all its events. */
export function shipmentState(events: readonly TrackingFact[]): { status: ShipmentStatus; deliveredAt: Date | null } {
  const ordered = inTimeOrder(events);
  const delivered = ordered.find((e) => e.status === 'delivered');
  if (delivered) return { status: 'delivered', deliveredAt: delivered.occurredAt };
  const last = ordered[ordered.length - 1];
  return { status: last ? SHOWS[last.status] : 'shipped', deliveredAt: null };
}

/**
 * An order is delivered when nothing is left to ship and every shipment has arrived. A partly
 * shipped order whose shipments all arrived is still waiting for the rest.
 */
export function orderDelivered(lines: readonly { quantity: number; quantityShipped: number }[], shipments: readonly { status: ShipmentStatus }[]): boolean {
  return shipments.length > 0 && lines.every((l) => l.quantityShipped >= l.quantity) && shipments.every((s) => s.status === 'delivered');
}
