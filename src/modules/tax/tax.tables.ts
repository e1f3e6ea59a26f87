import { date, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the tax tables in `0011_checkout_settings.sql` (the SQL is the source of truth). */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const taxRates = pgTable('tax_rates', {
  id: text('id').primaryKey(),
  country: text('country').notNull(),
  /** null = the whole country. */
  region: text('region'),
  taxClass: text('tax_class').notNull(),
  rateBp: integer('rate_bp').notNull(),
  label: text('label').notNull(),
  validFrom: ts('valid_from'),
  validTo: ts('valid_to'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const companyTaxExemptions = pgTable('company_tax_exemptions', {
  companyId: text('company_id').primaryKey(),
  certificateNumber: text('certificate_number').notNull(),
  /** 'YYYY-MM-DD'; the exemption holds through this day (UTC). */
  expiresOn: date('expires_on', { mode: 'string' }).notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});
