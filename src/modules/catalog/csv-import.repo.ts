import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { newId } from '../../lib/ids.ts';
import { anyText, textArray } from '../../db/sql-arrays.ts';
import { slugify } from './domain/slug.ts';
import { rows } from './sql-rows.ts';

/** Set-based statements for one import batch: a few queries per batch, never one per row. */

export async function categoryIdsBySlug(db: Db, slugs: readonly string[]): Promise<Map<string, string>> {
  if (!slugs.length) return new Map();
  const found = await rows<{ id: string; slug: string }>(db, sql`select id, slug from categories where ${anyText(sql`slug`, [...slugs])}`);
  return new Map(found.map((r) => [r.slug, r.id]));
}

/** Brand ids by lower-cased name, creating the brands that do not exist yet. */
export async function ensureBrands(db: Db, names: readonly string[]): Promise<Map<string, string>> {
  if (!names.length) return new Map();
  const lookup = async () =>
    new Map(
      (await rows<{ id: string; k: string }>(db, sql`select id, lower(name) as k from brands where ${anyText(sql`lower(name)`, names.map((n) => n.toLowerCase()))}`)).map((r) => [
        r.k,
        r.id,
      ]),
    );
  const found = await lookup();
  const missing = [...new Map(names.filter((n) => !found.has(n.toLowerCase())).map((n) => [n.toLowerCase(), n])).values()];
  if (!missing.length) return found;
  const values = missing.map((name) => {
    const id = newId('brand');
    // The id's random tail keeps the slug unique even when two names slugify alike.
    return sql`(${id}, ${name}, ${`${slugify(name, 100) || 'brand'}-${id.slice(-6)}`})`;
  });
  await db.execute(sql`insert into brands (id, name, slug) values ${sql.join(values, sql`, `)} on conflict do nothing`);
  return lookup();
}

/** Existing variants by lower-cased SKU, with their product. */
export async function variantsBySku(db: Db, skus: readonly string[]): Promise<Map<string, { id: string; productId: string; productSlug: string }>> {
  if (!skus.length) return new Map();
  const found = await rows<{ id: string; k: string; product_id: string; slug: string }>(
    db,
    sql`select v.id, lower(v.sku) as k, v.product_id, p.slug from variants v join products p on p.id = v.product_id
        where ${anyText(sql`lower(v.sku)`, skus.map((s) => s.toLowerCase()))}`,
  );
  return new Map(found.map((r) => [r.k, { id: r.id, productId: r.product_id, productSlug: r.slug }]));
}

export interface ProductUpsert {
  slug: string;
  name: string;
  description: string | null;
  categoryId: string | null;
  brandId: string | null;
  status: string | null;
  images: string[] | null;
  attributes: Record<string, string> | null;
}

/** Which optional columns the file carries: an absent column leaves existing values alone. */
export interface PresentColumns {
  description: boolean;
  category: boolean;
  brand: boolean;
  status: boolean;
  images: boolean;
  productAttributes: boolean;
}

/** Inserts or updates products by slug (one statement); returns, by slug, the id and whether it is new. */
export async function upsertProducts(db: Db, list: readonly ProductUpsert[], present: PresentColumns): Promise<Map<string, { id: string; inserted: boolean }>> {
  if (!list.length) return new Map();
  const values = list.map(
    (p) =>
      sql`(${newId('product')}, ${p.slug}, ${p.name}, ${p.description ?? ''}, ${p.categoryId}, ${p.brandId}, ${p.status ?? 'draft'},
           ${textArray(p.images ?? [])}, ${JSON.stringify(p.attributes ?? {})}::jsonb)`,
  );
  const columns = ['name'];
  if (present.description) columns.push('description');
  if (present.category) columns.push('category_id');
  if (present.brand) columns.push('brand_id');
  if (present.status) columns.push('status');
  if (present.images) columns.push('images');
  if (present.productAttributes) columns.push('attributes');
  const set = sql.raw([...columns.map((c) => `${c} = excluded.${c}`), 'updated_at = now()'].join(', '));
  // Unchanged rows are not rewritten: re-importing an export costs reads, not trigger work.
  const changed = sql.raw(`(${columns.map((c) => `products.${c}`).join(', ')}) is distinct from (${columns.map((c) => `excluded.${c}`).join(', ')})`);
  const out = await rows<{ id: string; slug: string; inserted: boolean }>(
    db,
    sql`insert into products (id, slug, name, description, category_id, brand_id, status, images, attributes)
        values ${sql.join(values, sql`, `)}
        on conflict (slug) do update set ${set} where ${changed}
        returning id, slug, (xmax = 0) as inserted`,
  );
  // Unchanged products are not returned; look their ids up.
  const missing = list.filter((p) => !out.some((r) => r.slug === p.slug)).map((p) => p.slug);
  if (missing.length) {
    const found = await rows<{ id: string; slug: string }>(db, sql`select id, slug from products where ${anyText(sql`slug`, missing)}`);
    out.push(...found.map((r) => ({ ...r, inserted: false })));
  }
  return new Map(out.map((r) => [r.slug, { id: r.id, inserted: r.inserted }]));
}

export interface VariantUpsert {
  productId: string;
  sku: string;
  gtin: string | null;
  name: string;
  uom: string;
  packSize: number;
  weightGrams: number | null;
  taxClass: string;
  attributes: Record<string, string>;
  position: number;
}

/**
 * Inserts or updates variants by SKU (case-insensitive, one statement); returns, by lower-cased
 * SKU, whether it is new. Unchanged variants are skipped and absent from the map.
 */
export async function upsertVariants(db: Db, list: readonly VariantUpsert[]): Promise<Map<string, boolean>> {
  if (!list.length) return new Map();
  const values = list.map(
    (v) =>
      sql`(${newId('variant')}, ${v.productId}, ${v.sku}, ${v.gtin}, ${v.name}, ${v.uom}, ${v.packSize}::int, ${v.weightGrams}::int,
           ${v.taxClass}, ${JSON.stringify(v.attributes)}::jsonb, ${v.position}::int)`,
  );
  const out = await rows<{ k: string; inserted: boolean }>(
    db,
    sql`insert into variants (id, product_id, sku, gtin, name, uom, pack_size, weight_grams, tax_class, attributes, position)
        values ${sql.join(values, sql`, `)}
        on conflict ((lower(sku))) do update set sku = excluded.sku, gtin = excluded.gtin, name = excluded.name, uom = excluded.uom,
          pack_size = excluded.pack_size, weight_grams = excluded.weight_grams, tax_class = excluded.tax_class,
          attributes = excluded.attributes, updated_at = now()
        where (variants.sku, variants.gtin, variants.name, variants.uom, variants.pack_size, variants.weight_grams, variants.tax_class, variants.attributes)
          is distinct from (excluded.sku, excluded.gtin, excluded.name, excluded.uom, excluded.pack_size, excluded.weight_grams, excluded.tax_class, excluded.attributes)
        returning lower(sku) as k, (xmax = 0) as inserted`,
  );
  return new Map(out.map((r) => [r.k, r.inserted]));
}

export interface ExportRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  status: string;
  images: string[];
  attributes: Record<string, string>;
  category_slug: string | null;
  brand: string | null;
  sku: string | null;
  gtin: string | null;
  variant_name: string | null;
  uom: string | null;
  pack_size: number | null;
  weight_grams: number | null;
  tax_class: string | null;
  variant_attributes: Record<string, string> | null;
}

/** A chunk of products after `afterId` (by id), each with all its variants (or one row without). */
export async function exportChunk(db: Db, afterId: string | null, productLimit: number): Promise<ExportRow[]> {
  return rows<ExportRow>(
    db,
    sql`with ps as (select * from products where ${afterId ? sql`id > ${afterId}` : sql`true`} order by id limit ${productLimit})
        select ps.id, ps.slug, ps.name, ps.description, ps.status, ps.images, ps.attributes,
          c.slug as category_slug, b.name as brand,
          v.sku, v.gtin, v.name as variant_name, v.uom, v.pack_size, v.weight_grams, v.tax_class, v.attributes as variant_attributes
        from ps left join categories c on c.id = ps.category_id left join brands b on b.id = ps.brand_id
        left join variants v on v.product_id = ps.id
        order by ps.id, v.position, v.id`,
  );
}
