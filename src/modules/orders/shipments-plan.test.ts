import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { defaultWarehouse, planByLine, planBySku, remainingToShip, statusAfterShipping, stockMoves, type PlanLine } from './shipments-plan.ts';

const lines: PlanLine[] = [
  { lineNo: 1, sku: 'HAM-001', quantity: 10, quantityShipped: 4 },
  { lineNo: 2, sku: 'NAIL-9', quantity: 5, quantityShipped: 0 },
  { lineNo: 3, sku: 'ham-001', quantity: 3, quantityShipped: 0 },
];

describe('planByLine', () => {
  it('accepts quantities up to what remains, in line order, adding repeated lines', () => {
    expect(planByLine(lines, [{ lineNo: 2, quantity: 5 }, { lineNo: 1, quantity: 2 }, { lineNo: 1, quantity: 4 }])).toEqual({
      ok: true,
      lines: [{ lineNo: 1, quantity: 6 }, { lineNo: 2, quantity: 5 }],
    });
  });

  it.each([
    [[], { kind: 'empty' }],
    [[{ lineNo: 9, quantity: 1 }], { kind: 'unknown_line', index: 0 }],
    [[{ lineNo: 1, quantity: 7 }], { kind: 'too_many', index: 0, remaining: 6 }],
    [[{ lineNo: 1, quantity: 3 }, { lineNo: 1, quantity: 4 }], { kind: 'too_many', index: 1, remaining: 6 }],
  ])('refuses %j', (request, problem) => {
    expect(planByLine(lines, request)).toEqual({ ok: false, problem });
  });
});

describe('planBySku', () => {
  it('matches SKUs case-insensitively and fills lines of one SKU in line order', () => {
    expect(planBySku(lines, [{ sku: 'Ham-001', quantity: 8 }])).toEqual({ ok: true, lines: [{ lineNo: 1, quantity: 6 }, { lineNo: 3, quantity: 2 }] });
  });

  it('refuses an unknown SKU and more than remains on all lines of a SKU', () => {
    expect(planBySku(lines, [{ sku: 'NAIL-9', quantity: 1 }, { sku: 'GHOST', quantity: 1 }])).toEqual({ ok: false, problem: { kind: 'unknown_sku', index: 1 } });
    expect(planBySku(lines, [{ sku: 'HAM-001', quantity: 5 }, { sku: 'HAM-001', quantity: 5 }])).toEqual({ ok: false, problem: { kind: 'too_many', index: 1, remaining: 9 } });
  });

  it('never plans more than remains on any line (property)', () => {
    const arbLines = fc.array(fc.record({ sku: fc.constantFrom('A', 'B', 'C'), quantity: fc.integer({ min: 1, max: 20 }), shipped: fc.integer({ min: 0, max: 20 }) }), { minLength: 1, maxLength: 6 });
    const arbReq = fc.array(fc.record({ sku: fc.constantFrom('A', 'b', 'C', 'D'), quantity: fc.integer({ min: 1, max: 30 }) }), { maxLength: 6 });
    fc.assert(
      fc.property(arbLines, arbReq, (raw, req) => {
        const ls = raw.map((l, i) => ({ lineNo: i + 1, sku: l.sku, quantity: l.quantity, quantityShipped: Math.min(l.shipped, l.quantity) }));
        const r = planBySku(ls, req);
        if (!r.ok) return;
        for (const s of r.lines) {
          const l = ls.find((x) => x.lineNo === s.lineNo);
          expect(l).toBeDefined();
          expect(s.quantity).toBeGreaterThan(0);
          expect(s.quantity).toBeLessThanOrEqual(remainingToShip(l as PlanLine));
        }
        const asked = req.reduce((n, x) => n + x.quantity, 0);
        expect(r.lines.reduce((n, x) => n + x.quantity, 0)).toBe(asked);
      }),
    );
  });
});

describe('statusAfterShipping', () => {
  it('is shipped only when every line is fully shipped', () => {
    expect(statusAfterShipping([{ lineNo: 1, sku: 'A', quantity: 2, quantityShipped: 2 }])).toBe('shipped');
    expect(statusAfterShipping([{ lineNo: 1, sku: 'A', quantity: 2, quantityShipped: 2 }, { lineNo: 2, sku: 'B', quantity: 1, quantityShipped: 0 }])).toBe('partially_shipped');
  });
});

describe('stockMoves', () => {
  it('uses the reservation in the shipping warehouse first', () => {
    expect(stockMoves([{ warehouseId: 'wh_a', quantity: 5 }], 'wh_a', 3)).toEqual([{ warehouseId: 'wh_a', onHand: 3, reserved: 3 }]);
  });

  it('releases the shortfall from other warehouses, largest holding first', () => {
    expect(stockMoves([{ warehouseId: 'wh_a', quantity: 1 }, { warehouseId: 'wh_b', quantity: 2 }, { warehouseId: 'wh_c', quantity: 4 }], 'wh_a', 6)).toEqual([
      { warehouseId: 'wh_a', onHand: 6, reserved: 1 },
      { warehouseId: 'wh_c', onHand: 0, reserved: 4 },
      { warehouseId: 'wh_b', onHand: 0, reserved: 1 },
    ]);
  });

  it('takes free stock when nothing was reserved', () => {
    expect(stockMoves([], 'wh_a', 2)).toEqual([{ warehouseId: 'wh_a', onHand: 2, reserved: 0 }]);
  });

  it('never releases more than was reserved nor more than shipped (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ w: fc.constantFrom('a', 'b', 'c'), q: fc.integer({ min: 0, max: 10 }) })), fc.constantFrom('a', 'b', 'c', 'd'), fc.integer({ min: 1, max: 40 }), (raw, from, q) => {
        const res = [...new Map(raw.map((r) => [r.w, r.q]))].map(([warehouseId, quantity]) => ({ warehouseId, quantity }));
        const moves = stockMoves(res, from, q);
        const released = moves.reduce((n, m) => n + m.reserved, 0);
        expect(released).toBeLessThanOrEqual(q);
        expect(released).toBe(Math.min(q, res.reduce((n, r) => n + r.quantity, 0)));
        for (const m of moves) expect(m.reserved).toBeLessThanOrEqual(res.find((r) => r.warehouseId === m.warehouseId)?.quantity ?? 0);
        expect(moves.reduce((n, m) => n + m.onHand, 0)).toBe(q);
      }),
    );
  });
});

describe('defaultWarehouse', () => {
  it('picks the warehouse holding most, stably, or none', () => {
    expect(defaultWarehouse([{ warehouseId: 'wh_b', quantity: 2 }, { warehouseId: 'wh_a', quantity: 1 }, { warehouseId: 'wh_a', quantity: 1 }])).toBe('wh_a');
    expect(defaultWarehouse([{ warehouseId: 'wh_b', quantity: 3 }, { warehouseId: 'wh_a', quantity: 1 }])).toBe('wh_b');
    expect(defaultWarehouse([{ warehouseId: 'wh_b', quantity: 0 }])).toBeNull();
  });
});
