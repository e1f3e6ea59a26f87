import { describe, expect, it } from 'vitest';
import { backorderQuantity, quantityProblems, stockProblems } from './problems.ts';

describe('cart line problems', () => {
  it('says what stock allows: out of stock, only n, or fine; backorders take any quantity', () => {
    expect(stockProblems(1, { available: 0, backorder: false })).toEqual([{ code: 'OUT_OF_STOCK', message: 'Out of stock', limit: 0 }]);
    expect(stockProblems(1, { available: -3, backorder: false })[0]!.code).toBe('OUT_OF_STOCK');
    expect(stockProblems(8, { available: 5, backorder: false })).toEqual([{ code: 'INSUFFICIENT_STOCK', message: 'Only 5 in stock', limit: 5 }]);
    expect(stockProblems(5, { available: 5, backorder: false })).toEqual([]);
    expect(stockProblems(500, { available: 5, backorder: true })).toEqual([]);
    expect(backorderQuantity(500, { available: 5, backorder: true })).toBe(495);
    expect(backorderQuantity(500, { available: 5, backorder: false })).toBe(0);
  });

  it("turns the engine's quantity-rule violations into problems with the rule's number", () => {
    expect(quantityProblems([{ code: 'ABOVE_MAX', limit: 50, message: 'order at most 50' }])).toEqual([{ code: 'QUANTITY_ABOVE_MAX', message: 'Order at most 50', limit: 50 }]);
  });
});
