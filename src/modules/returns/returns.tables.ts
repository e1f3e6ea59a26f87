import { sql } from 'drizzle-orm';
import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the return tables in `0016_returns.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => bigint(name, { mode: 'number' });

export const returnRequests = pgTable('return_requests', {
  id: text('id').primaryKey(),
  number: text('number').notNull(),
  companyId: text('company_id').notNull(),
  orderId: text('order_id').notNull(),
  orderNumber: text('order_number').notNull(),
  status: text('status').notNull(),
  currency: text('currency').notNull(),
  requestedBy: text('requested_by'),
  requestedByName: text('requested_by_name'),
  comment: text('comment'),
  decisionReason: text('decision_reason'),
  restockWarehouseId: text('restock_warehouse_id'),
  resolution: text('resolution'),
  resolutionAmount: money('resolution_amount'),
  resolutionRef: text('resolution_ref'),
  locale: text('locale').notNull().default('en'),
  requestedAt: ts('requested_at').notNull(),
  decidedAt: ts('decided_at'),
  receivedAt: ts('received_at'),
  resolvedAt: ts('resolved_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const returnLines = pgTable(
  'return_lines',
  {
    returnId: text('return_id').notNull(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    variantId: text('variant_id'),
    quantity: integer('quantity').notNull(),
    quantityReceived: integer('quantity_received'),
    reason: text('reason').notNull(),
    unitPrice: money('unit_price').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.returnId, t.lineNo] })],
);

export const returnEvents = pgTable('return_events', {
  id: text('id').primaryKey(),
  returnId: text('return_id').notNull(),
  type: text('type').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  at: ts('at').notNull().defaultNow(),
});
