import { boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the tables in `0008_shared_catalogs.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type CatalogStatus = 'draft' | 'active';
export type RuleEffect = 'include' | 'exclude';
export type RuleKind = 'category' | 'product' | 'brand' | 'tag';
export type AssignmentType = 'everyone' | 'group' | 'company';

export const sharedCatalogs = pgTable('shared_catalogs', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  status: text('status').$type<CatalogStatus>().notNull().default('draft'),
  version: integer('version').notNull().default(1),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const sharedCatalogRules = pgTable('shared_catalog_rules', {
  catalogId: text('catalog_id').notNull(),
  effect: text('effect').$type<RuleEffect>().notNull(),
  kind: text('kind').$type<RuleKind>().notNull(),
  categoryId: text('category_id'),
  productId: text('product_id'),
  brandId: text('brand_id'),
  tag: text('tag'),
});

export const sharedCatalogAssignments = pgTable('shared_catalog_assignments', {
  catalogId: text('catalog_id').notNull(),
  type: text('type').$type<AssignmentType>().notNull(),
  groupId: text('group_id'),
  companyId: text('company_id'),
  includeDescendants: boolean('include_descendants').notNull().default(false),
});
