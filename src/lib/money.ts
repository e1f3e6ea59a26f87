/** Money is integer minor units plus an ISO 4217 currency; never floats in totals. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** Minor-unit exponent per currency, from ICU via Intl (e.g. 2 for PKR, 3 for KWD, 0 for JPY). */
const exponentCache = new Map<string, number>();
export function currencyExponent(currency: string): number {
  let e = exponentCache.get(currency);
  if (e === undefined) {
    e = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponentCache.set(currency, e);
  }
  return e;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer of minor units, got ${amount}`);
  return { amount, currency };
}

/** Formats for display in a locale (`ar`, `ur`, `bn`, `en`), with the locale's own digits. */
export function formatMoney(m: Money, locale: string): string {
  const exp = currencyExponent(m.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: m.currency }).format(m.amount / 10 ** exp);
}

/** Half-even rounding of a rational number of minor units (banker's rounding, one place only). */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5 + 1e-9) return floor + 1;
  if (diff < 0.5 - 1e-9) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
