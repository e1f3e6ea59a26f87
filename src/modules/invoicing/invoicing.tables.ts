import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { InvoiceStatus } from './domain/settlement.ts';

/** Drizzle views of the invoicing tables in `0015_invoicing.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const minor = (name: string) => bigint(name, { mode: 'number' });

export interface PartySnapshot {
  legalName: string;
  vatId: string | null;
  address: string[];
  country: string | null;
  email?: string | null;
}

export const invoices = pgTable('invoices', {
  id: text('id').primaryKey(),
  number: text('number').notNull(),
  companyId: text('company_id').notNull(),
  orderId: text('order_id').notNull(),
  orderNumber: text('order_number').notNull(),
  shipmentId: text('shipment_id'),
  status: text('status').$type<InvoiceStatus>().notNull(),
  currency: text('currency').notNull(),
  subtotal: minor('subtotal').notNull(),
  shippingTotal: minor('shipping_total').notNull().default(0),
  taxTotal: minor('tax_total').notNull().default(0),
  total: minor('total').notNull(),
  amountPaid: minor('amount_paid').notNull().default(0),
  amountCredited: minor('amount_credited').notNull().default(0),
  paymentTerms: text('payment_terms'),
  poNumber: text('po_number'),
  buyer: jsonb('buyer').$type<PartySnapshot>().notNull(),
  seller: jsonb('seller').$type<PartySnapshot>().notNull(),
  locale: text('locale').notNull().default('en'),
  issuedAt: ts('issued_at').notNull(),
  dueAt: ts('due_at').notNull(),
  paidAt: ts('paid_at'),
  overdueAt: ts('overdue_at'),
  voidedAt: ts('voided_at'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const invoiceLines = pgTable(
  'invoice_lines',
  {
    invoiceId: text('invoice_id').notNull(),
    lineNo: integer('line_no').notNull(),
    kind: text('kind').$type<'item' | 'shipping'>().notNull(),
    orderLineNo: integer('order_line_no'),
    sku: text('sku'),
    name: text('name').notNull(),
    quantity: integer('quantity').notNull(),
    unitPrice: minor('unit_price').notNull(),
    lineTotal: minor('line_total').notNull(),
    taxRateBp: integer('tax_rate_bp').notNull().default(0),
    taxAmount: minor('tax_amount').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.invoiceId, t.lineNo] })],
);

export const invoicePayments = pgTable(
  'invoice_payments',
  {
    paymentId: text('payment_id').notNull(),
    invoiceId: text('invoice_id').notNull(),
    amount: minor('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.paymentId, t.invoiceId] })],
);

export interface CreditMemoLine {
  orderLineNo?: number | null;
  sku?: string | null;
  name: string;
  quantity: number;
  amount: number;
}

export const creditMemos = pgTable('credit_memos', {
  id: text('id').primaryKey(),
  number: text('number').notNull(),
  companyId: text('company_id').notNull(),
  orderId: text('order_id'),
  returnId: text('return_id'),
  currency: text('currency').notNull(),
  amount: minor('amount').notNull(),
  amountApplied: minor('amount_applied').notNull().default(0),
  reason: text('reason').notNull(),
  lines: jsonb('lines').$type<CreditMemoLine[]>().notNull().default([]),
  issuedAt: ts('issued_at').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const creditMemoApplications = pgTable(
  'credit_memo_applications',
  {
    creditMemoId: text('credit_memo_id').notNull(),
    invoiceId: text('invoice_id').notNull(),
    amount: minor('amount').notNull(),
  },
  (t) => [primaryKey({ columns: [t.creditMemoId, t.invoiceId] })],
);
