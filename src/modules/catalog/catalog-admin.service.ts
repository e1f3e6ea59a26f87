import { inTx, type Ctx } from '../../http/context.ts';
import { decodeCursor, encodeCursor, type PageResult } from '../../http/pagination.ts';
import { AppError, invalid, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { slugify } from './domain/slug.ts';
import type { ProductStatus, VariantStatus } from './catalog.tables.ts';
import { guardUnique } from './catalog-errors.ts';
import { afterWrite } from './search-cache.ts';
import * as repo from './catalog-admin.repo.ts';

export interface VariantInput {
  sku: string;
  gtin?: string | null | undefined;
  name?: string | undefined;
  uom?: string | undefined;
  packSize?: number | undefined;
  weightGrams?: number | null | undefined;
  attributes?: Record<string, string> | undefined;
  taxClass?: string | undefined;
  status?: VariantStatus | undefined;
  position?: number | undefined;
}

export interface ProductInput {
  slug?: string | undefined;
  name: string;
  description?: string | undefined;
  brandId?: string | null | undefined;
  categoryId?: string | null | undefined;
  status?: ProductStatus | undefined;
  attributes?: Record<string, string> | undefined;
  images?: string[] | undefined;
  tags?: string[] | undefined;
  variants?: VariantInput[] | undefined;
}

export type ProductPatch = Partial<Omit<ProductInput, 'variants'>>;
export type VariantPatch = Partial<VariantInput>;

export interface AdminVariant {
  id: string;
  productId: string;
  sku: string;
  gtin: string | null;
  name: string;
  uom: string;
  packSize: number;
  weightGrams: number | null;
  attributes: Record<string, string>;
  taxClass: string;
  status: VariantStatus;
  position: number;
  createdAt: string;
  updatedAt: string;
}

export interface AdminProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  brandId: string | null;
  categoryId: string | null;
  status: ProductStatus;
  attributes: Record<string, string>;
  images: string[];
  tags: string[];
  createdAt: string;
  updatedAt: string;
  variants: AdminVariant[];
}

const iso = (d: Date | string) => (d instanceof Date ? d.toISOString() : new Date(d).toISOString());

function toVariant(v: repo.VariantRow): AdminVariant {
  return {
    id: v.id,
    productId: v.productId,
    sku: v.sku,
    gtin: v.gtin,
    name: v.name,
    uom: v.uom,
    packSize: v.packSize,
    weightGrams: v.weightGrams,
    attributes: v.attributes,
    taxClass: v.taxClass,
    status: v.status,
    position: v.position,
    createdAt: iso(v.createdAt),
    updatedAt: iso(v.updatedAt),
  };
}

/** Shapes product rows with their variants (one query for all variants). */
export async function withVariants(ctx: Ctx, list: repo.AdminProductRow[]): Promise<AdminProduct[]> {
  const vs = await repo.variantsOf(ctx.db, list.map((p) => p.id));
  const byProduct = new Map<string, AdminVariant[]>();
  for (const v of vs) byProduct.set(v.productId, [...(byProduct.get(v.productId) ?? []), toVariant(v)]);
  return list.map((p) => ({ ...p, createdAt: iso(p.createdAt), updatedAt: iso(p.updatedAt), variants: byProduct.get(p.id) ?? [] }));
}

async function loadProduct(ctx: Ctx, id: string): Promise<AdminProduct> {
  const row = await repo.findProduct(ctx.db, id);
  if (!row) throw notFound('Product');
  const [p] = await withVariants(ctx, [row]);
  return p!;
}

/** Refuses SKUs repeated within the request or used by another variant; fields name the offending entry. */
async function checkSkus(ctx: Ctx, entries: { sku: string; field: string }[], exceptVariantId?: string): Promise<void> {
  const seen = new Set<string>();
  for (const e of entries) {
    const k = e.sku.toLowerCase();
    if (seen.has(k)) throw new AppError('SKU_TAKEN', `SKU ${e.sku} appears twice`, e.field);
    seen.add(k);
  }
  const taken = new Set((await repo.takenSkus(ctx.db, entries.map((e) => e.sku), exceptVariantId)).map((s) => s.toLowerCase()));
  const clash = entries.find((e) => taken.has(e.sku.toLowerCase()));
  if (clash) throw new AppError('SKU_TAKEN', `SKU ${clash.sku} is already in use`, clash.field);
}

async function checkRefs(ctx: Ctx, input: { brandId?: string | null | undefined; categoryId?: string | null | undefined }): Promise<void> {
  if (input.brandId && !(await repo.brandExists(ctx.db, input.brandId))) throw invalid('brandId', 'No brand has that id');
  if (input.categoryId && !(await repo.categoryExists(ctx.db, input.categoryId))) throw invalid('categoryId', 'No category has that id');
}

/** A free slug for a new product: the given one (refused if taken) or one derived from the name. */
async function chooseSlug(ctx: Ctx, given: string | undefined, name: string, exceptId?: string): Promise<string> {
  if (given) {
    if (await repo.slugTaken(ctx.db, given, exceptId)) throw new AppError('SLUG_TAKEN', `The slug ${given} is already in use`, 'slug');
    return given;
  }
  const base = slugify(name) || 'product';
  for (let n = 1; n < 50; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await repo.slugTaken(ctx.db, candidate, exceptId))) return candidate;
  }
  return `${base}-${newId('product').slice(-6)}`;
}

function variantRow(productId: string, v: VariantInput, position: number): repo.VariantInsert {
  return {
    id: newId('variant'),
    productId,
    sku: v.sku,
    gtin: v.gtin ?? null,
    name: v.name ?? '',
    uom: v.uom ?? 'each',
    packSize: v.packSize ?? 1,
    weightGrams: v.weightGrams ?? null,
    attributes: v.attributes ?? {},
    taxClass: v.taxClass ?? 'standard',
    status: v.status ?? 'active',
    position: v.position ?? position,
  };
}

/** Creates a product with its variants in one transaction. */
export async function createProduct(ctx: Ctx, input: ProductInput): Promise<AdminProduct> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      await checkRefs(tx, input);
      await checkSkus(tx, (input.variants ?? []).map((v, i) => ({ sku: v.sku, field: `variants[${i}].sku` })));
      const id = newId('product');
      const slug = await chooseSlug(tx, input.slug, input.name);
      await repo.insertProduct(tx.db, {
        id,
        slug,
        name: input.name,
        description: input.description ?? '',
        brandId: input.brandId ?? null,
        categoryId: input.categoryId ?? null,
        status: input.status ?? 'draft',
        attributes: input.attributes ?? {},
        images: input.images ?? [],
        tags: input.tags ?? [],
      });
      await repo.insertVariants(tx.db, (input.variants ?? []).map((v, i) => variantRow(id, v, i)));
      return loadProduct(tx, id);
    }),
  ));
}

export async function getProduct(ctx: Ctx, id: string): Promise<AdminProduct> {
  return loadProduct(ctx, id);
}

export async function updateProduct(ctx: Ctx, id: string, patch: ProductPatch): Promise<AdminProduct> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      if (!(await repo.findProduct(tx.db, id))) throw notFound('Product');
      await checkRefs(tx, patch);
      if (patch.slug !== undefined) await chooseSlug(tx, patch.slug, '', id);
      const { slug, name, description, brandId, categoryId, status, attributes, images, tags } = patch;
      const set = Object.fromEntries(Object.entries({ slug, name, description, brandId, categoryId, status, attributes, images, tags }).filter(([, v]) => v !== undefined));
      await repo.updateProduct(tx.db, id, { ...set, updatedAt: tx.clock.now() });
      return loadProduct(tx, id);
    }),
  ));
}

export async function deleteProduct(ctx: Ctx, id: string): Promise<void> {
  if (!(await afterWrite(ctx, repo.deleteProduct(ctx.db, id)))) throw notFound('Product');
}

export async function addVariant(ctx: Ctx, productId: string, input: VariantInput): Promise<AdminVariant> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      const product = await loadProduct(tx, productId);
      await checkSkus(tx, [{ sku: input.sku, field: 'sku' }]);
      const row = variantRow(productId, input, product.variants.length);
      await repo.insertVariants(tx.db, [row]);
      return toVariant((await repo.findVariant(tx.db, productId, row.id!))!);
    }),
  ));
}

export async function updateVariant(ctx: Ctx, productId: string, variantId: string, patch: VariantPatch): Promise<AdminVariant> {
  return afterWrite(ctx, guardUnique(() =>
    inTx(ctx, async (tx) => {
      if (!(await repo.findVariant(tx.db, productId, variantId))) throw notFound('Variant');
      if (patch.sku !== undefined) await checkSkus(tx, [{ sku: patch.sku, field: 'sku' }], variantId);
      const set = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
      await repo.updateVariant(tx.db, variantId, { ...set, updatedAt: tx.clock.now() });
      return toVariant((await repo.findVariant(tx.db, productId, variantId))!);
    }),
  ));
}

export async function deleteVariant(ctx: Ctx, productId: string, variantId: string): Promise<void> {
  await afterWrite(ctx, inTx(ctx, async (tx) => {
    if (!(await repo.findVariant(tx.db, productId, variantId))) throw notFound('Variant');
    await repo.deleteVariant(tx.db, variantId);
  }));
}

export interface ProductSummary {
  id: string;
  slug: string;
  name: string;
  status: string;
  brandId: string | null;
  categoryId: string | null;
  variantCount: number;
  updatedAt: string;
}

/** Staff product list, newest first, with a name fragment / SKU prefix filter. */
export async function listProducts(
  ctx: Ctx,
  q: { q?: string | undefined; status?: string | undefined; categoryId?: string | undefined; brandId?: string | undefined; limit?: number | undefined; cursor?: string | undefined },
): Promise<PageResult<ProductSummary>> {
  const limit = q.limit ?? 50;
  const key = decodeCursor(q.cursor);
  const beforeId = key && typeof key[0] === 'string' ? key[0] : undefined;
  if (key && !beforeId) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const found = await repo.listProducts(ctx.db, { q: q.q, status: q.status, categoryId: q.categoryId, brandId: q.brandId, beforeId, limit });
  const items = found.slice(0, limit).map((r) => ({ ...r, updatedAt: iso(r.updatedAt) }));
  const last = items[items.length - 1];
  return { items, nextCursor: found.length > limit && last ? encodeCursor([last.id]) : null };
}

/** Products (with variants) changed since a time, for integrations. */
export async function productsForSync(ctx: Ctx, q: { updatedSince?: string | undefined; limit?: number | undefined; cursor?: string | undefined }): Promise<PageResult<AdminProduct>> {
  const limit = q.limit ?? 50;
  const key = decodeCursor(q.cursor);
  const afterId = key && typeof key[0] === 'string' ? key[0] : undefined;
  if (key && !afterId) throw new AppError('BAD_CURSOR', undefined, 'cursor');
  const since = q.updatedSince ? new Date(q.updatedSince) : undefined;
  if (since && Number.isNaN(since.getTime())) throw invalid('updatedSince', 'updatedSince must be an ISO 8601 date-time');
  const found = await repo.productsChangedSince(ctx.db, since, afterId, limit);
  const items = await withVariants(ctx, found.slice(0, limit));
  const last = items[items.length - 1];
  return { items, nextCursor: found.length > limit && last ? encodeCursor([last.id]) : null };
}
