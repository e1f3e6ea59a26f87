import { currencyExponent } from '../../../lib/money.ts';

/** "2027-01-01" for a midnight-UTC instant, else "2027-01-01T09:30Z" — for trace reasons. */
export function formatInstant(d: Date): string {
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 16)}Z`;
}

/** Minor units as a plain grouped amount in the currency's exponent: 115000 PKR → "1,150.00". */
export function formatAmount(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const scale = 10 ** exp;
  const whole = Math.floor(abs / scale);
  const digits = String(whole);
  let grouped = digits.slice(0, ((digits.length - 1) % 3) + 1);
  for (let i = grouped.length; i < digits.length; i += 3) grouped += `,${digits.slice(i, i + 3)}`;
  if (exp === 0) return sign + grouped;
  return `${sign}${grouped}.${String(abs - whole * scale).padStart(exp, '0')}`;
}
