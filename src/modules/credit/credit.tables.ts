import { bigint, boolean, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { PaymentTermsCode } from './domain/terms.ts';

/** Drizzle views of the credit tables in `0011_checkout_settings.sql` (the SQL is the source of truth). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type OverLimitAction = 'block' | 'hold';
export type CreditRefKind = 'order' | 'invoice' | 'payment' | 'credit_memo' | 'adjustment';

export const creditAccounts = pgTable('credit_accounts', {
  companyId: text('company_id').primaryKey(),
  paymentTerms: text('payment_terms').$type<PaymentTermsCode>(),
  creditLimit: bigint('credit_limit', { mode: 'number' }),
  currency: text('currency').notNull(),
  overLimitAction: text('over_limit_action').$type<OverLimitAction>().notNull().default('block'),
  poRequired: boolean('po_required').notNull().default(false),
  allowNewShipTo: boolean('allow_new_ship_to').notNull().default(true),
  exposure: bigint('exposure', { mode: 'number' }).notNull().default(0),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const creditLedger = pgTable('credit_ledger', {
  id: text('id').primaryKey(),
  companyId: text('company_id').notNull(),
  refKind: text('ref_kind').$type<CreditRefKind>().notNull(),
  refId: text('ref_id').notNull(),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  exposureAfter: bigint('exposure_after', { mode: 'number' }).notNull(),
  reason: text('reason').notNull(),
  actorKind: text('actor_kind').$type<'buyer' | 'staff' | 'apiKey' | 'system'>().notNull(),
  actorId: text('actor_id'),
  at: ts('at').notNull().defaultNow(),
});

export const customerGroupPaymentTerms = pgTable('customer_group_payment_terms', {
  groupId: text('group_id').primaryKey(),
  paymentTerms: text('payment_terms').$type<PaymentTermsCode>().notNull(),
  priority: integer('priority').notNull().default(0),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
