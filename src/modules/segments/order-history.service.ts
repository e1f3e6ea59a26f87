import type { Ctx } from '../../http/context.ts';
import { inTx } from '../../http/context.ts';
import { newId } from '../../lib/ids.ts';
import type { OrderStatus } from './domain/purchase-metrics.ts';
import { DEFAULT_SOURCE } from './domain/order-history-rows.ts';
import { refreshCompanies } from './metrics.service.ts';
import { existingCompanies, orderKey, saveOrderRows, skuFacts, variantFactsById, type LineRow, type OrderRow, type SkuFacts } from './order-history.repo.ts';

export interface OrderDraftLine {
  readonly sku: string;
  /** Known for orders placed in Precis; imports give only the SKU. */
  readonly variantId?: string | undefined;
  readonly quantity: number;
  /** Net line amount in minor units. */
  readonly amount: number;
}

/** An order to record in the purchase history, from an import or an order event. */
export interface OrderDraft {
  readonly source: string;
  readonly externalRef: string;
  readonly companyId: string;
  readonly orderedAt: Date;
  readonly currency: string;
  readonly status: OrderStatus;
  readonly lines: readonly OrderDraftLine[];
}

/** Why a draft was not recorded: `line` is the index of the offending line, null for the order itself. */
export interface DraftProblem {
  readonly order: number;
  readonly line: number | null;
  readonly field: 'companyId' | 'sku';
  readonly message: string;
}

export interface RecordResult {
  created: number;
  updated: number;
  problems: DraftProblem[];
  /** Companies whose history changed (both companies when a re-import moves an order). */
  touched: string[];
  /** Orders already recorded under another company, which this call moved: reference and former company. */
  moved: { externalRef: string; from: string }[];
}

/**
 * Records orders in the purchase history, inserting new ones and replacing those already recorded
 * under the same source + external reference (header and lines). An unknown company refuses the
 * order; an unknown SKU refuses it too when `unknownSku` is 'reject' (imports), or is recorded
 * without category and brand when 'keep' (an order placed in Precis whose variant was deleted since).
 * Runs in the caller's transaction; metrics are not refreshed here. `existingCompanies`, if given,
 * must hold every draft's company that exists.
 */
export async function recordOrders(ctx: Ctx, drafts: readonly OrderDraft[], opts: { unknownSku: 'reject' | 'keep'; existingCompanies?: ReadonlySet<string> }): Promise<RecordResult> {
  const result: RecordResult = { created: 0, updated: 0, problems: [], touched: [], moved: [] };
  if (drafts.length === 0) return result;
  // The caller may know already which of the companies exist (the outbox consumer reads it once for all its events).
  const companies = opts.existingCompanies ?? (await existingCompanies(ctx.db, drafts.map((d) => d.companyId)));
  const byVariant = await variantFactsById(ctx.db, drafts.flatMap((d) => d.lines.flatMap((l) => (l.variantId ? [l.variantId] : []))));
  // Orders placed in Precis name their variants; only lines without a known variant look up the SKU.
  const bySku = await skuFacts(ctx.db, drafts.flatMap((d) => d.lines.filter((l) => !(l.variantId && byVariant.has(l.variantId))).map((l) => l.sku)));
  const facts = (l: OrderDraftLine): SkuFacts | undefined => (l.variantId ? byVariant.get(l.variantId) : undefined) ?? bySku.get(l.sku.toLowerCase());

  const ok: number[] = [];
  drafts.forEach((d, i) => {
    const before = result.problems.length;
    if (!companies.has(d.companyId)) result.problems.push({ order: i, line: null, field: 'companyId', message: `No company has id ${d.companyId}` });
    if (opts.unknownSku === 'reject') {
      d.lines.forEach((l, j) => {
        if (!facts(l)) result.problems.push({ order: i, line: j, field: 'sku', message: `No variant has SKU ${l.sku}` });
      });
    }
    if (result.problems.length === before) ok.push(i);
  });

  const touched = new Set<string>();
  const now = ctx.clock.now();
  const orders: OrderRow[] = [];
  const lines: LineRow[] = [];
  const ids = new Map<string, string>();
  for (const i of ok) {
    const d = drafts[i]!;
    const key = orderKey(d.source, d.externalRef);
    // The same reference twice in one call: both rows target one order, the later wins.
    const id = ids.get(key) ?? newId('purchaseOrder', d.orderedAt.getTime());
    ids.set(key, id);
    touched.add(d.companyId);
    const dupAt = orders.findIndex((o) => o.id === id);
    if (dupAt >= 0) {
      orders.splice(dupAt, 1);
      for (let k = lines.length - 1; k >= 0; k--) if (lines[k]!.orderId === id) lines.splice(k, 1);
    }
    orders.push({ id, companyId: d.companyId, source: d.source, externalRef: d.externalRef, orderedAt: d.orderedAt, currency: d.currency, total: d.lines.reduce((s, l) => s + l.amount, 0), status: d.status, createdAt: now, updatedAt: now });
    d.lines.forEach((l, j) => {
      const f = facts(l);
      lines.push({ orderId: id, lineNo: j + 1, variantId: f?.variantId ?? null, sku: f?.sku ?? l.sku, categoryId: f?.categoryId ?? null, categorySlug: f?.categorySlug ?? null, brandSlug: f?.brandSlug ?? null, quantity: l.quantity, amount: l.amount });
    });
  }
  if (orders.length) {
    // No read first: the insert tells which orders were recorded before, and under which company.
    const saved = await saveOrderRows(ctx.db, orders, lines);
    for (const o of orders) {
      const prior = saved.get(orderKey(o.source, o.externalRef))?.priorCompanyId ?? null;
      if (prior === null) {
        result.created += 1;
        continue;
      }
      result.updated += 1;
      touched.add(prior);
      if (prior !== o.companyId) result.moved.push({ externalRef: o.externalRef, from: prior });
    }
  }
  result.touched = [...touched];
  return result;
}

/** An order as the order-history API takes it (amounts in minor units). */
export interface OrderHistoryItem {
  externalRef: string;
  companyId: string;
  orderedAt: string;
  currency: string;
  status?: OrderStatus | undefined;
  lines: { sku: string; quantity: number; amount: number }[];
}

export interface OrderHistoryResult {
  created: number;
  updated: number;
  failed: number;
  errors: { index: number; field: string; message: string }[];
  /** Companies whose metrics were recomputed and membership re-evaluated. */
  companies: number;
  joined: number;
  left: number;
}

/**
 * Imports order history sent by an integration (ERP): each order is recorded or, under a reference
 * already recorded from the same source, replaced; bad orders are reported by index and skipped. The
 * touched companies' metrics and group membership are brought up to date in the same transaction.
 */
export async function importOrderHistory(ctx: Ctx, input: { source?: string | undefined; orders: OrderHistoryItem[] }): Promise<OrderHistoryResult> {
  const source = input.source ?? DEFAULT_SOURCE;
  const now = ctx.clock.now();
  const errors: OrderHistoryResult['errors'] = [];
  const drafts: OrderDraft[] = [];
  const indexOf: number[] = [];
  const lastIndex = new Map<string, number>();
  input.orders.forEach((o, i) => lastIndex.set(o.externalRef, i));
  input.orders.forEach((o, i) => {
    const at = new Date(o.orderedAt);
    if (lastIndex.get(o.externalRef) !== i) errors.push({ index: i, field: 'externalRef', message: `externalRef ${o.externalRef} is repeated at index ${lastIndex.get(o.externalRef)}, which wins` });
    else if (Number.isNaN(at.getTime())) errors.push({ index: i, field: 'orderedAt', message: `expected a date-time like 2026-01-31T10:15:00Z, got "${o.orderedAt}"` });
    else if (at.getTime() > now.getTime()) errors.push({ index: i, field: 'orderedAt', message: `${o.orderedAt} is in the future` });
    else {
      drafts.push({ source, externalRef: o.externalRef, companyId: o.companyId, orderedAt: at, currency: o.currency, status: o.status ?? 'placed', lines: o.lines });
      indexOf.push(i);
    }
  });
  return inTx(ctx, async (tx) => {
    const recorded = await recordOrders(tx, drafts, { unknownSku: 'reject' });
    const failedOrders = new Set<number>();
    for (const p of recorded.problems) {
      const index = indexOf[p.order]!;
      failedOrders.add(index);
      errors.push({ index, field: p.line === null ? p.field : `lines[${p.line}].${p.field}`, message: p.message });
    }
    const refreshed = await refreshCompanies(tx, recorded.touched);
    errors.sort((a, b) => a.index - b.index);
    const failed = new Set(errors.map((e) => e.index)).size;
    return { created: recorded.created, updated: recorded.updated, failed, errors, ...refreshed };
  });
}
