import { describe, expect, it } from 'vitest';
import { allocateStock, type StockRow } from './reservation.ts';

const row = (variantId: string, warehouseId: string, onHand: number, reserved = 0, backorder = false): StockRow => ({ variantId, warehouseId, onHand, reserved, backorder });

describe('allocateStock', () => {
  it('takes stock from the warehouse with the most available first', () => {
    const r = allocateStock([{ lineNo: 1, variantId: 'v1', quantity: 5 }], [row('v1', 'wa', 3), row('v1', 'wb', 10, 2)]);
    expect(r.shortages).toEqual([]);
    expect(r.allocations).toEqual([{ lineNo: 1, warehouseId: 'wb', quantity: 5 }]);
  });

  it('splits a line across warehouses when one cannot cover it', () => {
    const r = allocateStock([{ lineNo: 1, variantId: 'v1', quantity: 12 }], [row('v1', 'wa', 5), row('v1', 'wb', 8)]);
    expect(r.allocations).toEqual([
      { lineNo: 1, warehouseId: 'wb', quantity: 8 },
      { lineNo: 1, warehouseId: 'wa', quantity: 4 },
    ]);
  });

  it('reports a short line with what is available and reserves nothing for it', () => {
    const r = allocateStock([{ lineNo: 1, variantId: 'v1', quantity: 12 }], [row('v1', 'wa', 10, 4)]);
    expect(r.allocations).toEqual([]);
    expect(r.shortages).toEqual([{ lineNo: 1, variantId: 'v1', available: 6 }]);
  });

  it('treats a variant without inventory rows as out of stock', () => {
    expect(allocateStock([{ lineNo: 1, variantId: 'v9', quantity: 1 }], []).shortages).toEqual([{ lineNo: 1, variantId: 'v9', available: 0 }]);
  });

  it('puts the rest on a backorder warehouse', () => {
    const r = allocateStock([{ lineNo: 1, variantId: 'v1', quantity: 10 }], [row('v1', 'wa', 2), row('v1', 'wb', 0, 0, true)]);
    expect(r.shortages).toEqual([]);
    expect(r.allocations).toEqual([
      { lineNo: 1, warehouseId: 'wa', quantity: 2 },
      { lineNo: 1, warehouseId: 'wb', quantity: 8 },
    ]);
  });

  it('does not let two lines of one variant both take the last units', () => {
    const r = allocateStock(
      [
        { lineNo: 1, variantId: 'v1', quantity: 3 },
        { lineNo: 2, variantId: 'v1', quantity: 3 },
      ],
      [row('v1', 'wa', 4)],
    );
    expect(r.allocations).toEqual([{ lineNo: 1, warehouseId: 'wa', quantity: 3 }]);
    expect(r.shortages).toEqual([{ lineNo: 2, variantId: 'v1', available: 1 }]);
  });
});
