import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, encodeCursor, type PageResult } from '../../http/pagination.ts';
import { AppError } from '../../lib/errors.ts';
import * as repo from './inventory.repo.ts';
import { afterWrite } from './search-cache.ts';

/** A stock level as the API shows it: the repo row with its time as ISO 8601. */
export type InventoryLevel = Omit<repo.InventoryRow, 'updatedAt'> & { updatedAt: string };

/** Stock levels per variant × warehouse, filtered by SKU prefix, product or warehouse. */
export async function listInventory(
  ctx: Ctx,
  q: { sku?: string | undefined; productId?: string | undefined; warehouseId?: string | undefined; limit?: number | undefined; cursor?: string | undefined },
): Promise<PageResult<InventoryLevel>> {
  const limit = q.limit ?? 50;
  const key = decodeCursor(q.cursor);
  if (key && (key.length !== 2 || key.some((k) => typeof k !== 'string'))) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const found = await repo.listInventory(ctx.db, { sku: q.sku, productId: q.productId, warehouseId: q.warehouseId, after: key as [string, string] | undefined, limit });
  const items = found.slice(0, limit).map((r) => ({ ...r, updatedAt: new Date(r.updatedAt).toISOString() }));
  const last = items[items.length - 1];
  return { items, nextCursor: found.length > limit && last ? encodeCursor([last.variantId, last.warehouseId]) : null };
}

export interface LevelInput {
  sku: string;
  warehouseCode: string;
  onHand: number;
  backorder?: boolean | undefined;
}

export interface ItemError {
  /** Index in the request's list (or CSV row number, for imports). */
  index: number;
  field: string;
  message: string;
}

export interface LevelsResult {
  /** Levels that did not exist before. */
  created: number;
  updated: number;
  failed: number;
  errors: ItemError[];
}

/**
 * Sets on-hand stock by SKU and warehouse code, in bulk. Unknown SKUs or warehouses and levels
 * that would drop below reserved stock are reported per item; the rest are written. A later
 * entry for the same SKU and warehouse wins.
 */
export async function setInventoryLevels(ctx: Ctx, items: readonly LevelInput[], indexOf: (i: number) => number = (i) => i): Promise<LevelsResult> {
  // Cards show an in-stock flag, so stock writes drop cached listings too.
  return afterWrite(ctx, inTx(ctx, async (tx) => {
    const [variants, warehouses] = await Promise.all([
      repo.variantIdsBySku(tx.db, [...new Set(items.map((i) => i.sku))]),
      repo.warehouseIdsByCode(tx.db, [...new Set(items.map((i) => i.warehouseCode))]),
    ]);
    const errors: ItemError[] = [];
    const latest = new Map<string, { write: repo.LevelWrite; index: number }>();
    items.forEach((item, i) => {
      const variantId = variants.get(item.sku.toLowerCase());
      const warehouseId = warehouses.get(item.warehouseCode.toLowerCase());
      if (!variantId) errors.push({ index: indexOf(i), field: 'sku', message: `No variant has SKU ${item.sku}` });
      else if (!warehouseId) errors.push({ index: indexOf(i), field: 'warehouseCode', message: `No warehouse has code ${item.warehouseCode}` });
      else latest.set(`${variantId}|${warehouseId}`, { write: { variantId, warehouseId, onHand: item.onHand, backorder: item.backorder ?? null }, index: indexOf(i) });
    });
    const written = await repo.writeLevels(tx.db, [...latest.values()].map((l) => l.write));
    for (const [key, l] of latest) {
      if (!written.updated.has(key) && !written.inserted.has(key)) errors.push({ index: l.index, field: 'onHand', message: 'On hand cannot fall below the quantity already reserved' });
    }
    errors.sort((a, b) => a.index - b.index);
    return { created: written.inserted.size, updated: written.updated.size, failed: errors.length, errors };
  }));
}
