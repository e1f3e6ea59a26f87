import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { CategoryRow } from './domain/category-tree.ts';
import { rows } from './sql-rows.ts';

/** Read queries behind the storefront: the category tree and the product page. */

/** Every category with the number of active (and, given a predicate over `p`, visible) products directly in it. */
export async function categoryRows(db: Db, visibility?: SQL): Promise<CategoryRow[]> {
  return rows<CategoryRow>(
    db,
    sql`select c.id, c.parent_id as "parentId", c.name, c.slug, c.position,
          coalesce(n.count, 0)::int as "directCount"
        from categories c
        left join (select p.category_id, count(*) as count from products p where p.status = 'active' and ${visibility ?? sql`true`} group by p.category_id) n
          on n.category_id = c.id`,
  );
}

export interface StoreProductRow {
  id: string;
  slug: string;
  name: string;
  description: string;
  attributes: Record<string, string>;
  images: string[];
  brand_id: string | null;
  brand_name: string | null;
  category_id: string | null;
  category_name: string | null;
  category_path: string | null;
}

/** An active (and, given a predicate over `p`, visible) product by id or slug; others are not found. */
export async function activeProduct(db: Db, idOrSlug: string, visibility?: SQL): Promise<StoreProductRow | undefined> {
  const [row] = await rows<StoreProductRow>(
    db,
    sql`select p.id, p.slug, p.name, p.description, p.attributes, p.images,
          b.id as brand_id, b.name as brand_name, c.id as category_id, c.name as category_name, c.path as category_path
        from products p left join brands b on b.id = p.brand_id left join categories c on c.id = p.category_id
        where (p.id = ${idOrSlug} or p.slug = ${idOrSlug}) and p.status = 'active' and ${visibility ?? sql`true`}
        limit 1`,
  );
  return row;
}

/** The categories on a materialised path, root first. */
export async function categoriesOnPath(db: Db, path: string): Promise<{ id: string; name: string; slug: string }[]> {
  const ids = path.split('/').filter(Boolean);
  if (!ids.length) return [];
  return rows(
    db,
    sql`select id, name, slug from categories where id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)}) order by depth`,
  );
}

export interface StoreVariantRow {
  id: string;
  sku: string;
  gtin: string | null;
  name: string;
  uom: string;
  packSize: number;
  weightGrams: number | null;
  attributes: Record<string, string>;
  status: 'active' | 'inactive';
  available: number;
}

/** A product's active variants with stock available across all warehouses. */
export async function activeVariantsWithStock(db: Db, productId: string): Promise<StoreVariantRow[]> {
  return rows<StoreVariantRow>(
    db,
    sql`select v.id, v.sku, v.gtin, v.name, v.uom, v.pack_size as "packSize", v.weight_grams as "weightGrams",
          v.attributes, v.status,
          coalesce((select sum(greatest(i.on_hand - i.reserved, 0)) from inventory i where i.variant_id = v.id), 0)::int as available
        from variants v
        where v.product_id = ${productId} and v.status = 'active'
        order by v.position, v.id`,
  );
}
