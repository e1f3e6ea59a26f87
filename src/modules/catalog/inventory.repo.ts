import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { anyText, sqlArray, textArray } from '../../db/sql-arrays.ts';
import { escapeLike } from './domain/search-query.ts';
import { rows } from './sql-rows.ts';

/** Stock per variant × warehouse. */

export interface InventoryRow {
  variantId: string;
  sku: string;
  productId: string;
  warehouseId: string;
  warehouseCode: string;
  onHand: number;
  reserved: number;
  available: number;
  backorder: boolean;
  updatedAt: Date;
}

export interface InventoryFilter {
  sku?: string | undefined;
  productId?: string | undefined;
  warehouseId?: string | undefined;
  after?: [string, string] | undefined;
  limit: number;
}

/** Levels in (variant, warehouse) order; `sku` matches as a case-insensitive prefix. */
export async function listInventory(db: Db, f: InventoryFilter): Promise<InventoryRow[]> {
  const where: SQL[] = [];
  if (f.sku) where.push(sql`lower(v.sku) like ${`${escapeLike(f.sku.toLowerCase())}%`}`);
  if (f.productId) where.push(sql`v.product_id = ${f.productId}`);
  if (f.warehouseId) where.push(sql`i.warehouse_id = ${f.warehouseId}`);
  if (f.after) where.push(sql`(i.variant_id, i.warehouse_id) > (${f.after[0]}::text, ${f.after[1]}::text)`);
  return rows(
    db,
    sql`select i.variant_id as "variantId", v.sku, v.product_id as "productId", i.warehouse_id as "warehouseId", w.code as "warehouseCode",
          i.on_hand as "onHand", i.reserved, i.on_hand - i.reserved as available, i.backorder, i.updated_at as "updatedAt"
        from inventory i join variants v on v.id = i.variant_id join warehouses w on w.id = i.warehouse_id
        where ${where.length ? sql.join(where, sql` and `) : sql`true`}
        order by i.variant_id, i.warehouse_id limit ${f.limit + 1}`,
  );
}

/** Variant ids by lower-cased SKU. */
export async function variantIdsBySku(db: Db, skus: readonly string[]): Promise<Map<string, string>> {
  if (!skus.length) return new Map();
  const found = await rows<{ id: string; k: string }>(db, sql`select id, lower(sku) as k from variants where ${anyText(sql`lower(sku)`, skus.map((s) => s.toLowerCase()))}`);
  return new Map(found.map((r) => [r.k, r.id]));
}

/** Warehouse ids by lower-cased code. */
export async function warehouseIdsByCode(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  if (!codes.length) return new Map();
  const found = await rows<{ id: string; k: string }>(db, sql`select id, lower(code) as k from warehouses where ${anyText(sql`lower(code)`, codes.map((s) => s.toLowerCase()))}`);
  return new Map(found.map((r) => [r.k, r.id]));
}

export interface LevelWrite {
  variantId: string;
  warehouseId: string;
  onHand: number;
  /** Null keeps the current setting (false for a new row). */
  backorder: boolean | null;
}

/**
 * Sets on-hand quantities in two set-based statements (update existing, insert missing). A level
 * whose new on-hand would fall below what is already reserved (without backorders) is left alone;
 * the returned `variantId|warehouseId` keys say which levels were updated and which created.
 */
export async function writeLevels(db: Db, levels: readonly LevelWrite[]): Promise<{ updated: Set<string>; inserted: Set<string> }> {
  if (!levels.length) return { updated: new Set(), inserted: new Set() };
  const input = sql`select * from unnest(
      ${textArray(levels.map((l) => l.variantId))},
      ${textArray(levels.map((l) => l.warehouseId))},
      ${sqlArray(levels.map((l) => l.onHand), 'int')},
      ${sqlArray(levels.map((l) => l.backorder), 'boolean')}) as t(variant_id, warehouse_id, on_hand, backorder)`;
  const updated = await rows<{ variant_id: string; warehouse_id: string }>(
    db,
    sql`update inventory i set on_hand = t.on_hand, backorder = coalesce(t.backorder, i.backorder), updated_at = now()
        from (${input}) t
        where i.variant_id = t.variant_id and i.warehouse_id = t.warehouse_id
          and (coalesce(t.backorder, i.backorder) or i.reserved <= t.on_hand)
        returning i.variant_id, i.warehouse_id`,
  );
  const inserted = await rows<{ variant_id: string; warehouse_id: string }>(
    db,
    sql`insert into inventory (variant_id, warehouse_id, on_hand, backorder)
        select t.variant_id, t.warehouse_id, t.on_hand, coalesce(t.backorder, false) from (${input}) t
        where not exists (select 1 from inventory i where i.variant_id = t.variant_id and i.warehouse_id = t.warehouse_id)
        on conflict do nothing
        returning variant_id, warehouse_id`,
  );
  const keys = (list: { variant_id: string; warehouse_id: string }[]) => new Set(list.map((r) => `${r.variant_id}|${r.warehouse_id}`));
  return { updated: keys(updated), inserted: keys(inserted) };
}

/** Every level with its SKU and warehouse code, for export, in a stable order. */
export async function allLevels(db: Db, afterKey: [string, string] | undefined, limit: number): Promise<{ sku: string; warehouseCode: string; onHand: number; k1: string; k2: string }[]> {
  return rows(
    db,
    sql`select v.sku, w.code as "warehouseCode", i.on_hand as "onHand", i.variant_id as k1, i.warehouse_id as k2
        from inventory i join variants v on v.id = i.variant_id join warehouses w on w.id = i.warehouse_id
        ${afterKey ? sql`where (i.variant_id, i.warehouse_id) > (${afterKey[0]}::text, ${afterKey[1]}::text)` : sql``}
        order by i.variant_id, i.warehouse_id limit ${limit}`,
  );
}
