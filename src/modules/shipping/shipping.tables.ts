import { bigint, boolean, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the shipping tables in `0011_checkout_settings.sql` (the SQL is the source of truth). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const shippingMethods = pgTable('shipping_methods', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  carrier: text('carrier').notNull(),
  currency: text('currency').notNull(),
  freeThreshold: bigint('free_threshold', { mode: 'number' }),
  estDaysMin: integer('est_days_min').notNull(),
  estDaysMax: integer('est_days_max').notNull(),
  active: boolean('active').notNull().default(true),
  position: integer('position').notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const shippingMethodZones = pgTable(
  'shipping_method_zones',
  {
    methodId: text('method_id').notNull(),
    country: text('country').notNull(),
    /** '' = the whole country. */
    region: text('region').notNull().default(''),
  },
  (t) => [primaryKey({ columns: [t.methodId, t.country, t.region] })],
);

export const shippingRateBands = pgTable(
  'shipping_rate_bands',
  {
    methodId: text('method_id').notNull(),
    maxGrams: integer('max_grams').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.methodId, t.maxGrams] })],
);
