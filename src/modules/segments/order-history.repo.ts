import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insertRows } from '../../db/insert-rows.ts';
import { purchaseOrderLines, purchaseOrders } from './purchase-history.tables.ts';

async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
const idList = (ids: readonly string[]) => sql.join(ids.map((i) => sql`${i}`), sql`, `);

/** What a line keeps of the catalog when it is recorded: the variant and its category and brand. */
export interface SkuFacts {
  variantId: string;
  sku: string;
  categoryId: string | null;
  categorySlug: string | null;
  brandSlug: string | null;
}

const SKU_FACTS = sql`select v.id as variant_id, v.sku, p.category_id, c.slug as category_slug, b.slug as brand_slug
  from variants v join products p on p.id = v.product_id
  left join categories c on c.id = p.category_id
  left join brands b on b.id = p.brand_id`;

const toFacts = (r: { variant_id: string; sku: string; category_id: string | null; category_slug: string | null; brand_slug: string | null }): SkuFacts => ({
  variantId: r.variant_id,
  sku: r.sku,
  categoryId: r.category_id,
  categorySlug: r.category_slug,
  brandSlug: r.brand_slug,
});

/** Catalog facts by lower-cased SKU (SKUs are unique case-insensitively). */
export async function skuFacts(db: Db, skus: readonly string[]): Promise<Map<string, SkuFacts>> {
  const wanted = [...new Set(skus.map((s) => s.toLowerCase()))];
  if (wanted.length === 0) return new Map();
  const rows = await rowsOf<Parameters<typeof toFacts>[0]>(db, sql`${SKU_FACTS} where lower(v.sku) in (${idList(wanted)})`);
  return new Map(rows.map((r) => [r.sku.toLowerCase(), toFacts(r)]));
}

/** Catalog facts by variant id. */
export async function variantFactsById(db: Db, variantIds: readonly string[]): Promise<Map<string, SkuFacts>> {
  const wanted = [...new Set(variantIds)];
  if (wanted.length === 0) return new Map();
  const rows = await rowsOf<Parameters<typeof toFacts>[0]>(db, sql`${SKU_FACTS} where v.id in (${idList(wanted)})`);
  return new Map(rows.map((r) => [r.variant_id, toFacts(r)]));
}

/** The ids among `ids` that are companies. */
export async function existingCompanies(db: Db, ids: readonly string[]): Promise<Set<string>> {
  const wanted = [...new Set(ids)];
  if (wanted.length === 0) return new Set();
  const rows = await rowsOf<{ id: string }>(db, sql`select id from companies where id in (${idList(wanted)})`);
  return new Set(rows.map((r) => r.id));
}

/** Orders already recorded from `source` under these references: id and company (a re-import may move one). */
export async function ordersByRef(db: Db, source: string, refs: readonly string[]): Promise<Map<string, { id: string; companyId: string }>> {
  if (refs.length === 0) return new Map();
  const rows = await db
    .select({ id: purchaseOrders.id, ref: purchaseOrders.externalRef, companyId: purchaseOrders.companyId })
    .from(purchaseOrders)
    .where(and(eq(purchaseOrders.source, source), inArray(purchaseOrders.externalRef, [...new Set(refs)])));
  return new Map(rows.map((r) => [r.ref, { id: r.id, companyId: r.companyId }]));
}

export type OrderRow = typeof purchaseOrders.$inferInsert;
export type LineRow = typeof purchaseOrderLines.$inferInsert;

const CHUNK = 500;

/**
 * Inserts or replaces orders (matched on source + external reference) with their lines: an existing
 * order keeps its id, takes the new header, and its lines are replaced by the given ones. Pass
 * `replacing: false` only when none of the orders was recorded before.
 */
export async function saveOrderRows(db: Db, orders: readonly OrderRow[], lines: readonly LineRow[], replacing = true): Promise<void> {
  for (let i = 0; i < orders.length; i += CHUNK) {
    const part = orders.slice(i, i + CHUNK);
    await db
      .insert(purchaseOrders)
      .values([...part])
      .onConflictDoUpdate({
        target: [purchaseOrders.source, purchaseOrders.externalRef],
        set: {
          companyId: sql`excluded.company_id`,
          orderedAt: sql`excluded.ordered_at`,
          currency: sql`excluded.currency`,
          total: sql`excluded.total`,
          status: sql`excluded.status`,
          updatedAt: sql`excluded.updated_at`,
        },
      });
    // New orders have no lines to replace (the per-order path saves a round trip).
    if (replacing) await db.delete(purchaseOrderLines).where(inArray(purchaseOrderLines.orderId, part.map((o) => o.id!)));
  }
  for (let i = 0; i < lines.length; i += CHUNK) await insertRows(db, purchaseOrderLines, lines.slice(i, i + CHUNK));
}

/** Sets an order's status by source and reference; returns its company, or null if unknown. */
export async function setOrderStatus(db: Db, source: string, ref: string, status: string, at: Date): Promise<string | null> {
  const rows = await db
    .update(purchaseOrders)
    .set({ status, updatedAt: at })
    .where(and(eq(purchaseOrders.source, source), eq(purchaseOrders.externalRef, ref)))
    .returning({ companyId: purchaseOrders.companyId });
  return rows[0]?.companyId ?? null;
}
