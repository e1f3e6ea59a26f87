import { currencyDigits } from '../ui/format.ts';

/**
 * Money typed by staff in MAJOR units of the list's currency (`1250.50` PKR → 125050 paisa), read
 * exactly (digits concatenated, no float maths), and tiers in the CSV's notation `10:9.50|100:9.00`.
 * The server's CSV reader (src/modules/pricing/domain/entries-csv.ts) accepts the same forms.
 */

export interface Tier {
  minQty: number;
  unitPrice: number;
}

/** `125050` in PKR → `1250.50`; always with the currency's decimals. */
export function formatMajor(minor: number, currency: string): string {
  const exp = currencyDigits(currency);
  if (exp === 0) return String(minor);
  const digits = String(minor).padStart(exp + 1, '0');
  return `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/** Minor units of a typed amount, or why it is refused. */
export function parseMajor(text: string, currency: string): number | string {
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text);
  const exp = currencyDigits(currency);
  if (!m) return `write the price as digits with an optional decimal point, like ${formatMajor(125_050 * 10 ** Math.max(0, exp - 2), currency)}`;
  const frac = m[2] ?? '';
  if (frac.length > exp) return `${currency} has ${exp} decimal place${exp === 1 ? '' : 's'}`;
  const amount = Number(`${m[1]}${frac.padEnd(exp, '0')}`);
  if (!Number.isSafeInteger(amount) || amount > 1e15) return 'the price is too large';
  return amount;
}

/** `10:9.50|100:9.00`, sorted by quantity; `` for none. */
export function formatTiers(tiers: readonly Tier[], currency: string): string {
  return [...tiers].sort((a, b) => a.minQty - b.minQty).map((t) => `${t.minQty}:${formatMajor(t.unitPrice, currency)}`).join('|');
}

/** Tiers from their notation, or why they are refused. */
export function parseTiers(text: string, currency: string): Tier[] | string {
  if (text === '') return [];
  const tiers: Tier[] = [];
  for (const part of text.split('|')) {
    const m = /^\s*([0-9]+)\s*:\s*(\S+)\s*$/.exec(part);
    if (!m) return `write tiers as quantity:price joined by |, like 10:9.50|100:9.00`;
    const minQty = Number(m[1]);
    if (minQty < 1 || minQty > 1_000_000_000) return `tier quantity ${m[1]} must be from 1`;
    if (tiers.some((t) => t.minQty === minQty)) return `two tiers start at ${minQty}`;
    const price = parseMajor(m[2]!, currency);
    if (typeof price === 'string') return `tier ${minQty}: ${price}`;
    tiers.push({ minQty, unitPrice: price });
  }
  return tiers.sort((a, b) => a.minQty - b.minQty);
}
