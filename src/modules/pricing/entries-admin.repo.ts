import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { anyText } from '../../db/sql-arrays.ts';
import type { PriceTier } from './domain/types.ts';

/** Set-based queries over one list's entries: a few statements per page or batch, never one per row. */

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export interface EntryFilter {
  q?: string | undefined;
  category?: string | undefined;
  brand?: string | undefined;
}

/**
 * The filter as SQL over `e` (entries), `v` (variants) and `p` (products): `q` is a SKU prefix or
 * words that must all appear in the product name (accents and case ignored, as catalog search
 * does); `category` includes its subcategories.
 */
function filterSql(f: EntryFilter): SQL {
  const parts: SQL[] = [];
  const q = f.q?.trim();
  if (q) {
    const words = q.split(/\s+/).filter((w) => w !== '');
    const nameMatch = sql.join(words.map((w) => sql`p.search_name like '%' || catalog_norm(${likeEscape(w)}) || '%'`), sql` and `);
    parts.push(sql`(lower(v.sku) like ${`${likeEscape(q.toLowerCase())}%`} or (${nameMatch}))`);
  }
  if (f.category) {
    parts.push(sql`p.category_id in (select c.id from categories c, categories root
                                       where root.id = ${f.category} and left(c.path, length(root.path)) = root.path)`);
  }
  if (f.brand) parts.push(sql`p.brand_id = ${f.brand}`);
  return parts.length === 0 ? sql`` : sql` and ${sql.join(parts, sql` and `)}`;
}

export interface EntryWithProduct {
  variantId: string;
  sku: string;
  productName: string;
  unitPrice: number;
  tiers: PriceTier[];
  qtyMin: number | null;
  qtyMax: number | null;
  qtyIncrement: number | null;
}

const entryColumns = sql`e.variant_id as "variantId", v.sku, p.name as "productName", e.unit_price::float8 as "unitPrice", e.tiers,
  e.qty_min as "qtyMin", e.qty_max as "qtyMax", e.qty_increment as "qtyIncrement"`;

/** A page of a list's entries in variant id order, after `after`, matching the filter. */
export async function filteredPage(db: Db, listId: string, filter: EntryFilter, after: string | undefined, limit: number): Promise<EntryWithProduct[]> {
  const keyset = after === undefined ? sql`` : sql`and e.variant_id > ${after}`;
  if (!filter.q?.trim() && !filter.category && !filter.brand) {
    // Unfiltered (export, bulk change of a whole list): take the page from the primary key first,
    // then look each variant and product up by key (LIMIT 1 keeps the planner from hashing all
    // variants for a page), so every page costs the same whatever the catalog's size.
    return rows<EntryWithProduct>(db, sql`
      select ${entryColumns}
        from (select * from price_list_entries e where e.list_id = ${listId} ${keyset} order by e.variant_id limit ${limit}) e
        cross join lateral (select v.sku, v.product_id from variants v where v.id = e.variant_id limit 1) v
        cross join lateral (select p.name from products p where p.id = v.product_id limit 1) p
       order by e.variant_id`);
  }
  return rows<EntryWithProduct>(db, sql`
    select ${entryColumns}
      from price_list_entries e join variants v on v.id = e.variant_id join products p on p.id = v.product_id
     where e.list_id = ${listId} ${keyset} ${filterSql(filter)}
     order by e.variant_id limit ${limit}`);
}

/** Matching entries, counted. */
export async function countFiltered(db: Db, listId: string, filter: EntryFilter): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`
    select count(*)::int as n from price_list_entries e join variants v on v.id = e.variant_id join products p on p.id = v.product_id
     where e.list_id = ${listId} ${filterSql(filter)}`);
  return r?.n ?? 0;
}

/** Entry counts of lists (lists without entries are absent). */
export async function entryCounts(db: Db, listIds: readonly string[]): Promise<Map<string, number>> {
  if (listIds.length === 0) return new Map();
  const found = await rows<{ listId: string; n: number }>(db, sql`
    select list_id as "listId", count(*)::int as n from price_list_entries where ${anyText(sql`list_id`, listIds)} group by list_id`);
  return new Map(found.map((r) => [r.listId, r.n]));
}

/** Variant ids by lower-cased SKU. */
export async function variantIdsBySku(db: Db, skus: readonly string[]): Promise<Map<string, string>> {
  if (skus.length === 0) return new Map();
  const found = await rows<{ id: string; k: string }>(db, sql`
    select id, lower(sku) as k from variants where ${anyText(sql`lower(sku)`, skus.map((s) => s.toLowerCase()))}`);
  return new Map(found.map((r) => [r.k, r.id]));
}

/** Deletes the list's entries for these variants; returns the variant ids that had one. */
export async function deleteEntries(db: Db, listId: string, variantIds: readonly string[]): Promise<Set<string>> {
  if (variantIds.length === 0) return new Set();
  const gone = await rows<{ v: string }>(db, sql`
    delete from price_list_entries where list_id = ${listId} and ${anyText(sql`variant_id`, variantIds)} returning variant_id as v`);
  return new Set(gone.map((r) => r.v));
}

export interface EntryWrite {
  variantId: string;
  unitPrice: number;
  tiers: readonly PriceTier[];
  qtyMin: number | null;
  qtyMax: number | null;
  qtyIncrement: number | null;
}

/**
 * Inserts or replaces entries in one statement (the batch travels as one JSON parameter, so a few
 * thousand rows cost one round trip on both drivers). Unchanged entries are not rewritten. Returns
 * how many rows were new. Variant ids must be distinct within the batch.
 */
export async function upsertBatch(db: Db, listId: string, batch: readonly EntryWrite[]): Promise<number> {
  if (batch.length === 0) return 0;
  const json = JSON.stringify(batch.map((e) => ({ v: e.variantId, p: e.unitPrice, t: e.tiers, a: e.qtyMin, b: e.qtyMax, c: e.qtyIncrement })));
  const [r] = await rows<{ inserted: number }>(db, sql`
    with up as (
      insert into price_list_entries as e (list_id, variant_id, unit_price, tiers, qty_min, qty_max, qty_increment)
      select ${listId}, x.v, x.p, coalesce(x.t, '[]'::jsonb), x.a, x.b, x.c
        from jsonb_to_recordset(${json}::jsonb) as x(v text, p bigint, t jsonb, a int, b int, c int)
      on conflict (list_id, variant_id) do update
         set unit_price = excluded.unit_price, tiers = excluded.tiers, qty_min = excluded.qty_min,
             qty_max = excluded.qty_max, qty_increment = excluded.qty_increment, updated_at = now()
       where (e.unit_price, e.tiers, e.qty_min, e.qty_max, e.qty_increment)
             is distinct from (excluded.unit_price, excluded.tiers, excluded.qty_min, excluded.qty_max, excluded.qty_increment)
      returning (xmax = 0) as inserted)
    select count(*) filter (where inserted)::int as inserted from up`);
  return r?.inserted ?? 0;
}

/** Refreshes the planner's statistics after a large import (filtered grid queries depend on them). */
export async function analyzeEntries(db: Db): Promise<void> {
  await db.execute(sql`analyze price_list_entries`);
}

/** Sets new unit and tier prices for the list's entries (one statement for the batch). */
export async function setPrices(db: Db, listId: string, batch: readonly { variantId: string; unitPrice: number; tiers: readonly PriceTier[] }[]): Promise<void> {
  if (batch.length === 0) return;
  const json = JSON.stringify(batch.map((e) => ({ v: e.variantId, p: e.unitPrice, t: e.tiers })));
  await db.execute(sql`
    update price_list_entries e set unit_price = x.p, tiers = x.t, updated_at = now()
      from jsonb_to_recordset(${json}::jsonb) as x(v text, p bigint, t jsonb)
     where e.list_id = ${listId} and e.variant_id = x.v`);
}
