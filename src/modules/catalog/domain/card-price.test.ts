import { describe, expect, it } from 'vitest';
import type { BuyerPrice } from '../storefront-hooks.ts';
import { cardPrice } from './card-price.ts';

const price = (amount: number, tiers: number[] = []): BuyerPrice => ({
  unitPrice: { amount, currency: 'PKR' }, quantity: 1, basePrice: null, saving: null, kind: 'base', label: 'List price', contractRef: null, tierMinQty: null,
  tiers: [{ minQty: 1, unitPrice: { amount, currency: 'PKR' } }, ...tiers.map((minQty) => ({ minQty, unitPrice: { amount: amount - 1, currency: 'PKR' } }))],
  quantityRules: null,
});

describe('cardPrice', () => {
  it('shows the lowest variant price and says it varies when variants differ', () => {
    const r = cardPrice(['a', 'b', 'c'], new Map([['a', price(900)], ['b', price(700)]]));
    expect(r.price?.unitPrice.amount).toBe(700);
    expect(r.priceVaries).toBe(true);
  });

  it('is a single price when every priced variant costs the same and has no tiers', () => {
    expect(cardPrice(['a', 'b'], new Map([['a', price(500)], ['b', price(500)]]))).toMatchObject({ price: { unitPrice: { amount: 500 } }, priceVaries: false });
  });

  it('varies with a volume tier, and is null when no variant is priced', () => {
    expect(cardPrice(['a'], new Map([['a', price(500, [100])]])).priceVaries).toBe(true);
    expect(cardPrice(['a'], new Map())).toEqual({ price: null, priceVaries: false });
  });
});
