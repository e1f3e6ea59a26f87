/**
 * Checkout and orders: placing an order from a cart in one transaction, the order lifecycle
 * (`domain/lifecycle.ts`), order history and the staff's order console. Shipments and tracking
 * live here too (their own files). Other modules import only this file.
 */
import type { FastifyInstance } from 'fastify';
import { orderRoutes } from './orders.routes.ts';
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
