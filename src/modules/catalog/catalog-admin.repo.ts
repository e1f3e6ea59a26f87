import { and, asc, eq, gt, inArray, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { escapeLike } from './domain/search-query.ts';
import { brands, categories, products, variants } from './catalog.tables.ts';
import { rows } from './sql-rows.ts';

/** Admin reads and writes of products and their variants. */

export type ProductRow = typeof products.$inferSelect;
export type VariantRow = typeof variants.$inferSelect;
export type ProductInsert = typeof products.$inferInsert;
export type VariantInsert = typeof variants.$inferInsert;

const productColumns = {
  id: products.id,
  slug: products.slug,
  name: products.name,
  description: products.description,
  brandId: products.brandId,
  categoryId: products.categoryId,
  status: products.status,
  attributes: products.attributes,
  images: products.images,
  tags: products.tags,
  createdAt: products.createdAt,
  updatedAt: products.updatedAt,
};
export type AdminProductRow = Pick<ProductRow, keyof typeof productColumns>;

export interface ProductListFilter {
  q?: string | undefined;
  status?: string | undefined;
  categoryId?: string | undefined;
  brandId?: string | undefined;
  /** Newest first: rows with an id below this one. */
  beforeId?: string | undefined;
  limit: number;
}

export interface ProductSummaryRow {
  id: string;
  slug: string;
  name: string;
  status: string;
  brandId: string | null;
  categoryId: string | null;
  variantCount: number;
  updatedAt: Date;
}

/** Products newest first, optionally filtered by a name fragment or SKU prefix, status, category, brand. */
export async function listProducts(db: Db, f: ProductListFilter): Promise<ProductSummaryRow[]> {
  const where: SQL[] = [];
  if (f.q) {
    const q = f.q.trim();
    where.push(
      sql`(p.search_name like '%' || catalog_norm(${escapeLike(q)}) || '%' or exists (select 1 from variants v where v.product_id = p.id and lower(v.sku) like ${`${escapeLike(q.toLowerCase())}%`}))`,
    );
  }
  if (f.status) where.push(sql`p.status = ${f.status}`);
  if (f.categoryId) where.push(sql`p.category_id = ${f.categoryId}`);
  if (f.brandId) where.push(sql`p.brand_id = ${f.brandId}`);
  if (f.beforeId) where.push(sql`p.id < ${f.beforeId}`);
  const cond = where.length ? sql.join(where, sql` and `) : sql`true`;
  return rows<ProductSummaryRow>(
    db,
    sql`select p.id, p.slug, p.name, p.status, p.brand_id as "brandId", p.category_id as "categoryId", p.updated_at as "updatedAt",
          (select count(*)::int from variants v where v.product_id = p.id) as "variantCount"
        from products p where ${cond} order by p.id desc limit ${f.limit + 1}`,
  );
}

export async function findProduct(db: Db, id: string): Promise<AdminProductRow | undefined> {
  const [row] = await db.select(productColumns).from(products).where(eq(products.id, id));
  return row;
}

export async function variantsOf(db: Db, productIds: readonly string[]): Promise<VariantRow[]> {
  if (!productIds.length) return [];
  return db.select().from(variants).where(inArray(variants.productId, [...productIds])).orderBy(asc(variants.productId), asc(variants.position), asc(variants.id));
}

export async function insertProduct(db: Db, row: ProductInsert): Promise<void> {
  await db.insert(products).values(row);
}

export async function updateProduct(db: Db, id: string, patch: Partial<ProductInsert>): Promise<void> {
  await db.update(products).set(patch).where(eq(products.id, id));
}

export async function deleteProduct(db: Db, id: string): Promise<boolean> {
  return (await db.delete(products).where(eq(products.id, id)).returning({ id: products.id })).length > 0;
}

export async function insertVariants(db: Db, rowsToInsert: VariantInsert[]): Promise<void> {
  if (rowsToInsert.length) await db.insert(variants).values(rowsToInsert);
}

export async function findVariant(db: Db, productId: string, variantId: string): Promise<VariantRow | undefined> {
  const [row] = await db.select().from(variants).where(and(eq(variants.id, variantId), eq(variants.productId, productId)));
  return row;
}

export async function updateVariant(db: Db, id: string, patch: Partial<VariantInsert>): Promise<void> {
  await db.update(variants).set(patch).where(eq(variants.id, id));
}

export async function deleteVariant(db: Db, id: string): Promise<void> {
  await db.delete(variants).where(eq(variants.id, id));
}

export async function slugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const cond = exceptId ? and(eq(products.slug, slug), ne(products.id, exceptId)) : eq(products.slug, slug);
  return (await db.select({ id: products.id }).from(products).where(cond).limit(1)).length > 0;
}

/** Which of `skus` (compared case-insensitively) other variants already use. */
export async function takenSkus(db: Db, skus: readonly string[], exceptVariantId?: string): Promise<string[]> {
  if (!skus.length) return [];
  const lowered = skus.map((s) => s.toLowerCase());
  const found = await rows<{ sku: string }>(
    db,
    sql`select sku from variants where lower(sku) in (${sql.join(lowered.map((s) => sql`${s}`), sql`, `)})
        ${exceptVariantId ? sql`and id <> ${exceptVariantId}` : sql``}`,
  );
  return found.map((r) => r.sku);
}

export async function brandExists(db: Db, id: string): Promise<boolean> {
  return (await db.select({ id: brands.id }).from(brands).where(eq(brands.id, id))).length > 0;
}

export async function categoryExists(db: Db, id: string): Promise<boolean> {
  return (await db.select({ id: categories.id }).from(categories).where(eq(categories.id, id))).length > 0;
}

/** Products changed since a time, in id order, for integrations that sync the catalog. */
export async function productsChangedSince(db: Db, since: Date | undefined, afterId: string | undefined, limit: number): Promise<AdminProductRow[]> {
  const conds: SQL[] = [];
  if (since) conds.push(sql`${products.updatedAt} >= ${since.toISOString()}::timestamptz`);
  if (afterId) conds.push(gt(products.id, afterId));
  return db
    .select(productColumns)
    .from(products)
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(asc(products.id))
    .limit(limit + 1);
}
