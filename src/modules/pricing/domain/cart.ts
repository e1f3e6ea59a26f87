import type { PriceIndex } from './price-index.ts';
import { contextCandidates } from './price-index.ts';
import { resolveWithCandidates } from './resolve.ts';
import type { PricingContext, Resolution, VariantFacts } from './types.ts';

export interface CartLineInput {
  readonly variant: VariantFacts;
  readonly quantity: number;
}

export interface PricedCart {
  readonly currency: string;
  readonly lines: readonly Resolution[];
  /** Sum of the priced lines' totals, exact in minor units. */
  readonly total: number;
  /** Variants no candidate prices; they are not in the total. */
  readonly unpriced: readonly string[];
}

/**
 * Prices every line for one context. Each line total is unit × quantity in integers (no rounding
 * at all past the unit price), and the cart total is their exact sum. The context's lists are
 * collected once, so each line costs a few map lookups. Throws RangeError beyond 2^53 minor units.
 */
export function priceCart(lines: readonly CartLineInput[], index: PriceIndex, context: PricingContext): PricedCart {
  const cc = contextCandidates(index, context);
  const out: Resolution[] = [];
  const unpriced: string[] = [];
  let total = 0;
  for (const line of lines) {
    const r = resolveWithCandidates(cc, line.variant, line.quantity);
    out.push(r);
    if (r.priced) {
      total += r.lineTotal;
      // Checked per step: past 2^53 a float sum silently drops minor units.
      if (!Number.isSafeInteger(total)) throw new RangeError('cart total exceeds safe integer minor units');
    } else {
      unpriced.push(r.variantId);
    }
  }
  return { currency: context.currency, lines: out, total, unpriced };
}
