/**
 * Numbers, money and dates in the reader's locale, always through Intl so digits, separators,
 * currency placement and calendars follow the active language (Bengali digits in Bengali, the
 * rupee sign placed as Urdu places it).
 */

import { currencyExponent } from '../../src/lib/money.ts';

const numberFormats = new Map<string, Intl.NumberFormat>();

function cached(key: string, make: () => Intl.NumberFormat): Intl.NumberFormat {
  let f = numberFormats.get(key);
  if (!f) {
    f = make();
    numberFormats.set(key, f);
  }
  return f;
}

export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return cached(`${locale}|n|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(value);
}

/**
 * How many minor units a currency has (JPY 0, USD 2, KWD 3). ISO 4217, shared with the server:
 * ICU's display digits differ for some (PKR shows 0 decimals but is stored in paisa).
 */
export function currencyDigits(currency: string): number {
  return currencyExponent(currency);
}

export interface Money {
  amount: number;
  currency: string;
}

/** Money arrives in minor units (cents); shown as the locale writes that currency. */
export function formatMoney(money: Money, locale: string): string {
  const digits = currencyDigits(money.currency);
  const f = cached(`${locale}|m|${money.currency}`, () => new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency, minimumFractionDigits: digits, maximumFractionDigits: digits }));
  return f.format(money.amount / 10 ** digits);
}

export function formatDate(value: string | number | Date, locale: string, options: Intl.DateTimeFormatOptions = { dateStyle: 'medium' }): string {
  const d = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale, options).format(d);
}

export function formatDateTime(value: string | number | Date, locale: string): string {
  return formatDate(value, locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** "Germany" for DE, "ألمانيا" in Arabic; falls back to the code. */
export function formatCountry(code: string | null | undefined, locale: string): string {
  if (!code) return '';
  try {
    return new Intl.DisplayNames([locale], { type: 'region' }).of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}
