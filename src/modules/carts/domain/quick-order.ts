/**
 * Quick-order input: pasted "SKU quantity" lines or a CSV file with a `sku,quantity` header, turned
 * into entries with their source line numbers. Pure; the service looks the SKUs up.
 */
import { parse } from 'csv-parse/sync';

export const QUICK_ORDER_MAX_LINES = 1000;
export const MAX_QUANTITY = 1_000_000;

export interface QuickEntry {
  /** 1-based line of the pasted text or CSV file (the header is line 1). */
  readonly lineNo: number;
  readonly sku: string;
  readonly quantity: number;
}

export interface QuickError {
  readonly lineNo: number;
  readonly sku: string;
  readonly code: 'QUANTITY_INVALID' | 'SKU_MISSING';
  readonly message: string;
}

export interface ParsedQuickOrder {
  readonly entries: QuickEntry[];
  readonly errors: QuickError[];
  /** Non-empty lines read (entries + errors), to bound the input. */
  readonly lineCount: number;
}

/** A quantity as typed: a whole number from 1 to 1,000,000 ("1,000" with a thousands comma is not accepted: it reads as two columns). */
function quantityOf(raw: string | undefined): number | null {
  if (raw === undefined || raw.trim() === '') return 1;
  const t = raw.trim();
  if (!/^\d{1,7}$/.test(t)) return null;
  const n = Number(t);
  return n >= 1 && n <= MAX_QUANTITY ? n : null;
}

function entryOf(lineNo: number, sku: string, rawQty: string | undefined, out: { entries: QuickEntry[]; errors: QuickError[] }): void {
  if (sku === '') {
    out.errors.push({ lineNo, sku: '', code: 'SKU_MISSING', message: 'No SKU on this line' });
    return;
  }
  const quantity = quantityOf(rawQty);
  if (quantity === null) {
    out.errors.push({ lineNo, sku, code: 'QUANTITY_INVALID', message: `"${(rawQty ?? '').trim()}" is not a quantity (a whole number from 1 to ${MAX_QUANTITY.toLocaleString('en')})` });
    return;
  }
  out.entries.push({ lineNo, sku, quantity });
}

const HEADER = /^\s*sku\s*[\t,; ]\s*(qty|quantity)\s*$/i;

/**
 * Pasted text: one item per line, the SKU then the quantity separated by tabs, commas, semicolons
 * or spaces (a spreadsheet paste gives tabs). A missing quantity means 1. Blank lines and a
 * `sku quantity` header are skipped. Extra columns after the quantity are ignored.
 */
export function parsePasted(text: string): ParsedQuickOrder {
  const out = { entries: [] as QuickEntry[], errors: [] as QuickError[] };
  let lineCount = 0;
  text.split(/\r\n|\n|\r/).forEach((line, i) => {
    if (line.trim() === '' || (lineCount === 0 && HEADER.test(line))) return;
    lineCount++;
    const [sku = '', qty] = line.trim().split(/\s*[\t,;]\s*|\s+/);
    entryOf(i + 1, sku.trim(), qty, out);
  });
  return { ...out, lineCount };
}

/**
 * A CSV file with a header naming `sku` and `quantity` (or `qty`) columns, in any order and case.
 * Returns null when the file cannot be read or lacks the columns (the caller answers CSV_INVALID).
 */
export function parseCsv(csv: string): ParsedQuickOrder | { error: string } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // `info` gives each record's line in the file, so errors name the line the buyer sees.
    records = parse(csv, { bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, info: true }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (err) {
    return { error: err instanceof Error ? err.message : 'The CSV file cannot be read' };
  }
  const header = (records[0]?.record ?? []).map((h) => h.toLowerCase());
  const skuCol = header.indexOf('sku');
  const qtyCol = header.findIndex((h) => h === 'quantity' || h === 'qty');
  if (skuCol < 0 || qtyCol < 0) return { error: 'The first row must name the columns sku and quantity' };
  const out = { entries: [] as QuickEntry[], errors: [] as QuickError[] };
  let lineCount = 0;
  for (const { record: r, info } of records.slice(1)) {
    if (r.every((c) => c === '')) continue;
    lineCount++;
    entryOf(info.lines, (r[skuCol] ?? '').trim(), r[qtyCol], out);
  }
  return { ...out, lineCount };
}

export interface MergedEntry {
  readonly sku: string;
  readonly quantity: number;
  /** Every source line merged into this entry, first first. */
  readonly lineNos: number[];
}

/**
 * Entries of the same SKU (case-insensitive) merged into one, quantities added (capped at the
 * maximum quantity), in order of first appearance.
 */
export function mergeEntries(entries: readonly QuickEntry[]): MergedEntry[] {
  const by = new Map<string, { sku: string; quantity: number; lineNos: number[] }>();
  for (const e of entries) {
    const key = e.sku.toLowerCase();
    const hit = by.get(key);
    if (hit) {
      hit.quantity = Math.min(MAX_QUANTITY, hit.quantity + e.quantity);
      hit.lineNos.push(e.lineNo);
    } else {
      by.set(key, { sku: e.sku, quantity: e.quantity, lineNos: [e.lineNo] });
    }
  }
  return [...by.values()];
}
