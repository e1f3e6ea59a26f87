import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { currencyExponent, formatMoney, money, roundHalfEven } from './money.ts';

describe('money', () => {
  it.each([
    ['PKR', 2],
    ['USD', 2],
    ['KWD', 3],
    ['JPY', 0],
    ['BDT', 2],
  ])('knows the minor-unit exponent of %s', (currency, exp) => {
    expect(currencyExponent(currency)).toBe(exp);
  });

  it('refuses fractional minor units', () => {
    expect(() => money(10.5, 'USD')).toThrow(RangeError);
  });

  it('formats in the buyer locale with its own digits', () => {
    expect(formatMoney(money(123456, 'USD'), 'en')).toBe('$1,234.56');
    expect(formatMoney(money(123456, 'PKR'), 'ur')).toContain('1,234.56');
    expect(formatMoney(money(123456, 'AED'), 'ar-EG')).toMatch(/[٠-٩]/);
    expect(formatMoney(money(123456, 'BDT'), 'bn')).toMatch(/[০-৯]/);
  });

  it.each([
    [2.5, 2],
    [3.5, 4],
    [-2.5, -2],
    [2.4999, 2],
    [2.5001, 3],
    [7, 7],
  ])('rounds %d half-even to %d', (v, r) => {
    expect(roundHalfEven(v)).toBe(r);
  });

  it('half-even rounding is within half a unit and unbiased on exact halves (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 99 }), (whole, hundredths) => {
        const v = whole + hundredths / 100;
        const r = roundHalfEven(v);
        expect(Math.abs(r - v)).toBeLessThanOrEqual(0.5 + 1e-9);
        if (hundredths === 50) expect(r % 2 === 0).toBe(true);
      }),
    );
  });
});
