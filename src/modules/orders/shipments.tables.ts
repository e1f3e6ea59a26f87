import { foreignKey, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the tables in `0014_shipments.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const shipments = pgTable('shipments', {
  id: text('id').primaryKey(),
  orderId: text('order_id').notNull(),
  companyId: text('company_id').notNull(),
  seq: integer('seq').notNull(),
  number: text('number').notNull(),
  status: text('status').notNull(),
  carrier: text('carrier').notNull(),
  trackingNumber: text('tracking_number'),
  trackingUrl: text('tracking_url'),
  warehouseId: text('warehouse_id'),
  externalId: text('external_id'),
  createdByKind: text('created_by_kind').notNull(),
  createdById: text('created_by_id'),
  shippedAt: ts('shipped_at').notNull(),
  deliveredAt: ts('delivered_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const shipmentLines = pgTable(
  'shipment_lines',
  {
    shipmentId: text('shipment_id').notNull(),
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    quantity: integer('quantity').notNull(),
  },
  (t) => [primaryKey({ columns: [t.shipmentId, t.lineNo] }), foreignKey({ columns: [t.shipmentId], foreignColumns: [shipments.id] })],
);

export const trackingEvents = pgTable('tracking_events', {
  id: text('id').primaryKey(),
  shipmentId: text('shipment_id').notNull(),
  externalId: text('external_id'),
  status: text('status').notNull(),
  description: text('description'),
  location: text('location'),
  occurredAt: ts('occurred_at').notNull(),
  sourceKind: text('source_kind').notNull(),
  sourceId: text('source_id'),
  recordedAt: ts('recorded_at').notNull().defaultNow(),
});
