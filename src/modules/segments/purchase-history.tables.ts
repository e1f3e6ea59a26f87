import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import type { MoneyByCurrency } from './domain/facts.ts';

/** Drizzle views of the tables in `0009_purchase_history.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const moneyMap = (name: string) => jsonb(name).$type<MoneyByCurrency>().notNull().default({});

export const purchaseOrders = pgTable(
  'purchase_orders',
  {
    id: text('id').primaryKey(),
    companyId: text('company_id').notNull(),
    source: text('source').notNull(),
    externalRef: text('external_ref').notNull(),
    orderedAt: ts('ordered_at').notNull(),
    currency: text('currency').notNull(),
    total: bigint('total', { mode: 'number' }).notNull(),
    status: text('status').notNull().default('placed'),
    createdAt: ts('created_at').notNull().defaultNow(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [unique().on(t.source, t.externalRef)],
);

export const purchaseOrderLines = pgTable(
  'purchase_order_lines',
  {
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    variantId: text('variant_id'),
    sku: text('sku').notNull(),
    categoryId: text('category_id'),
    categorySlug: text('category_slug'),
    brandSlug: text('brand_slug'),
    quantity: integer('quantity').notNull(),
    amount: bigint('amount', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] })],
);

export const purchaseOpenQuotes = pgTable('purchase_open_quotes', {
  quoteId: text('quote_id').primaryKey(),
  companyId: text('company_id').notNull(),
  openedAt: ts('opened_at').notNull(),
});

export const purchaseOverdueInvoices = pgTable('purchase_overdue_invoices', {
  invoiceId: text('invoice_id').primaryKey(),
  companyId: text('company_id').notNull(),
  currency: text('currency').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  dueAt: ts('due_at').notNull(),
});

export const companyMetrics = pgTable('company_metrics', {
  companyId: text('company_id').primaryKey(),
  spend30d: moneyMap('spend_30d'),
  spend90d: moneyMap('spend_90d'),
  spend365d: moneyMap('spend_365d'),
  spendLifetime: moneyMap('spend_lifetime'),
  orderCount30d: integer('order_count_30d').notNull().default(0),
  orderCount90d: integer('order_count_90d').notNull().default(0),
  orderCount365d: integer('order_count_365d').notNull().default(0),
  orderCountLifetime: integer('order_count_lifetime').notNull().default(0),
  averageOrderValue: moneyMap('average_order_value'),
  firstOrderAt: ts('first_order_at'),
  lastOrderAt: ts('last_order_at'),
  categoriesBought: text('categories_bought').array().notNull().default([]),
  brandsBought: text('brands_bought').array().notNull().default([]),
  openQuoteCount: integer('open_quote_count').notNull().default(0),
  overdueInvoiceAmount: moneyMap('overdue_invoice_amount'),
  asOf: ts('as_of').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * Drizzle view of `0019_purchase_bought.sql`: per company and (category, brand) combination, how many
 * counted orders hold it. Maintained by triggers on the order tables; read-only for the application.
 */
export const purchaseBought = pgTable('purchase_bought', {
  companyId: text('company_id').notNull(),
  categoryId: text('category_id'),
  categorySlug: text('category_slug'),
  brandSlug: text('brand_slug'),
  orders: integer('orders').notNull(),
});
