import { bigint, boolean, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the tables in `0005_segments.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export const customerGroups = pgTable('customer_groups', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  ruleSource: text('rule_source'),
  ruleAst: jsonb('rule_ast').$type<unknown>(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const customerGroupStaticMembers = pgTable(
  'customer_group_static_members',
  {
    groupId: text('group_id').notNull(),
    companyId: text('company_id').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.companyId] })],
);

export const customerGroupMembers = pgTable(
  'customer_group_members',
  {
    groupId: text('group_id').notNull(),
    companyId: text('company_id').notNull(),
    since: ts('since').notNull().defaultNow(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupId, t.companyId] })],
);

export const customerGroupMembershipLog = pgTable('customer_group_membership_log', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  groupId: text('group_id').notNull(),
  companyId: text('company_id').notNull(),
  change: text('change').notNull(),
  reason: text('reason').notNull(),
  at: ts('at').notNull().defaultNow(),
});

/**
 * `0020_customer_groups_version.sql`: one row whose `version` changes (a new random token) with every
 * write to customer_groups, so a process can keep the groups and know when to read them again.
 */
export const customerGroupsVersion = pgTable('customer_groups_version', {
  id: boolean('id').primaryKey().default(true),
  version: text('version').notNull(),
});
