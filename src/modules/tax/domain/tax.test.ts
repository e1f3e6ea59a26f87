import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeTax, lineTax, NO_RATE, pickRate, type TaxRateRow } from './tax.ts';

const rate = (over: Partial<TaxRateRow>): TaxRateRow => ({ country: 'DE', region: null, taxClass: 'standard', rateBp: 1900, label: 'VAT 19%', validFrom: null, validTo: null, ...over });
const NOW = new Date('2026-06-01T00:00:00Z');

/** Exact half-even of a × b / 10 000 in BigInt: the reference for the float path. */
function refTax(amount: number, rateBp: number): number {
  const n = BigInt(amount) * BigInt(rateBp);
  const q = n / 10_000n;
  const r = n % 10_000n;
  if (r * 2n > 10_000n) return Number(q + 1n);
  if (r * 2n < 10_000n) return Number(q);
  return Number(q % 2n === 0n ? q : q + 1n);
}

describe('pickRate', () => {
  const rates = [
    rate({}),
    rate({ taxClass: 'reduced', rateBp: 700, label: 'VAT 7%' }),
    rate({ country: 'CA', rateBp: 500, label: 'GST 5%' }),
    rate({ country: 'CA', region: 'QC', rateBp: 1498, label: 'GST+QST' }),
    rate({ country: 'GB', taxClass: 'zero', rateBp: 0, label: 'VAT 0%' }),
    rate({ country: 'GB', rateBp: 2000, label: 'VAT 20%' }),
  ];

  it('prefers the region, then the country, and falls back to standard for an unknown class', () => {
    expect(pickRate(rates, { country: 'CA', region: 'qc' }, 'standard', NOW).rateBp).toBe(1498);
    expect(pickRate(rates, { country: 'CA', region: 'ON' }, 'standard', NOW).rateBp).toBe(500);
    expect(pickRate(rates, { country: 'DE' }, 'reduced', NOW).rateBp).toBe(700);
    expect(pickRate(rates, { country: 'DE' }, 'books', NOW).rateBp).toBe(1900);
    expect(pickRate(rates, { country: 'GB' }, 'zero', NOW)).toEqual({ rateBp: 0, label: 'VAT 0%' });
    expect(pickRate(rates, { country: 'FR' }, 'standard', NOW)).toEqual(NO_RATE);
  });

  it('uses only rates valid at the moment: from inclusive, to exclusive', () => {
    const windowed = [rate({ validTo: new Date('2026-07-01T00:00:00Z'), rateBp: 1600 }), rate({ validFrom: new Date('2026-07-01T00:00:00Z'), rateBp: 1900 })];
    expect(pickRate(windowed, { country: 'DE' }, 'standard', new Date('2026-06-30T23:59:59Z')).rateBp).toBe(1600);
    expect(pickRate(windowed, { country: 'DE' }, 'standard', new Date('2026-07-01T00:00:00Z')).rateBp).toBe(1900);
  });
});

describe('computeTax', () => {
  it('rounds each line half-even and taxes shipping at the standard rate', () => {
    // 250 × 2% = 5.0; 25 × 10% = 2.5 → 2; 35 × 10% = 3.5 → 4
    const rates = [rate({ rateBp: 1000 }), rate({ taxClass: 'low', rateBp: 200 })];
    const r = computeTax(rates, { country: 'DE' }, [{ key: 'a', taxClass: 'low', amount: 250 }, { key: 'b', taxClass: 'standard', amount: 25 }, { key: 'c', taxClass: 'x', amount: 35 }], 15, NOW, false);
    expect(r.lines.get('a')?.amount).toBe(5);
    expect(r.lines.get('b')?.amount).toBe(2);
    expect(r.lines.get('c')?.amount).toBe(4);
    expect(r.shippingTax).toBe(2); // 1.5 → 2
    expect(r.total).toBe(13);
  });

  it('charges an exempt buyer nothing but still names the rate', () => {
    const r = computeTax([rate({})], { country: 'DE' }, [{ key: 'a', taxClass: 'standard', amount: 10_000 }], 500, NOW, true);
    expect(r.lines.get('a')).toEqual({ rateBp: 1900, amount: 0, label: 'VAT 19%' });
    expect(r.total).toBe(0);
  });

  it('agrees with an exact BigInt half-even reference per line, and totals are the sum of lines', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ amount: fc.integer({ min: 0, max: 500_000_000_000 }), cls: fc.constantFrom('standard', 'reduced', 'zero', 'other') }), { maxLength: 20 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (lines, shipping, stdBp, redBp) => {
          const rates = [rate({ rateBp: stdBp }), rate({ taxClass: 'reduced', rateBp: redBp }), rate({ taxClass: 'zero', rateBp: 0 })];
          const r = computeTax(rates, { country: 'DE' }, lines.map((l, i) => ({ key: String(i), taxClass: l.cls, amount: l.amount })), shipping, NOW, false);
          let sum = 0;
          lines.forEach((l, i) => {
            const bp = l.cls === 'reduced' ? redBp : l.cls === 'zero' ? 0 : stdBp;
            const got = r.lines.get(String(i));
            expect(got?.rateBp).toBe(bp);
            expect(got?.amount).toBe(refTax(l.amount, bp));
            sum += got?.amount ?? 0;
          });
          expect(r.shippingTax).toBe(refTax(shipping, stdBp));
          expect(r.total).toBe(sum + r.shippingTax);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('lineTax matches the reference on exact ties', () => {
    expect(lineTax(5, 5000)).toBe(refTax(5, 5000));
    expect(lineTax(15, 5000)).toBe(8);
    expect(lineTax(25, 5000)).toBe(12);
  });
});
