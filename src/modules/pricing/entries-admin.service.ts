import type { Static } from 'typebox';
import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, toPage, type PageResult } from '../../http/pagination.ts';
import { AppError, invalid } from '../../lib/errors.ts';
import { variantFacts } from '../catalog/index.ts';
import { percentProblem, scalePrices } from './domain/bulk-adjust.ts';
import type { PriceRounding, PriceTier } from './domain/types.ts';
import * as repo from './entries-admin.repo.ts';
import { loadList } from './pricing.service.ts';
import type * as s from './entries-admin.schemas.ts';
import type * as ps from './pricing.schemas.ts';

export type EntryView = Static<typeof ps.Entry>;
type Filter = repo.EntryFilter;

const MAX_MONEY = 1e15;
const PAGE = 2000;

function cursorKey(cursor: string | undefined): string | undefined {
  const key = decodeCursor(cursor);
  if (key && (key.length !== 1 || typeof key[0] !== 'string')) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  return key?.[0] as string | undefined;
}

/** A list's entries with SKU and product name, filtered by SKU prefix / name words, category, brand. */
export async function listEntries(ctx: Ctx, id: string, q: Static<typeof s.EntriesQuery>): Promise<PageResult<EntryView>> {
  await loadList(ctx, id);
  const limit = q.limit ?? 50;
  const found = await repo.filteredPage(ctx.db, id, q, cursorKey(q.cursor), limit + 1);
  const page = toPage(found, limit, (e) => [e.variantId]);
  return { items: page.items.map((e) => ({ ...e, unitPrice: Number(e.unitPrice) })), nextCursor: page.nextCursor };
}

type DeleteItem = Static<typeof s.EntriesDelete>['items'][number];

/**
 * Removes entries by SKU or variant id. Items naming no variant, or a variant the list does not
 * price, are reported by index; the rest are deleted together.
 */
export async function deleteEntries(ctx: Ctx, id: string, items: readonly DeleteItem[]): Promise<Static<typeof s.EntriesDeleteResult>> {
  return inTx(ctx, async (tx) => {
    await loadList(tx, id);
    const facts = await variantFacts(tx, {
      ids: items.flatMap((i) => (i.variantId ? [i.variantId] : [])),
      skus: items.flatMap((i) => (i.sku && !i.variantId ? [i.sku] : [])),
    });
    const byId = new Set(facts.map((f) => f.variantId));
    const bySku = new Map(facts.map((f) => [f.sku.toLowerCase(), f.variantId]));
    const errors: { index: number; field: string; message: string }[] = [];
    const wanted = new Map<number, string>();
    items.forEach((item, index) => {
      if (!item.variantId && !item.sku) return void errors.push({ index, field: 'sku', message: 'Give a sku or a variantId' });
      const v = item.variantId ? (byId.has(item.variantId) ? item.variantId : undefined) : bySku.get(item.sku!.toLowerCase());
      if (!v) return void errors.push({ index, field: item.variantId ? 'variantId' : 'sku', message: `No variant has ${item.variantId ? `id ${item.variantId}` : `SKU ${item.sku}`}` });
      wanted.set(index, v);
    });
    const gone = await repo.deleteEntries(tx.db, id, [...new Set(wanted.values())]);
    const counted = new Set<string>();
    for (const [index, v] of wanted) {
      const label = items[index]!.sku ?? items[index]!.variantId;
      if (!gone.has(v)) errors.push({ index, field: items[index]!.variantId ? 'variantId' : 'sku', message: `This list has no entry for ${label}` });
      else if (counted.has(v)) errors.push({ index, field: items[index]!.variantId ? 'variantId' : 'sku', message: `${label} is named twice` });
      else counted.add(v);
    }
    errors.sort((a, b) => a.index - b.index);
    return { deleted: gone.size, failed: errors.length, errors };
  });
}

const samePrices = (a: { unitPrice: number; tiers: readonly PriceTier[] }, b: { unitPrice: number; tiers: readonly PriceTier[] }) =>
  a.unitPrice === b.unitPrice && a.tiers.every((t, i) => t.unitPrice === b.tiers[i]!.unitPrice);

/**
 * Changes the unit and tier prices of every entry the filter selects by `percent`, rounded once,
 * half-even, onto the rounding grid — in one transaction, a page of entries at a time. With
 * `dryRun`, only counts and shows a few before/after samples; nothing is written.
 */
export async function adjustEntries(ctx: Ctx, id: string, body: Static<typeof s.AdjustBody>): Promise<Static<typeof s.AdjustResult>> {
  const problem = percentProblem(body.percent);
  if (problem) throw invalid('percent', problem);
  const rounding: PriceRounding = body.rounding ?? { type: 'none' };
  const filter: Filter = body.filter ?? {};
  const dryRun = body.dryRun === true;
  const run = async (tx: Ctx) => {
    await loadList(tx, id);
    let after: string | undefined;
    let matched = 0;
    let changed = 0;
    const samples: Static<typeof s.AdjustResult>['samples'] = [];
    for (;;) {
      const page = await repo.filteredPage(tx.db, id, filter, after, PAGE);
      const updates: repo.EntryWrite[] = [];
      for (const e of page) {
        matched += 1;
        const before = { unitPrice: Number(e.unitPrice), tiers: e.tiers };
        let next: { unitPrice: number; tiers: PriceTier[] };
        try {
          next = scalePrices(before, body.percent, rounding);
        } catch {
          next = { unitPrice: Infinity, tiers: [] };
        }
        if (!(next.unitPrice <= MAX_MONEY) || next.tiers.some((t) => !(t.unitPrice <= MAX_MONEY))) {
          throw invalid('percent', `The change would put the price of ${e.sku} beyond ${MAX_MONEY} minor units`);
        }
        if (samePrices(before, next)) continue;
        changed += 1;
        if (samples.length < 5) samples.push({ sku: e.sku, productName: e.productName, before, after: next });
        updates.push({ ...e, unitPrice: next.unitPrice, tiers: next.tiers });
      }
      if (!dryRun) await repo.setPrices(tx.db, id, updates);
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.variantId;
    }
    return { dryRun, changed, matched, samples };
  };
  // Writes notify price caches through the table's statement trigger (0010_pricing_notify.sql).
  return dryRun ? run(ctx) : inTx(ctx, run);
}

