/**
 * The CSV format of price-list entries, as pure functions.
 *
 * Columns: `sku,unit_price,tiers,qty_min,qty_max,qty_increment` (`product_name` may be present, as
 * the export writes it, and is ignored). Prices are written in MAJOR units of the list's currency
 * with at most its ISO 4217 decimals — `1250.50` in PKR is 125050 paisa, `1250` in JPY is ¥1250,
 * `1.250` in KWD is 1250 fils. No signs, thousands separators, symbols or exponents: a cell either
 * means exactly one amount or the row is refused. Tiers are `minQty:price` pairs joined by `|`,
 * e.g. `10:9.50|100:9.00`; an empty cell means no tiers. Empty quantity cells mean no rule.
 */
import { currencyExponent } from '../../../lib/money.ts';
import type { PriceTier, QuantityRules } from './types.ts';
import { validateQuantityRules } from './quantity-rules.ts';

export const ENTRY_COLUMNS = ['sku', 'unit_price', 'tiers', 'qty_min', 'qty_max', 'qty_increment'] as const;
/** Written by the export for people reading the file; ignored on import. */
export const INFO_COLUMNS = ['product_name'] as const;
export const REQUIRED_ENTRY_COLUMNS = ['sku', 'unit_price'] as const;
const MAX_TIERS = 50;
const MAX_QTY = 1_000_000_000;
const MAX_MONEY = 1e15;

export interface CellError {
  field: string;
  message: string;
}

/** An import row that passed every check: the entry for a SKU (the variant is looked up later). */
export interface EntryRow {
  row: number;
  sku: string;
  unitPrice: number;
  tiers: PriceTier[];
  qtyMin: number | null;
  qtyMax: number | null;
  qtyIncrement: number | null;
}

/** `125050` minor units in PKR → `1250.50`; always with the currency's decimals. */
export function formatMajor(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  if (exp === 0) return String(minor);
  const digits = String(minor).padStart(exp + 1, '0');
  return `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}

/** Minor units of a major-unit cell, exactly (no float arithmetic), or why it is refused. */
export function parseMajor(cell: string, currency: string): number | string {
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(cell);
  const exp = currencyExponent(currency);
  if (!m) return `write the price in ${currency} as digits with an optional decimal point, like ${formatMajor(125050 * 10 ** Math.max(0, exp - 2), currency)}; got "${cell}"`;
  const frac = m[2] ?? '';
  if (frac.length > exp) return `${currency} has ${exp} decimal place${exp === 1 ? '' : 's'}; "${cell}" has ${frac.length}`;
  const amount = Number(`${m[1]}${frac.padEnd(exp, '0')}`);
  if (!Number.isSafeInteger(amount) || amount > MAX_MONEY) return `price "${cell}" is too large`;
  return amount;
}

/** `10:9.50|100:9.00` for tiers sorted by minimum quantity; `` for none. */
export function formatTiers(tiers: readonly PriceTier[], currency: string): string {
  return [...tiers].sort((a, b) => a.minQty - b.minQty).map((t) => `${t.minQty}:${formatMajor(t.unitPrice, currency)}`).join('|');
}

/** Tiers from their cell, or why they are refused. */
export function parseTiers(cell: string, currency: string): PriceTier[] | string {
  if (cell === '') return [];
  const parts = cell.split('|');
  if (parts.length > MAX_TIERS) return `at most ${MAX_TIERS} tiers`;
  const tiers: PriceTier[] = [];
  const seen = new Set<number>();
  for (const part of parts) {
    const m = /^\s*([0-9]+)\s*:\s*(\S+)\s*$/.exec(part);
    if (!m) return `write tiers as minQty:price joined by |, like 10:9.50|100:9.00; got "${part}"`;
    const minQty = Number(m[1]);
    if (!Number.isSafeInteger(minQty) || minQty < 1 || minQty > MAX_QTY) return `tier quantity ${m[1]} must be a whole number from 1 to ${MAX_QTY}`;
    if (seen.has(minQty)) return `two tiers start at ${minQty}`;
    seen.add(minQty);
    const price = parseMajor(m[2]!, currency);
    if (typeof price === 'string') return `tier ${minQty}: ${price}`;
    tiers.push({ minQty, unitPrice: price });
  }
  return tiers.sort((a, b) => a.minQty - b.minQty);
}

function parseQty(cell: string | undefined, field: string, errors: CellError[]): number | null {
  const v = (cell ?? '').trim();
  if (v === '') return null;
  if (!/^[0-9]+$/.test(v) || Number(v) < 1 || Number(v) > MAX_QTY) {
    errors.push({ field, message: `must be a whole number from 1 to ${MAX_QTY}, or empty; got "${v}"` });
    return null;
  }
  return Number(v);
}

/** Checks a header: known columns only, the required ones present, none twice. */
export function checkEntryHeader(header: readonly string[]): CellError | null {
  const known: readonly string[] = [...ENTRY_COLUMNS, ...INFO_COLUMNS];
  const unknown = header.find((h) => !known.includes(h));
  if (unknown !== undefined) return { field: unknown || '(blank)', message: `unknown column "${unknown}"; expected ${ENTRY_COLUMNS.join(',')}` };
  const missing = REQUIRED_ENTRY_COLUMNS.find((r) => !header.includes(r));
  if (missing) return { field: missing, message: `missing column ${missing}` };
  const dup = header.find((h, i) => header.indexOf(h) !== i);
  if (dup) return { field: dup, message: `column ${dup} appears twice` };
  return null;
}

/**
 * Validates one record completely (every cell, then the quantity rules together) before anything
 * is written, so that a row is either written whole or reported — never half.
 */
export function validateEntryRow(rec: Readonly<Record<string, string | undefined>>, row: number, currency: string): { value: EntryRow } | { errors: CellError[] } {
  const errors: CellError[] = [];
  const sku = (rec.sku ?? '').trim();
  if (sku === '') errors.push({ field: 'sku', message: 'is required' });
  else if (sku.length > 64) errors.push({ field: 'sku', message: 'is longer than 64 characters' });
  const priceCell = (rec.unit_price ?? '').trim();
  let unitPrice = 0;
  if (priceCell === '') errors.push({ field: 'unit_price', message: 'is required' });
  else {
    const p = parseMajor(priceCell, currency);
    if (typeof p === 'string') errors.push({ field: 'unit_price', message: p });
    else unitPrice = p;
  }
  let tiers: PriceTier[] = [];
  const t = parseTiers((rec.tiers ?? '').trim(), currency);
  if (typeof t === 'string') errors.push({ field: 'tiers', message: t });
  else tiers = t;
  const qtyMin = parseQty(rec.qty_min, 'qty_min', errors);
  const qtyMax = parseQty(rec.qty_max, 'qty_max', errors);
  const qtyIncrement = parseQty(rec.qty_increment, 'qty_increment', errors);
  if (errors.length === 0) {
    const rules: QuantityRules = { ...(qtyMin !== null ? { min: qtyMin } : {}), ...(qtyMax !== null ? { max: qtyMax } : {}), ...(qtyIncrement !== null ? { increment: qtyIncrement } : {}) };
    for (const p of validateQuantityRules(rules, 'qty')) errors.push({ field: p.field.replace('qty.', 'qty_'), message: p.message });
  }
  if (errors.length > 0) return { errors };
  return { value: { row, sku, unitPrice, tiers, qtyMin, qtyMax, qtyIncrement } };
}

/** The export's cells for one entry (the import reads them back to the same entry). */
export function entryCells(e: { sku: string; productName: string; unitPrice: number; tiers: readonly PriceTier[]; qtyMin: number | null; qtyMax: number | null; qtyIncrement: number | null }, currency: string): Record<string, string> {
  return {
    sku: e.sku,
    unit_price: formatMajor(e.unitPrice, currency),
    tiers: formatTiers(e.tiers, currency),
    qty_min: e.qtyMin === null ? '' : String(e.qtyMin),
    qty_max: e.qtyMax === null ? '' : String(e.qtyMax),
    qty_increment: e.qtyIncrement === null ? '' : String(e.qtyIncrement),
    product_name: e.productName,
  };
}
