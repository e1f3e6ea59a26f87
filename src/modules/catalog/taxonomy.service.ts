import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, encodeCursor, type PageResult } from '../../http/pagination.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { categoryPath, wouldCreateCycle } from './domain/category-tree.ts';
import { slugify } from './domain/slug.ts';
import { guardUnique } from './catalog-errors.ts';
import { afterWrite } from './search-cache.ts';
import * as repo from './taxonomy.repo.ts';

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

function cursorString(cursor: string | undefined, arity: number): string[] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  if (key.length !== arity || key.some((k) => typeof k !== 'string')) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  return key as string[];
}

function page<T>(found: T[], limit: number, key: (t: T) => string[]): PageResult<T> {
  const items = found.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: found.length > limit && last ? encodeCursor(key(last)) : null };
}

// ---- categories ---------------------------------------------------------------------------------

export interface AdminCategory {
  id: string;
  parentId: string | null;
  name: string;
  slug: string;
  position: number;
  depth: number;
  productCount: number;
  childCount: number;
  createdAt: string;
  updatedAt: string;
}

const toCategory = (c: repo.CategoryWithCounts): AdminCategory => ({
  id: c.id,
  parentId: c.parentId,
  name: c.name,
  slug: c.slug,
  position: c.position,
  depth: c.depth,
  productCount: c.productCount,
  childCount: c.childCount,
  createdAt: iso(c.createdAt),
  updatedAt: iso(c.updatedAt),
});

/** Categories in tree order (parents before children); `parentId: 'root'` lists the top level. */
export async function listCategories(ctx: Ctx, q: { parentId?: string | undefined; limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<AdminCategory>> {
  const limit = q.limit ?? 200;
  const after = cursorString(q.cursor, 1);
  const found = await repo.listCategories(ctx.db, q.parentId, after?.[0], limit);
  const res = page(found, limit, (c) => [c.path]);
  return { items: res.items.map(toCategory), nextCursor: res.nextCursor };
}

export async function getCategory(ctx: Ctx, id: string): Promise<AdminCategory> {
  const c = await repo.findCategory(ctx.db, id);
  if (!c) throw notFound('Category');
  return toCategory(c);
}

async function freeCategorySlug(ctx: Ctx, given: string | undefined, name: string, exceptId?: string): Promise<string> {
  const slug = given ?? (slugify(name) || 'category');
  if (await repo.categorySlugTaken(ctx.db, slug, exceptId)) throw new AppError('SLUG_TAKEN', `The slug ${slug} is already in use`, 'slug');
  return slug;
}

export async function createCategory(ctx: Ctx, input: { name: string; slug?: string | undefined; parentId?: string | null | undefined; position?: number | undefined }): Promise<AdminCategory> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      const parent = input.parentId ? await repo.findCategory(tx.db, input.parentId) : null;
      if (input.parentId && !parent) throw invalid('parentId', 'No category has that id');
      const id = newId('category');
      const slug = await freeCategorySlug(tx, input.slug, input.name);
      const path = categoryPath(id, parent?.path ?? null);
      await repo.insertCategory(tx.db, { id, parentId: parent?.id ?? null, name: input.name, slug, position: input.position ?? 0, path, depth: parent ? parent.depth + 1 : 0 });
      return getCategory(tx, id);
    }),
  ));
}

/** Renames, re-slugs, reorders or moves a category; moving it under itself or a descendant is a CATEGORY_CYCLE. */
export async function updateCategory(
  ctx: Ctx,
  id: string,
  patch: { name?: string | undefined; slug?: string | undefined; parentId?: string | null | undefined; position?: number | undefined },
): Promise<AdminCategory> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      const current = await repo.findCategory(tx.db, id);
      if (!current) throw notFound('Category');
      if (patch.slug !== undefined) await freeCategorySlug(tx, patch.slug, '', id);
      const set: Parameters<typeof repo.updateCategory>[2] = { updatedAt: tx.clock.now() };
      if (patch.name !== undefined) set.name = patch.name;
      if (patch.slug !== undefined) set.slug = patch.slug;
      if (patch.position !== undefined) set.position = patch.position;
      if (patch.parentId !== undefined && patch.parentId !== current.parentId) {
        let parentPath: string | null = null;
        if (patch.parentId) {
          const parent = await repo.findCategory(tx.db, patch.parentId);
          if (!parent) throw invalid('parentId', 'No category has that id');
          if (wouldCreateCycle(id, parent.path)) throw new AppError('CATEGORY_CYCLE', undefined, 'parentId');
          parentPath = parent.path;
        }
        set.parentId = patch.parentId;
        await repo.moveSubtree(tx.db, current.path, categoryPath(id, parentPath));
      }
      await repo.updateCategory(tx.db, id, set);
      return getCategory(tx, id);
    }),
  ));
}

/** Deletes an empty category; one with products or subcategories is CATEGORY_NOT_EMPTY. */
export async function deleteCategory(ctx: Ctx, id: string): Promise<void> {
  await afterWrite(ctx, inTx(ctx, async (tx) => {
    const c = await repo.findCategory(tx.db, id);
    if (!c) throw notFound('Category');
    if (c.productCount || c.childCount) {
      throw new AppError('CATEGORY_NOT_EMPTY', `The category has ${c.productCount} products and ${c.childCount} subcategories`);
    }
    await repo.deleteCategory(tx.db, id);
  }));
}

// ---- brands -------------------------------------------------------------------------------------

export interface AdminBrand {
  id: string;
  name: string;
  slug: string;
  productCount: number;
  createdAt: string;
  updatedAt: string;
}

const toBrand = (b: repo.BrandWithCount): AdminBrand => ({ id: b.id, name: b.name, slug: b.slug, productCount: b.productCount, createdAt: iso(b.createdAt), updatedAt: iso(b.updatedAt) });

export async function listBrands(ctx: Ctx, q: { q?: string | undefined; limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<AdminBrand>> {
  const limit = q.limit ?? 50;
  const after = cursorString(q.cursor, 2) as [string, string] | undefined;
  const res = page(await repo.listBrands(ctx.db, q.q, after, limit), limit, (b) => [b.name, b.id]);
  return { items: res.items.map(toBrand), nextCursor: res.nextCursor };
}

export async function getBrand(ctx: Ctx, id: string): Promise<AdminBrand> {
  const b = await repo.findBrand(ctx.db, id);
  if (!b) throw notFound('Brand');
  return toBrand(b);
}

async function checkBrandClash(ctx: Ctx, name: string | undefined, slug: string | undefined, exceptId?: string): Promise<void> {
  const clash = await repo.brandClash(ctx.db, name, slug, exceptId);
  if (clash === 'name') throw new AppError('CONFLICT', 'A brand with that name exists', 'name');
  if (clash === 'slug') throw new AppError('SLUG_TAKEN', undefined, 'slug');
}

export async function createBrand(ctx: Ctx, input: { name: string; slug?: string | undefined }): Promise<AdminBrand> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      const slug = input.slug ?? (slugify(input.name) || `brand-${Date.now()}`);
      await checkBrandClash(tx, input.name, slug);
      const id = newId('brand');
      await repo.insertBrand(tx.db, { id, name: input.name, slug });
      return getBrand(tx, id);
    }),
  ));
}

export async function updateBrand(ctx: Ctx, id: string, patch: { name?: string | undefined; slug?: string | undefined }): Promise<AdminBrand> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      if (!(await repo.findBrand(tx.db, id))) throw notFound('Brand');
      await checkBrandClash(tx, patch.name, patch.slug, id);
      await repo.updateBrand(tx.db, id, { ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.slug !== undefined ? { slug: patch.slug } : {}), updatedAt: tx.clock.now() });
      return getBrand(tx, id);
    }),
  ));
}

export async function deleteBrand(ctx: Ctx, id: string): Promise<void> {
  await afterWrite(ctx, inTx(ctx, async (tx) => {
    const b = await repo.findBrand(tx.db, id);
    if (!b) throw notFound('Brand');
    if (b.productCount) throw new AppError('CONFLICT', `The brand still has ${b.productCount} products`);
    await repo.deleteBrand(tx.db, id);
  }));
}

// ---- warehouses ---------------------------------------------------------------------------------

export interface AdminWarehouse {
  id: string;
  code: string;
  name: string;
  country: string;
  createdAt: string;
  updatedAt: string;
}

const toWarehouse = (w: repo.WarehouseRecord): AdminWarehouse => ({ id: w.id, code: w.code, name: w.name, country: w.country, createdAt: iso(w.createdAt), updatedAt: iso(w.updatedAt) });

export async function listWarehouses(ctx: Ctx, q: { limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<AdminWarehouse>> {
  const limit = q.limit ?? 50;
  const after = cursorString(q.cursor, 1);
  const res = page(await repo.listWarehouses(ctx.db, after?.[0], limit), limit, (w) => [w.id]);
  return { items: res.items.map(toWarehouse), nextCursor: res.nextCursor };
}

export async function getWarehouse(ctx: Ctx, id: string): Promise<AdminWarehouse> {
  const w = await repo.findWarehouse(ctx.db, id);
  if (!w) throw notFound('Warehouse');
  return toWarehouse(w);
}

export async function createWarehouse(ctx: Ctx, input: { code: string; name: string; country: string }): Promise<AdminWarehouse> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      if (await repo.warehouseCodeTaken(tx.db, input.code)) throw new AppError('CONFLICT', 'A warehouse with that code exists', 'code');
      const id = newId('warehouse');
      await repo.insertWarehouse(tx.db, { id, ...input });
      return getWarehouse(tx, id);
    }),
  ));
}

export async function updateWarehouse(ctx: Ctx, id: string, patch: { code?: string | undefined; name?: string | undefined; country?: string | undefined }): Promise<AdminWarehouse> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      if (!(await repo.findWarehouse(tx.db, id))) throw notFound('Warehouse');
      if (patch.code !== undefined && (await repo.warehouseCodeTaken(tx.db, patch.code, id))) throw new AppError('CONFLICT', 'A warehouse with that code exists', 'code');
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      await repo.updateWarehouse(tx.db, id, { ...set, updatedAt: tx.clock.now() });
      return getWarehouse(tx, id);
    }),
  ));
}

export async function deleteWarehouse(ctx: Ctx, id: string): Promise<void> {
  await afterWrite(ctx, inTx(ctx, async (tx) => {
    if (!(await repo.findWarehouse(tx.db, id))) throw notFound('Warehouse');
    if (await repo.warehouseInUse(tx.db, id)) throw new AppError('CONFLICT', 'The warehouse still holds inventory');
    await repo.deleteWarehouse(tx.db, id);
  }));
}
