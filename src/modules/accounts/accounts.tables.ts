import { boolean, foreignKey, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the tables in `0002_accounts.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const staffUsers = pgTable('staff_users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  role: text('role').notNull(),
  passwordHash: text('password_hash'),
  status: text('status').notNull().default('active'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const companies = pgTable('companies', {
  id: text('id').primaryKey(),
  parentId: text('parent_id'),
  /** Ancestor ids from the root to this company itself; filled by a trigger on insert. */
  path: text('path').array().notNull(),
  depth: integer('depth').notNull(),
  legalName: text('legal_name').notNull(),
  taxId: text('tax_id'),
  industry: text('industry'),
  country: text('country').notNull(),
  region: text('region'),
  currency: text('currency').notNull(),
  timezone: text('timezone').notNull().default('UTC'),
  locale: text('locale').notNull().default('en'),
  tags: text('tags').array().notNull().default([]),
  customFields: jsonb('custom_fields').$type<Record<string, unknown>>().notNull().default({}),
  status: text('status').notNull().default('active'),
  salesRepId: text('sales_rep_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const companyLocations = pgTable('company_locations', {
  id: text('id').primaryKey(),
  companyId: text('company_id').notNull(),
  name: text('name').notNull(),
  line1: text('line1').notNull(),
  line2: text('line2'),
  city: text('city').notNull(),
  region: text('region'),
  postalCode: text('postal_code'),
  country: text('country').notNull(),
  phone: text('phone'),
  isBillTo: boolean('is_bill_to').notNull().default(false),
  isShipTo: boolean('is_ship_to').notNull().default(true),
  isDefault: boolean('is_default').notNull().default(false),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const companyUsers = pgTable('company_users', {
  id: text('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name').notNull(),
  locale: text('locale').notNull().default('en'),
  passwordHash: text('password_hash'),
  status: text('status').notNull().default('active'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const companyMemberships = pgTable(
  'company_memberships',
  {
    userId: text('user_id').notNull(),
    companyId: text('company_id').notNull(),
    role: text('role').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.companyId] })],
);

export const companyMembershipLocations = pgTable(
  'company_membership_locations',
  {
    userId: text('user_id').notNull(),
    companyId: text('company_id').notNull(),
    locationId: text('location_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.companyId, t.locationId] }),
    foreignKey({ columns: [t.userId, t.companyId], foreignColumns: [companyMemberships.userId, companyMemberships.companyId] }),
  ],
);
