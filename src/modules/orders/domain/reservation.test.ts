import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateStock, type Allocation, type AllocationLine, type Shortage, type StockRow } from './reservation.ts';

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

/**
 * The rules in their plainest form, to check the optimised `allocateStock` against: availability
 * kept per "variant/warehouse" key, candidates re-sorted per line (most available, then warehouse id),
 * stock first, the rest to the first backorder warehouse, a short line gives back what it took.
 */
function reference(lines: readonly AllocationLine[], rows: readonly StockRow[]): { allocations: Allocation[]; shortages: Shortage[] } {
  const key = (variantId: string, warehouseId: string) => `${variantId}/${warehouseId}`;
  const free = new Map(rows.map((r) => [key(r.variantId, r.warehouseId), Math.max(0, r.onHand - r.reserved)]));
  const allocations: Allocation[] = [];
  const shortages: Shortage[] = [];
  for (const line of lines) {
    const candidates = rows
      .filter((r) => r.variantId === line.variantId)
      .sort((a, b) => free.get(key(b.variantId, b.warehouseId))! - free.get(key(a.variantId, a.warehouseId))! || (a.warehouseId < b.warehouseId ? -1 : 1));
    const mine: Allocation[] = [];
    let left = line.quantity;
    for (const r of candidates) {
      const take = Math.min(left, free.get(key(r.variantId, r.warehouseId))!);
      if (take > 0) {
        mine.push({ lineNo: line.lineNo, warehouseId: r.warehouseId, quantity: take });
        free.set(key(r.variantId, r.warehouseId), free.get(key(r.variantId, r.warehouseId))! - take);
        left -= take;
      }
    }
    const back = candidates.find((r) => r.backorder);
    if (left > 0 && !back) {
      for (const a of mine) free.set(key(line.variantId, a.warehouseId), free.get(key(line.variantId, a.warehouseId))! + a.quantity);
      shortages.push({ lineNo: line.lineNo, variantId: line.variantId, available: line.quantity - left });
      continue;
    }
    if (left > 0) {
      const i = mine.findIndex((a) => a.warehouseId === back!.warehouseId);
      if (i >= 0) mine[i] = { ...mine[i]!, quantity: mine[i]!.quantity + left };
      else mine.push({ lineNo: line.lineNo, warehouseId: back!.warehouseId, quantity: left });
    }
    allocations.push(...mine);
  }
  return { allocations, shortages };
}

describe('allocateStock against the reference', () => {
  const variants = ['v1', 'v2', 'v3'];
  const warehouses = ['wa', 'wb', 'wc', 'wd'];
  // Inventory: at most one row per (variant, warehouse), as the table's primary key says.
  const inventory = fc.uniqueArray(
    fc.record({
      variantId: fc.constantFrom(...variants),
      warehouseId: fc.constantFrom(...warehouses),
      onHand: fc.integer({ min: 0, max: 30 }),
      reserved: fc.integer({ min: 0, max: 35 }),
      backorder: fc.boolean(),
    }),
    { selector: (r) => `${r.variantId}/${r.warehouseId}`, maxLength: 12 },
  );
  const orderLines = fc.array(fc.record({ variantId: fc.constantFrom(...variants, 'v-missing'), quantity: fc.integer({ min: 1, max: 40 }) }), { maxLength: 8 });

  it('allocates, refuses and orders exactly as the plain rules do', () => {
    fc.assert(
      fc.property(inventory, orderLines, (rows, raw) => {
        const lines = raw.map((l, i) => ({ lineNo: i + 1, ...l }));
        expect(allocateStock(lines, rows)).toEqual(reference(lines, rows));
      }),
      { numRuns: 2000 },
    );
  });

  it('never takes more than a warehouse has unless it takes backorders, and covers every line it does not refuse', () => {
    fc.assert(
      fc.property(inventory, orderLines, (rows, raw) => {
        const lines = raw.map((l, i) => ({ lineNo: i + 1, ...l }));
        const { allocations, shortages } = allocateStock(lines, rows);
        for (const r of rows.filter((x) => !x.backorder)) {
          const taken = allocations.filter((a) => a.warehouseId === r.warehouseId && lines[a.lineNo - 1]!.variantId === r.variantId).reduce((n, a) => n + a.quantity, 0);
          expect(taken).toBeLessThanOrEqual(Math.max(0, r.onHand - r.reserved));
        }
        for (const l of lines) {
          const got = allocations.filter((a) => a.lineNo === l.lineNo).reduce((n, a) => n + a.quantity, 0);
          expect(got === l.quantity || shortages.some((s) => s.lineNo === l.lineNo && got === 0)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
