import type { BuyerPrice } from '../storefront-hooks.ts';

/**
 * A product card's price: the lowest of its variants' prices for the caller ("from …"), and
 * whether it varies — between variants, or by quantity within the cheapest one's tier table.
 */
export function cardPrice(variantIds: readonly string[], prices: ReadonlyMap<string, BuyerPrice>): { price: BuyerPrice | null; priceVaries: boolean } {
  let best: BuyerPrice | null = null;
  let varies = false;
  for (const id of variantIds) {
    const p = prices.get(id);
    if (p === undefined) continue;
    if (best !== null && (p.unitPrice.amount !== best.unitPrice.amount || p.unitPrice.currency !== best.unitPrice.currency)) varies = true;
    if (best === null || p.unitPrice.amount < best.unitPrice.amount) best = p;
  }
  if (best !== null && best.tiers.length > 1) varies = true;
  return { price: best, priceVaries: varies };
}
