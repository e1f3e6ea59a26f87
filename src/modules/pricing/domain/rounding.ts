import type { PriceAdjustment, PriceRounding } from './types.ts';

/**
 * Integer money maths for derived prices. A derived price is an exact rational (price × (10000 −
 * basis points) / 10000, or price − amount) rounded ONCE to its target grid, half-even, so that
 * "10 % off, nearest 0.05" never rounds twice.
 */

/** n / d rounded half-even (d > 0), exact for safe integers. */
export function divHalfEven(n: number, d: number): number {
  // `%` is exact on safe integers, and n − r is a multiple of d, so the quotient is exact too
  // (Math.floor(n / d) can land one off near 2^53, and q × d can then leave the safe range).
  let r = n % d;
  let q = (n - r) / d;
  if (r < 0) { q -= 1; r += d; }
  const twice = 2 * r;
  if (twice > d) return q + 1;
  if (twice < d) return q;
  return q % 2 === 0 ? q : q + 1;
}

/** BigInt twin of {@link divHalfEven} for products beyond 2^53. */
export function divHalfEvenBig(n: bigint, d: bigint): bigint {
  let q = n / d;
  let r = n % d;
  if (r < 0n) { q -= 1n; r += d; }
  const twice = 2n * r;
  if (twice > d) return q + 1n;
  if (twice < d) return q;
  return q % 2n === 0n ? q : q + 1n;
}

/** Percent with up to two decimals as basis points (12.5 % → 1250). */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** Rounds the rational num/den (den > 0, num > 0) onto the rounding grid, half-even. */
function roundOnGrid(num: number, den: number, rounding: PriceRounding): number {
  switch (rounding.type) {
    case 'none':
      return divHalfEven(num, den);
    case 'nearest':
      return divHalfEven(num, den * rounding.step) * rounding.step;
    case 'ending': {
      // Prices ending in `e` are e + 100k: round (x − e) to a multiple of 100.
      const e = rounding.ending;
      const r = divHalfEven(num - e * den, 100 * den) * 100 + e;
      // Never below the smallest price with that ending (a 0.30 item does not become −0.01).
      return r < 0 ? e : r;
    }
  }
}

function roundOnGridBig(num: bigint, den: bigint, rounding: PriceRounding): bigint {
  switch (rounding.type) {
    case 'none':
      return divHalfEvenBig(num, den);
    case 'nearest': {
      const step = BigInt(rounding.step);
      return divHalfEvenBig(num, den * step) * step;
    }
    case 'ending': {
      const e = BigInt(rounding.ending);
      const r = divHalfEvenBig(num - e * den, 100n * den) * 100n + e;
      return r < 0n ? e : r;
    }
  }
}

function gridDenominator(rounding: PriceRounding): number {
  if (rounding.type === 'nearest') return rounding.step;
  if (rounding.type === 'ending') return 100;
  return 1;
}

/**
 * The derived unit price of `price` (minor units): adjustment, then one half-even rounding onto
 * the rounding grid. A price adjusted to zero or below is free (0) and not rounded up.
 */
export function adjustPrice(price: number, adjustment: PriceAdjustment, rounding: PriceRounding): number {
  let num: number;
  let den: number;
  if (adjustment.type === 'percent') {
    num = price * (10_000 - percentToBasisPoints(adjustment.value));
    den = 10_000;
  } else {
    num = price - adjustment.value;
    den = 1;
  }
  if (num <= 0) return 0;
  const fits = Number.isSafeInteger(num) && Number.isSafeInteger(num + den * gridDenominator(rounding) * 2);
  if (fits) return roundOnGrid(num, den, rounding);
  const big = roundOnGridBig(
    adjustment.type === 'percent'
      ? BigInt(price) * BigInt(10_000 - percentToBasisPoints(adjustment.value))
      : BigInt(price) - BigInt(adjustment.value),
    BigInt(den),
    rounding,
  );
  const out = Number(big);
  if (!Number.isSafeInteger(out)) throw new RangeError(`derived price ${big} is beyond safe integer minor units`);
  return out;
}
