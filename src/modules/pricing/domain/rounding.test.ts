import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adjustPrice, divHalfEven, divHalfEvenBig } from './rounding.ts';
import type { PriceAdjustment, PriceRounding } from './types.ts';

describe('half-even division', () => {
  it.each([
    [5, 2, 2], [7, 2, 4], [15, 10, 2], [25, 10, 2], [26, 10, 3], [24, 10, 2], [-5, 2, -2], [-7, 2, -4], [0, 3, 0], [1, 3, 0], [2, 3, 1],
  ])('%i / %i → %i', (n, d, q) => {
    expect(divHalfEven(n, d)).toBe(q);
  });

  it('agrees with BigInt arithmetic across the safe integer range', () => {
    fc.assert(fc.property(
      fc.integer({ min: -Number.MAX_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      fc.integer({ min: 1, max: 2_000_000 }),
      (n, d) => BigInt(divHalfEven(n, d)) === divHalfEvenBig(BigInt(n), BigInt(d)),
    ), { numRuns: 2000 });
  });

  it.each([
    [-Number.MAX_SAFE_INTEGER, 19],
    [Number.MAX_SAFE_INTEGER, 19],
    [-Number.MAX_SAFE_INTEGER, 2],
    [Number.MAX_SAFE_INTEGER - 1, 3],
  ])('is exact at the edge of the safe range: %d / %d', (n, d) => {
    expect(BigInt(divHalfEven(n, d))).toBe(divHalfEvenBig(BigInt(n), BigInt(d)));
  });
});

const pct = (value: number): PriceAdjustment => ({ type: 'percent', value });
const amt = (value: number): PriceAdjustment => ({ type: 'amount', value });
const none: PriceRounding = { type: 'none' };
const nearest = (step: number): PriceRounding => ({ type: 'nearest', step });
const ending = (e: number): PriceRounding => ({ type: 'ending', ending: e });

describe('derived price: adjustment then one rounding', () => {
  it.each([
    ['10 % off 19.99, no rounding (1799.1 → 1799)', 1999, pct(10), none, 1799],
    ['50 % off 0.25 is 12.5 → even 12', 25, pct(50), none, 12],
    ['50 % off 0.35 is 17.5 → even 18', 35, pct(50), none, 18],
    ['12.5 % off 80.00', 8000, pct(12.5), none, 7000],
    ['10 % off 19.99 to the nearest 0.05 (1799.1 → 1800)', 1999, pct(10), nearest(5), 1800],
    ['exact half on a 0.05 grid goes to the even multiple (1802.5 → 1800)', 3605, pct(50), nearest(5), 1800],
    ['… and up when that multiple is the even one (1807.5 → 1810)', 3615, pct(50), nearest(5), 1810],
    ['10 % off 19.99 ending in .99 (1799.1 → 17.99)', 1999, pct(10), ending(99), 1799],
    ['10 % off 25.00 ending in .99 (2250 → 22.99, nearest)', 2500, pct(10), ending(99), 2299],
    ['10 % off 24.00 ending in .99 (2160 → 21.99)', 2400, pct(10), ending(99), 2199],
    ['a tiny price ending in .99 never goes negative', 30, pct(0), ending(99), 99],
    ['1.50 off 10.00', 1000, amt(150), none, 850],
    ['amount off more than the price is free, not negative', 100, amt(150), ending(99), 0],
    ['20 % markup', 1000, pct(-20), none, 1200],
    ['100 % off is free', 1234, pct(100), nearest(5), 0],
  ] as const)('%s', (_label, price, adj, rounding, expected) => {
    expect(adjustPrice(price, adj, rounding)).toBe(expected);
  });

  it('stays exact beyond 2^53 intermediate products (BigInt path)', () => {
    // 900,000,000,000,001 × 9,000 overflows a double's integer range; the exact answer is 810,000,000,000,000.9 → 810,000,000,000,001.
    expect(adjustPrice(900_000_000_000_001, pct(10), none)).toBe(810_000_000_000_001);
  });
});
