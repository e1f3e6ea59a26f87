import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { anyText } from '../../db/sql-arrays.ts';
import { rows } from './sql-rows.ts';

/** What other modules (pricing) need to know about a variant: its SKU and classification. */
export interface VariantFactsRow {
  variantId: string;
  sku: string;
  productId: string;
  productName: string;
  /** The product's category and all its ancestors (empty without a category). */
  categoryIds: string[];
  brandId: string | null;
  tags: string[];
}

/**
 * Facts of the given variants, found by id or by SKU (case-insensitive), in one query. Unknown
 * ids and SKUs are simply absent from the answer.
 */
export async function variantFacts(ctx: Ctx, by: { ids?: readonly string[]; skus?: readonly string[] }): Promise<VariantFactsRow[]> {
  const ids = by.ids ?? [];
  const skus = (by.skus ?? []).map((s) => s.toLowerCase());
  if (ids.length === 0 && skus.length === 0) return [];
  const found = await rows<{ id: string; sku: string; product_id: string; product_name: string; brand_id: string | null; tags: string[] | null; category_path: string | null }>(
    ctx.db,
    sql`select v.id, v.sku, v.product_id, p.name as product_name, p.brand_id, p.tags, c.path as category_path
          from variants v join products p on p.id = v.product_id left join categories c on c.id = p.category_id
         where ${anyText(sql`v.id`, ids)} or ${anyText(sql`lower(v.sku)`, skus)}`,
  );
  return found.map((r) => ({
    variantId: r.id,
    sku: r.sku,
    productId: r.product_id,
    productName: r.product_name,
    // The path lists ids from the root down to the category itself, each followed by '/'.
    categoryIds: (r.category_path ?? '').split('/').filter((s) => s !== ''),
    brandId: r.brand_id,
    tags: r.tags ?? [],
  }));
}
