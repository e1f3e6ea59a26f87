import { sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { DerivedRule, PriceListKind, PriceListStatus, PriceTier } from './domain/types.ts';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};

export type TargetType = 'everyone' | 'channel' | 'group' | 'company';

/** Mirrors `src/db/migrations/0006_pricing.sql` (the SQL is the source of truth). */
export const priceLists = pgTable('price_lists', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  currency: text('currency').notNull(),
  status: text('status').$type<PriceListStatus>().notNull().default('draft'),
  validFrom: timestamp('valid_from', { withTimezone: true }),
  validTo: timestamp('valid_to', { withTimezone: true }),
  priority: integer('priority').notNull().default(0),
  kind: text('kind').$type<PriceListKind>().notNull().default('standard'),
  derived: jsonb('derived').$type<DerivedRule>(),
  ...timestamps,
});

export const priceListTargets = pgTable(
  'price_list_targets',
  {
    listId: text('list_id').notNull().references(() => priceLists.id, { onDelete: 'cascade' }),
    type: text('type').$type<TargetType>().notNull(),
    targetId: text('target_id').notNull().default(''),
    includeDescendants: boolean('include_descendants').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.listId, t.type, t.targetId] })],
);

export const priceListEntries = pgTable(
  'price_list_entries',
  {
    listId: text('list_id').notNull().references(() => priceLists.id, { onDelete: 'cascade' }),
    variantId: text('variant_id').notNull(),
    unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
    tiers: jsonb('tiers').$type<PriceTier[]>().notNull().default(sql`'[]'::jsonb`),
    qtyMin: integer('qty_min'),
    qtyMax: integer('qty_max'),
    qtyIncrement: integer('qty_increment'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.listId, t.variantId] })],
);

export const contractPrices = pgTable('contract_prices', {
  id: text('id').primaryKey(),
  companyId: text('company_id').notNull(),
  variantId: text('variant_id').notNull(),
  currency: text('currency').notNull(),
  unitPrice: bigint('unit_price', { mode: 'number' }).notNull(),
  tiers: jsonb('tiers').$type<PriceTier[]>().notNull().default(sql`'[]'::jsonb`),
  reference: text('reference').notNull(),
  validTo: timestamp('valid_to', { withTimezone: true }).notNull(),
  ...timestamps,
});
