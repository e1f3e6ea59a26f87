import { describe, expect, it } from 'vitest';
import { assembleMetrics, divideHalfEven, metricsFacts, windowStarts, type CurrencyTotals } from './purchase-metrics.ts';

const totals = (currency: string, over: Partial<CurrencyTotals> = {}): CurrencyTotals => ({
  currency,
  spend30d: 0,
  spend90d: 0,
  spend365d: 0,
  spendLifetime: 0,
  count30d: 0,
  count90d: 0,
  count365d: 0,
  countLifetime: 0,
  firstOrderAt: null,
  lastOrderAt: null,
  ...over,
});

describe('purchase metrics', () => {
  it('windows start exactly 30, 90 and 365 days of 24 h before now', () => {
    expect(windowStarts(new Date('2026-03-31T10:00:00Z'))).toEqual({
      d30: new Date('2026-03-01T10:00:00Z'),
      d90: new Date('2025-12-31T10:00:00Z'),
      d365: new Date('2025-03-31T10:00:00Z'),
    });
  });

  it('averages per currency with half-even rounding, and leaves out currencies with nothing spent', () => {
    const m = assembleMetrics({
      totals: [
        totals('PKR', { spend30d: 0, spend90d: 5, spendLifetime: 5, countLifetime: 2, count90d: 2, firstOrderAt: new Date('2025-01-02T00:00:00Z'), lastOrderAt: new Date('2026-01-01T00:00:00Z') }),
        totals('USD', { spendLifetime: 7, countLifetime: 2, firstOrderAt: new Date('2024-05-05T23:59:59Z'), lastOrderAt: new Date('2024-06-01T00:00:00Z') }),
      ],
      categories: ['tools', 'cement', 'tools'],
      brands: [],
      openQuoteCount: 1,
      overdue: [
        { currency: 'PKR', amount: 10 },
        { currency: 'PKR', amount: 5 },
        { currency: 'USD', amount: 0 },
      ],
    });
    // 5 / 2 = 2.5 → 2 (even), 7 / 2 = 3.5 → 4 (even)
    expect(m.averageOrderValue).toEqual({ PKR: 2, USD: 4 });
    expect(m.spend30d).toEqual({});
    expect(m.spend90d).toEqual({ PKR: 5 });
    expect(m.orderCountLifetime).toBe(4);
    expect(m.categoriesBought).toEqual(['cement', 'tools']);
    expect(m.overdueInvoiceAmount).toEqual({ PKR: 15 });
    expect(metricsFacts(m)).toMatchObject({ first_order_at: '2024-05-05', last_order_at: '2026-01-01', open_quote_count: 1 });
  });

  it('has no dates and no average without orders', () => {
    const m = assembleMetrics({ totals: [], categories: [], brands: [], openQuoteCount: 0, overdue: [] });
    expect(metricsFacts(m)).toMatchObject({ first_order_at: null, last_order_at: null, average_order_value: {}, order_count_90d: 0, spend_lifetime: {} });
  });

  it('divides exactly, never through floats', () => {
    expect(divideHalfEven(2 ** 53 - 1, 2)).toBe(2 ** 52); // 4503599627370495.5 → the even neighbour
    expect(divideHalfEven(2 ** 53 - 3, 2)).toBe(2 ** 52 - 2); // …493.5 → …492
    expect(divideHalfEven(2 ** 53 - 1, 3)).toBe(3002399751580330); // exact: 3002399751580330.33…
    expect(divideHalfEven(15, 10)).toBe(2);
    expect(divideHalfEven(25, 10)).toBe(2);
    expect(divideHalfEven(26, 10)).toBe(3);
    expect(() => divideHalfEven(1, 0)).toThrow(RangeError);
  });
});
