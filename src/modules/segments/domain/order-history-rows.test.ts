import { describe, expect, it } from 'vitest';
import { checkOrderHistoryHeader, orderFieldMismatch, parseAmount, parseOrderedAt, validateOrderHistoryRow } from './order-history-rows.ts';

const NOW = new Date('2026-06-30T12:00:00Z');
const row = (over: Record<string, string> = {}) => ({ order_ref: 'SO-1', company_id: 'cmp_1', ordered_at: '2026-06-01', currency: 'PKR', sku: 'HAM-001', quantity: '2', amount: '1500.50', ...over });

describe('order-history CSV rows', () => {
  it('parses amounts by the currency exponent', () => {
    expect(parseAmount('1500.5', 'PKR')).toEqual({ value: 150050 });
    expect(parseAmount('1500', 'JPY')).toEqual({ value: 1500 });
    expect(parseAmount('1.234', 'KWD')).toEqual({ value: 1234 });
    expect(parseAmount('1.5', 'JPY')).toEqual({ error: 'JPY has 0 decimal places; "1.5" has 1' });
    expect(parseAmount('-3.00', 'PKR')).toHaveProperty('error');
    expect(parseAmount('1,000.00', 'PKR')).toHaveProperty('error');
  });

  it('reads a day as midnight UTC and refuses days that do not exist', () => {
    expect(parseOrderedAt('2026-02-28')).toEqual(new Date('2026-02-28T00:00:00Z'));
    expect(parseOrderedAt('2026-02-30')).toBeNull();
    expect(parseOrderedAt('2026-02-28T10:00:00+05:00')).toEqual(new Date('2026-02-28T05:00:00Z'));
    expect(parseOrderedAt('2026-02-28T10:00:00')).toBeNull(); // no zone: ambiguous
  });

  it('reports every bad cell of a row by column', () => {
    const r = validateOrderHistoryRow(row({ order_ref: '', currency: 'pkr', quantity: '1.5', ordered_at: '2026-07-01' }), 3, NOW);
    expect('errors' in r && r.errors.map((e) => e.field)).toEqual(['order_ref', 'currency', 'ordered_at', 'quantity']);
    const ok = validateOrderHistoryRow(row({ status: 'Delivered' }), 2, NOW);
    expect(ok).toEqual({ value: expect.objectContaining({ row: 2, source: 'import', status: 'delivered', quantity: 2, amount: 150050 }) });
  });

  it('checks the header and the order-level fields shared by an order’s rows', () => {
    expect(checkOrderHistoryHeader(['order_ref', 'company_id', 'ordered_at', 'currency', 'sku', 'quantity', 'amount'])).toBeNull();
    expect(checkOrderHistoryHeader(['order_ref', 'company_id', 'ordered_at', 'currency', 'sku', 'quantity', 'price'])).toMatchObject({ field: 'price' });
    const a = validateOrderHistoryRow(row(), 2, NOW);
    const b = validateOrderHistoryRow(row({ currency: 'USD' }), 3, NOW);
    if (!('value' in a) || !('value' in b)) throw new Error('rows should be valid');
    expect(orderFieldMismatch(a.value, b.value)).toEqual({ field: 'currency', message: 'differs from row 2 of order SO-1' });
  });
});
