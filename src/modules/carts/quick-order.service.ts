import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import * as repo from './carts.repo.ts';
import { cartStrategy, type CartView } from './cart-view.ts';
import { buyableItems, buyerOf, changeLines, ensureCurrentCart, upsertIn, type LineToAdd } from './carts.service.ts';
import { QUICK_ORDER_MAX_LINES, mergeEntries, parseCsv, parsePasted, type ParsedQuickOrder } from './domain/quick-order.ts';
import type { LineProblem } from './domain/problems.ts';
import { checkLines, type Money } from './line-check.ts';

export type QuickProblem = Omit<LineProblem, 'code'> & { code: LineProblem['code'] | 'SKU_UNKNOWN' | 'QUANTITY_INVALID' | 'SKU_MISSING' };

export interface QuickLine {
  /** The source lines (1-based) this line came from: several when the same SKU was given more than once. */
  lineNos: number[];
  sku: string;
  /** Null when the line's quantity could not be read. */
  quantity: number | null;
  variantId: string | null;
  productName: string | null;
  unitPrice: Money | null;
  lineTotal: Money | null;
  available: number | null;
  problems: QuickProblem[];
}

export interface QuickPreview {
  currency: string;
  lines: QuickLine[];
  /** Sum of the priced lines, exact. */
  subtotal: Money;
  /** Lines without any problem: what "add valid lines" adds. */
  validLines: number;
  problemLines: number;
}

function parsed(input: { text?: string | undefined; csv?: string | undefined }): ParsedQuickOrder {
  if ((input.text === undefined) === (input.csv === undefined)) throw new AppError('VALIDATION_FAILED', 'Give either text (pasted lines) or csv (a file)', 'text');
  let p: ParsedQuickOrder;
  if (input.csv !== undefined) {
    const r = parseCsv(input.csv);
    if ('error' in r) throw new AppError('CSV_INVALID', r.error, 'csv');
    p = r;
  } else {
    p = parsePasted(input.text!);
  }
  if (p.lineCount > QUICK_ORDER_MAX_LINES) {
    throw new AppError('QUICK_ORDER_TOO_LARGE', `A quick order takes at most ${QUICK_ORDER_MAX_LINES} lines; this one has ${p.lineCount}`, input.csv !== undefined ? 'csv' : 'text');
  }
  return p;
}

/**
 * Reads pasted "SKU quantity" lines or a CSV file and prices them for the buyer's company as the
 * cart would: the same SKU twice is merged (quantities added); unknown SKUs and SKUs the company's
 * catalogs hide read alike ("No item has SKU …"); quantity rules, stock and price are checked per
 * line. Nothing is written.
 */
export async function previewQuickOrder(ctx: Ctx, input: { text?: string | undefined; csv?: string | undefined }): Promise<QuickPreview> {
  const a = buyerOf(ctx);
  const p = parsed(input);
  const merged = mergeEntries(p.entries);
  const items = await repo.itemsBy(ctx.db, { skus: [...new Set(merged.map((m) => m.sku))] });
  const bySku = new Map(items.map((i) => [i.sku.toLowerCase(), i]));
  const known = merged.flatMap((m, i) => {
    const item = bySku.get(m.sku.toLowerCase());
    return item ? [{ key: i, variantId: item.variantId, quantity: m.quantity }] : [];
  });
  const checked = await checkLines(ctx, a.companyId, known, new Map(items.map((i) => [i.variantId, i])), cartStrategy());
  const byKey = new Map(checked.lines.map((c) => [c.key, c]));
  const lines: QuickLine[] = merged.map((m, i) => {
    const c = byKey.get(i);
    if (c === undefined || c.item === undefined) {
      // Unknown and hidden read the same: nothing about a hidden item leaks.
      return { lineNos: m.lineNos, sku: m.sku, quantity: m.quantity, variantId: null, productName: null, unitPrice: null, lineTotal: null, available: null, problems: [{ code: 'SKU_UNKNOWN', message: `No item has SKU ${m.sku}`, limit: null }] };
    }
    return {
      lineNos: m.lineNos, sku: c.item.sku, quantity: m.quantity, variantId: c.variantId, productName: c.item.productName,
      unitPrice: c.price?.unitPrice ?? null, lineTotal: c.price?.lineTotal ?? null, available: c.item.available, problems: c.problems,
    };
  });
  for (const e of p.errors) {
    lines.push({ lineNos: [e.lineNo], sku: e.sku, quantity: null, variantId: null, productName: null, unitPrice: null, lineTotal: null, available: null, problems: [{ code: e.code, message: e.message, limit: null }] });
  }
  lines.sort((x, y) => x.lineNos[0]! - y.lineNos[0]!);
  const problemLines = lines.filter((l) => l.problems.length > 0).length;
  return { currency: checked.currency, lines, subtotal: { amount: checked.subtotal, currency: checked.currency }, validLines: lines.length - problemLines, problemLines };
}

export interface QuickAddResult {
  cart: CartView;
  /** Lines added (or added to an existing line of the same item). */
  added: number;
  /** Lines not added: unknown or hidden SKUs. */
  skipped: { sku: string; code: 'SKU_UNKNOWN'; message: string }[];
}

/**
 * Adds quick-order lines to a cart (`current` or an id): known, visible items are added in one
 * upsert — the same SKU twice adds up — and the cart answers with every line re-validated;
 * unknown and hidden SKUs are reported as skipped.
 */
export async function addQuickOrder(ctx: Ctx, cartId: string | undefined, input: readonly { sku: string; quantity: number }[]): Promise<QuickAddResult> {
  const a = buyerOf(ctx);
  const merged = mergeEntries(input.map((l, i) => ({ lineNo: i + 1, sku: l.sku.trim(), quantity: l.quantity })));
  const { bySku } = await buyableItems(ctx, a.companyId, { skus: merged.map((m) => m.sku) });
  const toAdd: LineToAdd[] = [];
  const skipped: QuickAddResult['skipped'] = [];
  for (const m of merged) {
    const item = bySku.get(m.sku.toLowerCase());
    if (item === undefined) skipped.push({ sku: m.sku, code: 'SKU_UNKNOWN', message: `No item has SKU ${m.sku}` });
    else toAdd.push({ variantId: item.variantId, quantity: m.quantity, note: '' });
  }
  const id = cartId === undefined || cartId === 'current' ? await ensureCurrentCart(ctx) : cartId;
  const cart = await changeLines(ctx, id, (tx, c) => (toAdd.length === 0 ? Promise.resolve([]) : upsertIn(tx, c, toAdd, 'quick_order')));
  return { cart, added: toAdd.length, skipped };
}
