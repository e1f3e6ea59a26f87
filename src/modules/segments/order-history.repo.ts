import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insertRows } from '../../db/insert-rows.ts';
import { anyText, sqlArray } from '../../db/sql-arrays.ts';
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

export type OrderRow = typeof purchaseOrders.$inferInsert;
export type LineRow = typeof purchaseOrderLines.$inferInsert;

const CHUNK = 500;

/** What saving an order found: its id, and whether it was recorded before and under which company. */
export interface SavedOrder {
  id: string;
  /** The company it was recorded under before this save; null for a new order. */
  priorCompanyId: string | null;
}

export const orderKey = (source: string, externalRef: string) => `${source}\u0000${externalRef}`;

/**
 * Inserts or replaces orders (matched on source + external reference) with their lines — for new
 * orders in two statements, without reading first: an existing order keeps its id, takes the new
 * header (and, rarely, a new company: one more statement), and its lines are replaced by the given
 * ones. `lines` refer to the orders by the ids given in `orders`; an existing order's lines are
 * saved under its own id. Answers each order by `orderKey(source, externalRef)`.
 */
export async function saveOrderRows(db: Db, orders: readonly OrderRow[], lines: readonly LineRow[]): Promise<Map<string, SavedOrder>> {
  const out = new Map<string, SavedOrder>();
  const actualId = new Map<string, string>();
  const replaced: string[] = [];
  for (let i = 0; i < orders.length; i += CHUNK) {
    const part = orders.slice(i, i + CHUNK);
    // The company is left out of the update so that RETURNING shows the one it was recorded under.
    const rows = await db
      .insert(purchaseOrders)
      .values([...part])
      .onConflictDoUpdate({
        target: [purchaseOrders.source, purchaseOrders.externalRef],
        set: {
          orderedAt: sql`excluded.ordered_at`,
          currency: sql`excluded.currency`,
          total: sql`excluded.total`,
          status: sql`excluded.status`,
          updatedAt: sql`excluded.updated_at`,
        },
      })
      .returning({ id: purchaseOrders.id, source: purchaseOrders.source, ref: purchaseOrders.externalRef, companyId: purchaseOrders.companyId, existed: sql<boolean>`xmax::text <> '0'` });
    const given = new Map(part.map((o) => [orderKey(o.source, o.externalRef), o]));
    for (const r of rows) {
      const o = given.get(orderKey(r.source, r.ref))!;
      actualId.set(o.id!, r.id);
      out.set(orderKey(r.source, r.ref), { id: r.id, priorCompanyId: r.existed ? r.companyId : null });
      if (!r.existed) continue;
      replaced.push(r.id);
      // A re-import that names another company moves the order.
      if (r.companyId !== o.companyId) await db.update(purchaseOrders).set({ companyId: o.companyId }).where(eq(purchaseOrders.id, r.id));
    }
  }
  for (let i = 0; i < replaced.length; i += CHUNK) await db.delete(purchaseOrderLines).where(anyText(purchaseOrderLines.orderId, replaced.slice(i, i + CHUNK)));
  const saved = lines.map((l) => ({ ...l, orderId: actualId.get(l.orderId) ?? l.orderId }));
  for (let i = 0; i < saved.length; i += CHUNK) await insertRows(db, purchaseOrderLines, saved.slice(i, i + CHUNK));
  return out;
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

/** A new order of the purchase events (source `precis`), with its lines as the event gives them. */
export interface PlacedOrder {
  /** The id to record it under if it is new. */
  id: string;
  externalRef: string;
  companyId: string;
  orderedAt: Date;
  currency: string;
  total: number;
  status: string;
  lines: readonly { variantId: string | null; sku: string; quantity: number; amount: number }[];
}

/**
 * The insert of lines from `lines` (a relation with order_id, line_no, variant_id, sku, quantity,
 * amount), each with the catalog's facts looked up in the statement: the variant by id, else by SKU
 * (case-insensitively, as SKUs are unique), with its category and brand; a SKU the catalog no longer
 * knows is kept as given, without category and brand (as `recordOrders` with `unknownSku: 'keep'`).
 */
function linesFromCatalog(lines: SQL): SQL {
  return sql`insert into purchase_order_lines (order_id, line_no, variant_id, sku, category_id, category_slug, brand_slug, quantity, amount)
    select l.order_id, l.line_no, v.id, coalesce(v.sku, l.sku), p.category_id, c.slug, b.slug, l.quantity, l.amount
    from ${lines}
    left join variants v on v.id = coalesce((select x.id from variants x where x.id = l.variant_id), (select x.id from variants x where lower(x.sku) = lower(l.sku)))
    left join products p on p.id = v.product_id
    left join categories c on c.id = p.category_id
    left join brands b on b.id = p.brand_id`;
}

/** The lines of `orders` as a relation `l`, under the order ids `idOf` gives (one array parameter per column). */
function linesRelation(orders: readonly PlacedOrder[], idOf: (o: PlacedOrder) => string): SQL {
  const all = orders.flatMap((o) => o.lines.map((l, j) => ({ id: idOf(o), no: j + 1, ...l })));
  return sql`unnest(${sqlArray(all.map((l) => l.id), 'text')}, ${sqlArray(all.map((l) => l.no), 'int')}, ${sqlArray(all.map((l) => l.variantId), 'text')},
      ${sqlArray(all.map((l) => l.sku), 'text')}, ${sqlArray(all.map((l) => l.quantity), 'int')}, ${sqlArray(all.map((l) => l.amount), 'bigint')})
    as l (order_id, line_no, variant_id, sku, quantity, amount)`;
}

/**
 * Records orders placed in Precis (source `precis`, keyed by the order id as external reference)
 * with their lines in ONE statement: the orders' upsert and, for the new ones, the lines with their
 * category and brand read from the catalog inside the statement — instead of a catalog read, an
 * insert of orders and one of lines. An order recorded before (a redelivered or re-imported event)
 * keeps its id, takes the new header and, in three more statements (rare), the company given and
 * the new lines. Answers each order by external reference: its id and the company it was recorded
 * under before (null when new).
 */
export async function savePlacedOrders(db: Db, source: string, orders: readonly PlacedOrder[], now: Date): Promise<Map<string, SavedOrder>> {
  const out = new Map<string, SavedOrder>();
  if (orders.length === 0) return out;
  const ts = (d: Date) => d.toISOString();
  const saved = await rowsOf<{ id: string; external_ref: string; company_id: string; existed: boolean }>(
    db,
    sql`with o as (
          insert into purchase_orders (id, company_id, source, external_ref, ordered_at, currency, total, status, created_at, updated_at)
          select o.id, o.company_id, ${source}, o.external_ref, o.ordered_at, o.currency, o.total, o.status, ${ts(now)}::timestamptz, ${ts(now)}::timestamptz
          from unnest(${sqlArray(orders.map((o) => o.id), 'text')}, ${sqlArray(orders.map((o) => o.companyId), 'text')}, ${sqlArray(orders.map((o) => o.externalRef), 'text')},
            ${sqlArray(orders.map((o) => ts(o.orderedAt)), 'text')}::timestamptz[], ${sqlArray(orders.map((o) => o.currency), 'text')}, ${sqlArray(orders.map((o) => o.total), 'bigint')},
            ${sqlArray(orders.map((o) => o.status), 'text')}) as o (id, company_id, external_ref, ordered_at, currency, total, status)
          -- The company is left out of the update so that RETURNING shows the one it was recorded under.
          on conflict (source, external_ref) do update set ordered_at = excluded.ordered_at, currency = excluded.currency, total = excluded.total,
            status = excluded.status, updated_at = excluded.updated_at
          returning id, external_ref, company_id, xmax::text <> '0' as existed
        ), new_lines as (
          -- Lines of new orders only (an existing order answers its own id, which no line names).
          ${linesFromCatalog(sql`${linesRelation(orders, (o) => o.id)} join o on o.id = l.order_id and not o.existed`)}
        )
        select id, external_ref, company_id, existed from o`,
  );
  const given = new Map(orders.map((o) => [o.externalRef, o]));
  const replaced = new Map<string, PlacedOrder>();
  for (const r of saved) {
    out.set(r.external_ref, { id: r.id, priorCompanyId: r.existed ? r.company_id : null });
    if (!r.existed) continue;
    const o = given.get(r.external_ref)!;
    replaced.set(r.id, o);
    // A re-delivery that names another company moves the order.
    if (r.company_id !== o.companyId) await db.update(purchaseOrders).set({ companyId: o.companyId }).where(eq(purchaseOrders.id, r.id));
  }
  if (replaced.size) {
    const ids = [...replaced.keys()];
    await db.delete(purchaseOrderLines).where(anyText(purchaseOrderLines.orderId, ids));
    const idOf = new Map([...replaced].map(([id, o]) => [o, id]));
    await db.execute(linesFromCatalog(linesRelation([...replaced.values()], (o) => idOf.get(o)!)));
  }
  return out;
}
