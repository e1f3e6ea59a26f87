/**
 * Carts, quick order, shopping / requisition lists and reorder. Other modules import only this
 * file: checkout loads a cart with `loadCartForCheckout`, records its steps with `recordCartEvent`
 * and closes it with the writes of `cartOrderedWrites`, sent in the order's own statement.
 */
import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.ts';
import { cartRoutes } from './carts.routes.ts';
import { quickOrderRoutes } from './quick-order.routes.ts';
import { listRoutes } from './lists.routes.ts';
import { reorderRoutes } from './reorder.routes.ts';
import { setCartPricingStrategy } from './cart-view.ts';
export { carts, cartLines, cartEvents, cartShares, cartCurrent, shoppingLists, shoppingListLines, CART_EVENT_TYPES } from './carts.tables.ts';
export type { CartEventType, CartStatus, ShareAccess, ListVisibility } from './carts.tables.ts';
export { checkoutCartRead, loadCartForCheckout, recordCartEvent, cartOrderedWrites, cartNotOpen } from './checkout-face.ts';
export type { CheckoutCart, CheckoutCartRead, CheckoutLine } from './checkout-face.ts';
export { getCart, addLine, MAX_CART_LINES } from './carts.service.ts';
export type { CartView, CartLineView, CartSummary } from './cart-view.ts';
export type { LineProblem, LineProblemCode } from './domain/problems.ts';

/** What the carts module needs from the application: the seller's pricing strategy. */
export interface CartsDeps {
  readonly config: Pick<Config, 'PRICING_STRATEGY'>;
}

/** All carts routes (store); register after auth. */
export async function cartsRoutes(app: FastifyInstance, deps: CartsDeps): Promise<void> {
  setCartPricingStrategy(deps.config.PRICING_STRATEGY);
  await app.register(cartRoutes);
  await app.register(quickOrderRoutes);
  await app.register(listRoutes);
  await app.register(reorderRoutes);
}
