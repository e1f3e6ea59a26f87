import type { Ctx } from '../../http/context.ts';
import { orderLinesForReorder } from '../orders/index.ts';
import type { CartView } from './cart-view.ts';
import { buyableItems, buyerOf, changeLines, createCart, ensureCurrentCart, upsertIn, type LineToAdd } from './carts.service.ts';

export interface ReorderResult {
  cart: CartView;
  /** Order lines put back in the cart. */
  added: number;
  /** Order lines that could not be: the item is gone or the company can no longer buy it. */
  unavailable: { sku: string; quantity: number; code: 'ITEM_UNAVAILABLE'; message: string }[];
}

/**
 * Puts the lines of a past order back into a cart — the buyer's current cart, a named one, or a
 * new one (`new`) — at today's prices: the cart answers with every line re-validated (price,
 * rules, stock). Items deleted or hidden since are reported as unavailable and left out.
 */
export async function reorder(ctx: Ctx, orderId: string, input: { cartId?: string | undefined; cartName?: string | undefined }): Promise<ReorderResult> {
  const a = buyerOf(ctx);
  const lines = await orderLinesForReorder(ctx, orderId);
  const { byId } = await buyableItems(ctx, a.companyId, { ids: lines.flatMap((l) => (l.variantId ? [l.variantId] : [])) });
  const toAdd: LineToAdd[] = [];
  const unavailable: ReorderResult['unavailable'] = [];
  for (const l of lines) {
    if (l.variantId !== null && byId.has(l.variantId)) toAdd.push({ variantId: l.variantId, quantity: l.quantity, note: '' });
    else unavailable.push({ sku: l.sku, quantity: l.quantity, code: 'ITEM_UNAVAILABLE', message: `${l.sku}: this item is no longer available` });
  }
  let cartId: string;
  if (input.cartId === 'new') cartId = (await createCart(ctx, { name: input.cartName ?? `Reorder ${orderId.slice(-6)}`, makeCurrent: true })).id;
  else if (input.cartId === undefined || input.cartId === 'current') cartId = await ensureCurrentCart(ctx);
  else cartId = input.cartId;
  const cart = await changeLines(ctx, cartId, (tx, c) => (toAdd.length === 0 ? Promise.resolve([]) : upsertIn(tx, c, toAdd, `reorder:${orderId}`)));
  return { cart, added: toAdd.length, unavailable };
}
