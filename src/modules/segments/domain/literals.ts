/** Writing and reading literal values: strings, money, dates. Shared by the parser, printer and explain. */
import { currencyExponent } from '../../../lib/money.ts';

/** A string as the rule language writes it: double quotes, backslash escapes for quotes and control characters. */
export function quoteString(value: string): string {
  let out = '"';
  for (const ch of value) {
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch.charCodeAt(0) < 0x20 || ch === '\u007f') out += `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Minor units as a decimal with the currency's exponent and no grouping: 5000000 PKR → "50000.00". */
export function decimalAmount(minor: number, currency: string, group = false): string {
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const digits = Math.abs(minor).toString().padStart(exp + 1, '0');
  let whole = digits.slice(0, digits.length - exp);
  const frac = digits.slice(digits.length - exp);
  if (group) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}${exp > 0 ? `.${frac}` : ''}`;
}

/** `50000.00 PKR` — the literal form, which the parser reads back to the same minor units. */
export function moneyLiteral(minor: number, currency: string): string {
  return `${decimalAmount(minor, currency)} ${currency}`;
}

/** `61,200.00 PKR` — grouped, for explanations. */
export function displayMoney(minor: number, currency: string): string {
  return `${decimalAmount(minor, currency, true)} ${currency}`;
}

/** ISO 4217 fund and unit codes that Intl's list leaves out but money.ts knows (e.g. CLF has 4 decimals). */
const FUND_CODES = ['BOV', 'CHE', 'CHW', 'CLF', 'COU', 'MXV', 'USN', 'UYI', 'UYW', 'XUA'];

let currencies: ReadonlySet<string> | undefined;
/** True for an ISO 4217 code: Intl's list plus the fund codes. */
export function isCurrency(code: string): boolean {
  currencies ??= new Set([...Intl.supportedValuesOf('currency'), ...FUND_CODES]);
  return currencies.has(code);
}

/**
 * Minor units of a decimal amount written in the rule (`50000.00`), exactly (no float arithmetic).
 * Returns an error text when the amount has more decimals than the currency or is out of range.
 */
export function toMinorUnits(decimal: string, currency: string): { amount: number } | { error: string } {
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(decimal);
  if (!m) return { error: `write money amounts as digits with an optional decimal point, like 50000.00 ${currency}` };
  const exp = currencyExponent(currency);
  const frac = m[2] ?? '';
  if (frac.length > exp) {
    return { error: `${currency} has ${exp} decimal place${exp === 1 ? '' : 's'}, ${decimal} has ${frac.length}` };
  }
  const amount = Number(`${m[1]}${frac.padEnd(exp, '0')}`);
  if (!Number.isSafeInteger(amount)) return { error: `amount ${decimal} ${currency} is too large` };
  return { amount };
}

/** True for a real calendar date written `YYYY-MM-DD`. */
export function isCalendarDate(value: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

/** Snake_case identifier: attribute and custom field names. */
export const SNAKE_CASE = /^[a-z][a-z0-9_]*$/;
