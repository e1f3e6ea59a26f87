import { and, asc, eq, gt, ne, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { brands, categories, warehouses } from './catalog.tables.ts';
import { rows } from './sql-rows.ts';

/** Categories, brands and warehouses: the small reference tables staff curate. */

export type CategoryRecord = typeof categories.$inferSelect;
export type BrandRecord = typeof brands.$inferSelect;
export type WarehouseRecord = typeof warehouses.$inferSelect;

export interface CategoryWithCounts extends CategoryRecord {
  productCount: number;
  childCount: number;
}

const categoryCounts = sql`(select count(*)::int from products p where p.category_id = c.id) as "productCount",
  (select count(*)::int from categories k where k.parent_id = c.id) as "childCount"`;

const categorySelect = sql`select c.id, c.parent_id as "parentId", c.name, c.slug, c.position, c.path, c.depth,
  c.created_at as "createdAt", c.updated_at as "updatedAt", ${categoryCounts} from categories c`;

/** Categories in tree order (by path), optionally only the children of one parent ('root' = top level). */
export async function listCategories(db: Db, parentId: string | undefined, afterPath: string | undefined, limit: number): Promise<CategoryWithCounts[]> {
  const where: SQL[] = [];
  if (parentId === 'root') where.push(sql`c.parent_id is null`);
  else if (parentId) where.push(sql`c.parent_id = ${parentId}`);
  if (afterPath) where.push(sql`c.path > ${afterPath}`);
  return rows(db, sql`${categorySelect} where ${where.length ? sql.join(where, sql` and `) : sql`true`} order by c.path limit ${limit + 1}`);
}

export async function findCategory(db: Db, id: string): Promise<CategoryWithCounts | undefined> {
  const [row] = await rows<CategoryWithCounts>(db, sql`${categorySelect} where c.id = ${id}`);
  return row;
}

export async function categorySlugTaken(db: Db, slug: string, exceptId?: string): Promise<boolean> {
  const cond = exceptId ? and(eq(categories.slug, slug), ne(categories.id, exceptId)) : eq(categories.slug, slug);
  return (await db.select({ id: categories.id }).from(categories).where(cond).limit(1)).length > 0;
}

export async function insertCategory(db: Db, row: typeof categories.$inferInsert): Promise<void> {
  await db.insert(categories).values(row);
}

export async function updateCategory(db: Db, id: string, patch: Partial<typeof categories.$inferInsert>): Promise<void> {
  await db.update(categories).set(patch).where(eq(categories.id, id));
}

/** Rewrites the path and depth of a category's whole subtree after it moved from `oldPath` to `newPath`. */
export async function moveSubtree(db: Db, oldPath: string, newPath: string): Promise<void> {
  const depthDelta = newPath.split('/').length - oldPath.split('/').length;
  await db.execute(
    sql`update categories set path = ${newPath} || substr(path, ${oldPath.length + 1}), depth = depth + ${depthDelta}
        where path like ${`${oldPath}%`}`,
  );
}

export async function deleteCategory(db: Db, id: string): Promise<void> {
  await db.delete(categories).where(eq(categories.id, id));
}

export interface BrandWithCount extends BrandRecord {
  productCount: number;
}

export async function listBrands(db: Db, q: string | undefined, afterName: [string, string] | undefined, limit: number): Promise<BrandWithCount[]> {
  const where: SQL[] = [];
  if (q) where.push(sql`lower(b.name) like ${`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (afterName) where.push(sql`(b.name, b.id) > (${afterName[0]}::text, ${afterName[1]}::text)`);
  return rows(
    db,
    sql`select b.id, b.name, b.slug, b.created_at as "createdAt", b.updated_at as "updatedAt",
          (select count(*)::int from products p where p.brand_id = b.id) as "productCount"
        from brands b where ${where.length ? sql.join(where, sql` and `) : sql`true`} order by b.name, b.id limit ${limit + 1}`,
  );
}

export async function findBrand(db: Db, id: string): Promise<BrandWithCount | undefined> {
  const [row] = await rows<BrandWithCount>(
    db,
    sql`select b.id, b.name, b.slug, b.created_at as "createdAt", b.updated_at as "updatedAt",
          (select count(*)::int from products p where p.brand_id = b.id) as "productCount"
        from brands b where b.id = ${id}`,
  );
  return row;
}

export async function brandClash(db: Db, name: string | undefined, slug: string | undefined, exceptId?: string): Promise<'name' | 'slug' | null> {
  const [row] = await rows<{ name_clash: boolean; slug_clash: boolean }>(
    db,
    sql`select bool_or(lower(name) = lower(${name ?? ''})) as name_clash, bool_or(slug = ${slug ?? ''}) as slug_clash
        from brands where (lower(name) = lower(${name ?? ''}) or slug = ${slug ?? ''}) ${exceptId ? sql`and id <> ${exceptId}` : sql``}`,
  );
  if (name && row?.name_clash) return 'name';
  if (slug && row?.slug_clash) return 'slug';
  return null;
}

export async function insertBrand(db: Db, row: typeof brands.$inferInsert): Promise<void> {
  await db.insert(brands).values(row);
}

export async function updateBrand(db: Db, id: string, patch: Partial<typeof brands.$inferInsert>): Promise<void> {
  await db.update(brands).set(patch).where(eq(brands.id, id));
}

export async function deleteBrand(db: Db, id: string): Promise<void> {
  await db.delete(brands).where(eq(brands.id, id));
}

export async function listWarehouses(db: Db, afterId: string | undefined, limit: number): Promise<WarehouseRecord[]> {
  return db
    .select()
    .from(warehouses)
    .where(afterId ? gt(warehouses.id, afterId) : undefined)
    .orderBy(asc(warehouses.id))
    .limit(limit + 1);
}

export async function findWarehouse(db: Db, id: string): Promise<WarehouseRecord | undefined> {
  const [row] = await db.select().from(warehouses).where(eq(warehouses.id, id));
  return row;
}

export async function warehouseCodeTaken(db: Db, code: string, exceptId?: string): Promise<boolean> {
  const found = await rows(db, sql`select 1 from warehouses where lower(code) = lower(${code}) ${exceptId ? sql`and id <> ${exceptId}` : sql``} limit 1`);
  return found.length > 0;
}

export async function warehouseInUse(db: Db, id: string): Promise<boolean> {
  return (await rows(db, sql`select 1 from inventory where warehouse_id = ${id} limit 1`)).length > 0;
}

export async function insertWarehouse(db: Db, row: typeof warehouses.$inferInsert): Promise<void> {
  await db.insert(warehouses).values(row);
}

export async function updateWarehouse(db: Db, id: string, patch: Partial<typeof warehouses.$inferInsert>): Promise<void> {
  await db.update(warehouses).set(patch).where(eq(warehouses.id, id));
}

export async function deleteWarehouse(db: Db, id: string): Promise<void> {
  await db.delete(warehouses).where(eq(warehouses.id, id));
}
