/**
 * What can be wrong with a cart line, as the buyer reads it. Problems never fail a request: a cart
 * with problems is still shown (and saved); checkout refuses it until they are fixed. The codes are
 * registered in src/lib/errors.ts; `limit` carries the number the message names, so the web app
 * can say the same thing in the buyer's language.
 */
import type { QuantityViolation } from '../../pricing/index.ts';

export type LineProblemCode =
  | 'ITEM_UNAVAILABLE'
  | 'PRICE_UNAVAILABLE'
  | 'QUANTITY_BELOW_MIN'
  | 'QUANTITY_ABOVE_MAX'
  | 'QUANTITY_NOT_INCREMENT'
  | 'OUT_OF_STOCK'
  | 'INSUFFICIENT_STOCK';

export interface LineProblem {
  readonly code: LineProblemCode;
  readonly message: string;
  /** The rule's number (minimum, maximum, increment) or the quantity available. */
  readonly limit: number | null;
}

/** Stock of a variant across warehouses: available = on hand − reserved, summed. */
export interface Stock {
  readonly available: number;
  /** Some warehouse takes backorders for the variant: any quantity may be ordered. */
  readonly backorder: boolean;
}

const QTY: Readonly<Record<QuantityViolation['code'], LineProblemCode>> = {
  BELOW_MIN: 'QUANTITY_BELOW_MIN',
  ABOVE_MAX: 'QUANTITY_ABOVE_MAX',
  NOT_INCREMENT: 'QUANTITY_NOT_INCREMENT',
};

const capitalised = (s: string) => (s === '' ? s : `${s[0]!.toUpperCase()}${s.slice(1)}`);

/** The pricing engine's quantity-rule violations as line problems ("Order at least 5"). */
export function quantityProblems(violations: readonly QuantityViolation[]): LineProblem[] {
  return violations.map((v) => ({ code: QTY[v.code], message: capitalised(v.message), limit: v.limit }));
}

/**
 * Whether `quantity` can be supplied: nothing available (and no backorders) is out of stock; less
 * than asked is insufficient, naming what is available. Backorders accept any quantity.
 */
export function stockProblems(quantity: number, stock: Stock): LineProblem[] {
  if (stock.backorder) return [];
  const available = Math.max(0, stock.available);
  if (available === 0) return [{ code: 'OUT_OF_STOCK', message: 'Out of stock', limit: 0 }];
  if (quantity > available) return [{ code: 'INSUFFICIENT_STOCK', message: `Only ${available} in stock`, limit: available }];
  return [];
}

/** A line whose item the company can no longer buy (deleted, deactivated or hidden: all look alike). */
export const UNAVAILABLE: LineProblem = Object.freeze({ code: 'ITEM_UNAVAILABLE', message: 'This item is no longer available', limit: null });

/** A line nothing prices in the company's currency. */
export function priceUnavailable(currency: string): LineProblem {
  return { code: 'PRICE_UNAVAILABLE', message: `This item has no price in ${currency || 'your currency'}`, limit: null };
}

/** How much of the quantity would be backordered (0 when stock covers it or no backorders). */
export function backorderQuantity(quantity: number, stock: Stock): number {
  return stock.backorder ? Math.max(0, quantity - Math.max(0, stock.available)) : 0;
}
