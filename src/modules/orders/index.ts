/**
 * Checkout and orders: placing an order from a cart in one transaction, the order lifecycle
 * (`domain/lifecycle.ts`), order history and the staff's order console. Shipments and tracking
 * live here too (their own files). Other modules import only this file.
 */
import type { FastifyInstance } from 'fastify';
import { orderRoutes } from './orders.routes.ts';
import type { Database } from '../../db/client.ts';
import { shipmentsRoutes } from './shipments.routes.ts';
import { orderLiveRoutes } from './tracking-live.routes.ts';
import type { CheckoutDeps } from './checkout.service.ts';

export { orders, orderLines, orderReservations, orderEvents, type ShipToSnapshot } from './orders.tables.ts';
export { ORDER_STATUSES, OPEN_STATUSES, TRANSITIONS, checkTransition, nextStatuses, isOrderStatus, type OrderStatus, type Transition } from './domain/lifecycle.ts';
export type { Order, OrderLine, OrderEvent, OrderSummary, PaymentMethod } from './domain/types.ts';
export { getOrder, orderDetail, orderLinesForReorder, listOrders, transitionOrder, releaseHold, type OrderListQuery } from './orders.service.ts';
export { checkoutOptions, placeOrder, type CheckoutInput, type CheckoutDeps, type CheckoutOptions, type NewAddress } from './checkout.service.ts';

/** Checkout and order routes (store and admin); register after auth. `deps` carries test-only hooks. */
export async function ordersRoutes(app: FastifyInstance, deps: CheckoutDeps = {}): Promise<void> {
  await app.register(async (scope) => orderRoutes(scope, deps));
}

// Shipments, tracking events and live order updates (helper SH's files).
export { getShipment, orderShipments, createShipment, createShipmentByOrderNumber, type Shipment, type OrderShipments, type ShipmentRequest } from './shipments.service.ts';
export { addTrackingEvent, markDelivered, type TrackingInput, type TrackingResult } from './tracking.service.ts';
export { SHIPMENT_EVENT_TYPES, ORDER_LIVE_CHANNEL, type ShipmentEvent, type LiveNotice } from './shipments-events.ts';
export { liveHubFor, type LiveLimits } from './tracking-live.ts';
export { shipments, shipmentLines, trackingEvents } from './shipments.tables.ts';

/** Shipment and tracking routes (admin, store, integrations) and the live order stream; register after auth. */
export async function shipmentRoutes(app: FastifyInstance, deps: { readonly database: Pick<Database, 'db' | 'listen'> }): Promise<void> {
  await shipmentsRoutes(app);
  await orderLiveRoutes(app, deps);
}
