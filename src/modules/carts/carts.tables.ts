import { bigint, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Drizzle views of the tables in `0012_carts.sql`; the SQL file is the source of truth. */
const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

export type CartStatus = 'open' | 'ordered';
export type ShareAccess = 'view' | 'edit';
export type ListVisibility = 'private' | 'company';
export const CART_EVENT_TYPES = ['created', 'line_added', 'line_removed', 'line_changed', 'checkout_step', 'validation_error', 'ordered'] as const;
export type CartEventType = (typeof CART_EVENT_TYPES)[number];

export const carts = pgTable('carts', {
  id: text('id').primaryKey(),
  companyId: text('company_id').notNull(),
  ownerId: text('owner_id').notNull(),
  name: text('name').notNull(),
  status: text('status').$type<CartStatus>().notNull().default('open'),
  orderId: text('order_id'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
  lastActivityAt: ts('last_activity_at').notNull().defaultNow(),
  orderedAt: ts('ordered_at'),
});

export const cartShares = pgTable('cart_shares', {
  cartId: text('cart_id').notNull(),
  userId: text('user_id').notNull(),
  access: text('access').$type<ShareAccess>().notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.cartId, t.userId] })]);

export const cartCurrent = pgTable('cart_current', {
  userId: text('user_id').notNull(),
  companyId: text('company_id').notNull(),
  cartId: text('cart_id').notNull(),
}, (t) => [primaryKey({ columns: [t.userId, t.companyId] })]);

export const cartLines = pgTable('cart_lines', {
  id: text('id').primaryKey(),
  cartId: text('cart_id').notNull(),
  variantId: text('variant_id').notNull(),
  quantity: integer('quantity').notNull(),
  note: text('note').notNull().default(''),
  addedBy: text('added_by'),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const cartEvents = pgTable('cart_events', {
  id: text('id').primaryKey(),
  cartId: text('cart_id').notNull(),
  companyId: text('company_id').notNull(),
  type: text('type').$type<CartEventType>().notNull(),
  actorKind: text('actor_kind').$type<'buyer' | 'staff' | 'apiKey' | 'system'>().notNull(),
  actorId: text('actor_id'),
  data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  at: ts('at').notNull().defaultNow(),
});

export const shoppingLists = pgTable('shopping_lists', {
  id: text('id').primaryKey(),
  companyId: text('company_id').notNull(),
  ownerId: text('owner_id').notNull(),
  name: text('name').notNull(),
  description: text('description').notNull().default(''),
  visibility: text('visibility').$type<ListVisibility>().notNull().default('private'),
  createdAt: ts('created_at').notNull().defaultNow(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

export const shoppingListLines = pgTable('shopping_list_lines', {
  listId: text('list_id').notNull(),
  variantId: text('variant_id').notNull(),
  quantity: integer('quantity').notNull(),
  note: text('note').notNull().default(''),
  seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
  createdAt: ts('created_at').notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.listId, t.variantId] })]);
