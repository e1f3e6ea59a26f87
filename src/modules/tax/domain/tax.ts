import { roundHalfEven } from '../../../lib/money.ts';

/**
 * Tax arithmetic, pure. A rate is chosen per line by ship-to and tax class; the tax of a line is
 * its net amount × rate, rounded half-even to minor units per line (never on the total).
 */

export interface TaxRateRow {
  readonly country: string;
  /** null = the whole country. */
  readonly region: string | null;
  readonly taxClass: string;
  readonly rateBp: number;
  readonly label: string;
  readonly validFrom: Date | null;
  readonly validTo: Date | null;
}

export const STANDARD_CLASS = 'standard';

export interface AppliedRate {
  rateBp: number;
  label: string;
}

/** No rate on file for the place: no tax, said plainly. */
export const NO_RATE: AppliedRate = Object.freeze({ rateBp: 0, label: 'No tax' });

const norm = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

/** Valid at `at`: from ≤ at < to, an open end being unbounded. */
export function rateValidAt(r: Pick<TaxRateRow, 'validFrom' | 'validTo'>, at: Date): boolean {
  const t = at.getTime();
  return (!r.validFrom || r.validFrom.getTime() <= t) && (!r.validTo || t < r.validTo.getTime());
}

/**
 * The rate for one tax class at a ship-to. Precedence: the class in the ship-to's region, the
 * class country-wide, then the same two for 'standard' (a class with no rate of its own is taxed
 * as standard); none at all → NO_RATE.
 */
export function pickRate(rates: readonly TaxRateRow[], place: { country: string; region?: string | null | undefined }, taxClass: string, at: Date): AppliedRate {
  const country = place.country.toUpperCase();
  const region = norm(place.region);
  const live = rates.filter((r) => r.country === country && rateValidAt(r, at));
  for (const cls of taxClass === STANDARD_CLASS ? [STANDARD_CLASS] : [taxClass, STANDARD_CLASS]) {
    const ofClass = live.filter((r) => r.taxClass === cls);
    const regional = region ? ofClass.find((r) => r.region !== null && norm(r.region) === region) : undefined;
    const chosen = regional ?? ofClass.find((r) => r.region === null);
    if (chosen) return { rateBp: chosen.rateBp, label: chosen.label };
  }
  return NO_RATE;
}

/** round_half_even(amount × rateBp / 10 000): one line's tax in minor units. */
export function lineTax(amount: number, rateBp: number): number {
  return roundHalfEven((amount * rateBp) / 10_000);
}

export interface TaxLineInput {
  key: string;
  taxClass: string;
  amount: number;
}

export interface TaxLineResult {
  rateBp: number;
  amount: number;
  label: string;
}

export interface TaxComputation {
  lines: Map<string, TaxLineResult>;
  shippingTax: number;
  total: number;
}

/**
 * Tax of every line and of the shipping charge. Shipping is taxed at the ship-to's standard rate
 * (the common rule where shipping follows the goods, simplified to the standard class). An exempt
 * buyer pays none: every amount is 0 but the rate that would apply is still reported.
 */
export function computeTax(rates: readonly TaxRateRow[], place: { country: string; region?: string | null | undefined }, lines: readonly TaxLineInput[], shipping: number, at: Date, exempt: boolean): TaxComputation {
  const out = new Map<string, TaxLineResult>();
  let total = 0;
  for (const l of lines) {
    const rate = pickRate(rates, place, l.taxClass, at);
    const amount = exempt ? 0 : lineTax(l.amount, rate.rateBp);
    out.set(l.key, { rateBp: rate.rateBp, amount, label: rate.label });
    total += amount;
  }
  const shippingTax = exempt || shipping === 0 ? 0 : lineTax(shipping, pickRate(rates, place, STANDARD_CLASS, at).rateBp);
  return { lines: out, shippingTax, total: total + shippingTax };
}
