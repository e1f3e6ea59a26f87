import { bigint, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the payment tables in `0015_invoicing.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });
const minor = (name: string) => bigint(name, { mode: 'number' });

export type PaymentMethod = 'card' | 'bank_transfer' | 'cash' | 'cheque' | 'other';
export type PaymentStatus = 'authorized' | 'captured' | 'partially_refunded' | 'refunded';
export type PaysKind = 'order' | 'invoices';

export const payments = pgTable('payments', {
  id: text('id').primaryKey(),
  companyId: text('company_id'),
  provider: text('provider').notNull(),
  reference: text('reference').notNull(),
  providerRef: text('provider_ref'),
  method: text('method').$type<PaymentMethod>().notNull(),
  status: text('status').$type<PaymentStatus>().notNull(),
  paysKind: text('pays_kind').$type<PaysKind>().notNull(),
  paysId: text('pays_id'),
  amount: minor('amount').notNull(),
  amountRefunded: minor('amount_refunded').notNull().default(0),
  currency: text('currency').notNull(),
  cardBrand: text('card_brand'),
  cardLast4: text('card_last4'),
  externalRef: text('external_ref'),
  note: text('note'),
  receivedAt: ts('received_at').notNull().defaultNow(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const paymentRefunds = pgTable('payment_refunds', {
  id: text('id').primaryKey(),
  paymentId: text('payment_id').notNull(),
  amount: minor('amount').notNull(),
  providerRef: text('provider_ref'),
  reason: text('reason'),
  createdAt: ts('created_at').notNull().defaultNow(),
});
