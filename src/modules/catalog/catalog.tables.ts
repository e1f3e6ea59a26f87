import { sql } from 'drizzle-orm';
import { boolean, customType, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Postgres tsvector; maintained by a trigger, never written by the application. */
const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

/** Mirrors `src/db/migrations/0004_catalog.sql` (the SQL is the source of truth). */
export const brands = pgTable('brands', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  ...timestamps,
});

export const categories = pgTable('categories', {
  id: text('id').primaryKey(),
  parentId: text('parent_id'),
  name: text('name').notNull(),
  slug: text('slug').notNull(),
  position: integer('position').notNull().default(0),
  /** Ids from the root down to this category, each followed by '/'; derived on insert when omitted. */
  path: text('path').notNull().default(''),
  depth: integer('depth').notNull().default(0),
  ...timestamps,
});

export const products = pgTable('products', {
  id: text('id').primaryKey(),
  slug: text('slug').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  brandId: text('brand_id').references(() => brands.id),
  categoryId: text('category_id').references(() => categories.id),
  status: text('status').$type<ProductStatus>().notNull().default('draft'),
  attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  images: text('images').array().notNull().default(sql`'{}'::text[]`),
  tags: text('tags').array().notNull().default(sql`'{}'::text[]`),
  searchDoc: tsvector('search_doc'),
  searchName: text('search_name'),
  attrTerms: text('attr_terms').array().notNull().default(sql`'{}'::text[]`),
  ...timestamps,
});

export const variants = pgTable('variants', {
  id: text('id').primaryKey(),
  productId: text('product_id')
    .notNull()
    .references(() => products.id, { onDelete: 'cascade' }),
  sku: text('sku').notNull(),
  gtin: text('gtin'),
  name: text('name').notNull().default(''),
  uom: text('uom').notNull().default('each'),
  packSize: integer('pack_size').notNull().default(1),
  weightGrams: integer('weight_grams'),
  attributes: jsonb('attributes').$type<Record<string, string>>().notNull().default(sql`'{}'::jsonb`),
  taxClass: text('tax_class').notNull().default('standard'),
  status: text('status').$type<VariantStatus>().notNull().default('active'),
  position: integer('position').notNull().default(0),
  ...timestamps,
});

export const warehouses = pgTable('warehouses', {
  id: text('id').primaryKey(),
  code: text('code').notNull(),
  name: text('name').notNull(),
  country: text('country').notNull(),
  ...timestamps,
});

export const inventory = pgTable(
  'inventory',
  {
    variantId: text('variant_id')
      .notNull()
      .references(() => variants.id, { onDelete: 'cascade' }),
    warehouseId: text('warehouse_id')
      .notNull()
      .references(() => warehouses.id),
    onHand: integer('on_hand').notNull().default(0),
    reserved: integer('reserved').notNull().default(0),
    backorder: boolean('backorder').notNull().default(false),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.variantId, t.warehouseId] })],
);

export type ProductStatus = 'draft' | 'active' | 'archived';
export type VariantStatus = 'active' | 'inactive';
