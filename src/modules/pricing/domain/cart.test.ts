import { describe, expect, it } from 'vitest';
import { buildPriceIndex } from './price-index.ts';
import { priceCart } from './cart.ts';
import { formatAmount } from './format.ts';
import type { PriceList, PricingContext, VariantFacts } from './types.ts';

const facts = (variantId: string): VariantFacts => ({ variantId, categoryIds: [], tags: [] });
const ctx: PricingContext = { companyId: 'acme', ancestors: [], groupIds: ['trade'], channel: 'web', currency: 'PKR', at: new Date('2026-11-27T00:00:00Z'), strategy: 'lowest' };
const lists: PriceList[] = [
  { id: 'B', name: 'Base', currency: 'PKR', status: 'active', priority: 0, kind: 'base', targets: [], entries: [
    { variantId: 'v1', unitPrice: 1999, tiers: [{ minQty: 10, unitPrice: 1899 }] },
    { variantId: 'v2', unitPrice: 333, tiers: [] },
  ] },
  { id: 'T', name: 'Trade', currency: 'PKR', status: 'active', priority: 0, kind: 'derived', targets: [{ type: 'group', groupId: 'trade' }], entries: [],
    derived: { baseListId: 'B', adjustment: { type: 'percent', value: 7.5 }, rounding: { type: 'nearest', step: 5 } } },
];

describe('priceCart', () => {
  it('prices every line, totals exactly, and lists what it cannot price', () => {
    const cart = priceCart([{ variant: facts('v1'), quantity: 12 }, { variant: facts('v2'), quantity: 3 }, { variant: facts('v9'), quantity: 1 }], buildPriceIndex(lists, []), ctx);
    // v1: tier 18.99 × 0.925 = 17.56575 → nearest 0.05 = 17.55; v2: 3.33 × 0.925 = 3.08025 → 3.10.
    expect(cart.lines.map((l) => (l.priced ? [l.unitPrice, l.lineTotal] : null))).toEqual([[1755, 21060], [310, 930], null]);
    expect(cart.total).toBe(21990);
    expect(cart.unpriced).toEqual(['v9']);
  });

  it('refuses a total past 2^53 minor units rather than rounding it', () => {
    const huge: PriceList[] = [{ ...lists[0]!, entries: [{ variantId: 'v1', unitPrice: 2 ** 40, tiers: [] }, { variantId: 'v2', unitPrice: 2 ** 40, tiers: [] }] }];
    expect(() => priceCart([{ variant: facts('v1'), quantity: 4096 }, { variant: facts('v2'), quantity: 4096 }], buildPriceIndex(huge, []), ctx)).toThrow(RangeError);
  });
});

describe('amounts in trace reasons', () => {
  it.each([
    [115000, 'PKR', '1,150.00'], [102000, 'PKR', '1,020.00'], [5, 'PKR', '0.05'], [-1234567, 'USD', '-12,345.67'],
    [1150, 'JPY', '1,150'], [1150, 'KWD', '1.150'], [0, 'PKR', '0.00'],
    [123456789012, 'PKR', '1,234,567,890.12'], [100000, 'PKR', '1,000.00'], [999, 'JPY', '999'], [999999, 'JPY', '999,999'],
  ])('%i %s → %s', (minor, currency, text) => {
    expect(formatAmount(minor, currency)).toBe(text);
  });
});
