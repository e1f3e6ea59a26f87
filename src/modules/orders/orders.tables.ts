import { sql } from 'drizzle-orm';
import { bigint, boolean, date, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the tables in `0013_orders.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const money = (name: string) => bigint(name, { mode: 'number' });

/** The ship-to address frozen on the order (a copy, so later edits to the location do not rewrite history). */
export interface ShipToSnapshot {
  locationId: string | null;
  name: string;
  line1: string;
  line2: string | null;
  city: string;
  region: string | null;
  postalCode: string | null;
  country: string;
  phone: string | null;
}

export const orders = pgTable('orders', {
  id: text('id').primaryKey(),
  number: text('number').notNull(),
  companyId: text('company_id').notNull(),
  placedBy: text('placed_by'),
  placedByStaff: text('placed_by_staff'),
  cartId: text('cart_id'),
  status: text('status').notNull(),
  currency: text('currency').notNull(),
  subtotal: money('subtotal').notNull(),
  shippingTotal: money('shipping_total').notNull().default(0),
  taxTotal: money('tax_total').notNull().default(0),
  total: money('total').notNull(),
  paymentMethod: text('payment_method').notNull(),
  paymentTerms: text('payment_terms'),
  paymentId: text('payment_id'),
  poNumber: text('po_number'),
  requestedDeliveryDate: date('requested_delivery_date', { mode: 'string' }),
  notes: text('notes'),
  shipTo: jsonb('ship_to').$type<ShipToSnapshot>().notNull(),
  shippingMethodId: text('shipping_method_id'),
  shippingMethodName: text('shipping_method_name'),
  taxExempt: boolean('tax_exempt').notNull().default(false),
  vatId: text('vat_id'),
  locale: text('locale').notNull().default('en'),
  placedAt: ts('placed_at').notNull().defaultNow(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const orderLines = pgTable(
  'order_lines',
  {
    orderId: text('order_id').notNull(),
    lineNo: integer('line_no').notNull(),
    variantId: text('variant_id'),
    sku: text('sku').notNull(),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: money('unit_price').notNull(),
    lineTotal: money('line_total').notNull(),
    taxClass: text('tax_class').notNull().default('standard'),
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    taxAmount: money('tax_amount').notNull().default(0),
    priceSource: text('price_source'),
    weightGrams: integer('weight_grams'),
    quantityShipped: integer('quantity_shipped').notNull().default(0),
    quantityReturned: integer('quantity_returned').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.lineNo] })],
);

/** Stock held for an order in one warehouse: its lines and their quantities, side by side (0023). */
export const orderReservations = pgTable(
  'order_reservations',
  {
    orderId: text('order_id').notNull(),
    warehouseId: text('warehouse_id').notNull(),
    lineNos: integer('line_nos').array().notNull(),
    quantities: integer('quantities').array().notNull(),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.warehouseId] })],
);

export const orderEvents = pgTable('order_events', {
  id: text('id').primaryKey(),
  orderId: text('order_id').notNull(),
  type: text('type').notNull(),
  fromStatus: text('from_status'),
  toStatus: text('to_status'),
  actorKind: text('actor_kind').notNull(),
  actorId: text('actor_id'),
  actorName: text('actor_name'),
  detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
  at: ts('at').notNull().defaultNow(),
});
