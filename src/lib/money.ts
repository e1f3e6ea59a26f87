/** Money is integer minor units plus an ISO 4217 currency; never floats in totals. */
export interface Money {
  readonly amount: number;
  readonly currency: string;
}

/** ISO 4217 minor units for the currencies that do not use 2 (ICU's display digits differ, e.g. PKR). */
const EXPONENTS: Record<string, number> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0, VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
  CLF: 4, UYW: 4,
};

/** Minor-unit exponent per ISO 4217 (2 for PKR, 3 for KWD, 0 for JPY). */
export function currencyExponent(currency: string): number {
  return EXPONENTS[currency] ?? 2;
}

export function money(amount: number, currency: string): Money {
  if (!Number.isSafeInteger(amount)) throw new RangeError(`money amount must be an integer of minor units, got ${amount}`);
  return { amount, currency };
}

/** Formats for display in a locale (`ar`, `ur`, `bn`, `en`), with the locale's own digits. */
export function formatMoney(m: Money, locale: string): string {
  const exp = currencyExponent(m.currency);
  return moneyFormat(locale, m.currency, exp).format(m.amount / 10 ** exp);
}

// Building an Intl formatter costs far more than formatting with it (an email or a PDF formats
// dozens of amounts), so each locale × currency is built once.
const moneyFormats = new Map<string, Intl.NumberFormat>();
function moneyFormat(locale: string, currency: string, exp: number): Intl.NumberFormat {
  const key = `${locale}|${currency}`;
  let f = moneyFormats.get(key);
  if (!f) {
    if (moneyFormats.size > 500) moneyFormats.clear();
    f = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: exp, maximumFractionDigits: exp });
    moneyFormats.set(key, f);
  }
  return f;
}

/** Half-even rounding of a rational number of minor units (banker's rounding, one place only). */
export function roundHalfEven(value: number): number {
  const floor = Math.floor(value);
  const diff = value - floor;
  if (diff > 0.5 + 1e-9) return floor + 1;
  if (diff < 0.5 - 1e-9) return floor;
  return floor % 2 === 0 ? floor : floor + 1;
}
