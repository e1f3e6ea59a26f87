import { describe, expect, it } from 'vitest';
import { generateDataset } from './generate.ts';
import { compileRule } from '../modules/segments/index.ts';
import { DEMO_SPEND_GROUP, generateOrderHistory, ORDER_HISTORY_SCALES } from './order-history.ts';

describe('generated order history', () => {
  const data = generateDataset({ products: 200, variants: 500, companies: 60, salesReps: 2 }, 'orders-test');

  it('is the same for the same seed and differs for another', () => {
    const a = generateOrderHistory(data, ORDER_HISTORY_SCALES.small, 'orders-test');
    expect(generateOrderHistory(data, ORDER_HISTORY_SCALES.small, 'orders-test')).toEqual(a);
    expect(generateOrderHistory(data, ORDER_HISTORY_SCALES.small, 'other')).not.toEqual(a);
  });

  it('gives the demo buyers recent, sizeable orders in their own currency from catalog SKUs', () => {
    const orders = generateOrderHistory(data, ORDER_HISTORY_SCALES.small, 'orders-test');
    const karachi = data.companies.find((c) => c.legalName === 'Indus Builders Karachi (Pvt) Ltd')!;
    const mine = orders.filter((o) => o.companyId === karachi.id);
    expect(mine.length).toBeGreaterThan(10);
    expect(mine.some((o) => o.daysAgo <= 90 && o.status !== 'cancelled')).toBe(true);
    expect(new Set(mine.map((o) => o.currency))).toEqual(new Set(['PKR']));
    const skus = new Set(data.variants.map((v) => v.sku));
    for (const o of orders) for (const l of o.lines) expect(skus.has(l.sku) && l.amount > 0 && l.categorySlug !== '').toBe(true);
    expect(new Set(orders.map((o) => o.ref)).size).toBe(orders.length);
  });

  it('puts Indus Builders Karachi above the demo big-spender mark, and not everyone', () => {
    expect(compileRule(DEMO_SPEND_GROUP.rule).ok).toBe(true);
    const orders = generateOrderHistory(data, ORDER_HISTORY_SCALES.small, 'orders-test');
    const spend90 = new Map<string, number>();
    for (const o of orders) if (o.daysAgo < 90 && o.status !== 'cancelled' && o.currency === 'PKR') spend90.set(o.companyId, (spend90.get(o.companyId) ?? 0) + o.lines.reduce((s, l) => s + l.amount, 0));
    const karachi = data.companies.find((c) => c.legalName === 'Indus Builders Karachi (Pvt) Ltd')!;
    const mark = 5_000_000_00;
    expect(spend90.get(karachi.id)).toBeGreaterThanOrEqual(mark);
    const pkr = data.companies.filter((c) => c.currency === 'PKR');
    expect(pkr.filter((c) => (spend90.get(c.id) ?? 0) >= mark).length).toBeLessThan(pkr.length / 2);
  });
});
