import { and, desc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { insertRowsSql, insertValuesSql, type ValuesRow } from '../../db/insert-rows.ts';
import type { WritePart } from '../../db/write-together.ts';
import type { PgInsertValue } from 'drizzle-orm/pg-core';
import { companies, companyUsers } from '../accounts/index.ts';
import { orderEvents, orderLines, orders } from './orders.tables.ts';
import type { OrderStatus } from './domain/lifecycle.ts';
import type { Order, OrderEvent, OrderLine, OrderSummary, PaymentMethod } from './domain/types.ts';

type OrderRow = typeof orders.$inferSelect;

const summaryColumns = {
  order: orders,
  companyName: companies.legalName,
  placedByName: companyUsers.name,
};

function toSummary(r: { order: OrderRow; companyName: string | null; placedByName: string | null }): OrderSummary {
  const o = r.order;
  return {
    id: o.id,
    number: o.number,
    companyId: o.companyId,
    companyName: r.companyName ?? '',
    status: o.status as OrderStatus,
    currency: o.currency,
    subtotal: o.subtotal,
    shippingTotal: o.shippingTotal,
    taxTotal: o.taxTotal,
    total: o.total,
    paymentMethod: o.paymentMethod as PaymentMethod,
    poNumber: o.poNumber,
    placedByName: r.placedByName,
    placedAt: o.placedAt.toISOString(),
  };
}

function toOrder(r: { order: OrderRow; companyName: string | null; placedByName: string | null }, lines: OrderLine[]): Order {
  const o = r.order;
  return {
    ...toSummary(r),
    placedBy: o.placedBy,
    placedByStaff: o.placedByStaff,
    cartId: o.cartId,
    paymentTerms: o.paymentTerms,
    paymentId: o.paymentId,
    requestedDeliveryDate: o.requestedDeliveryDate,
    notes: o.notes,
    shipTo: o.shipTo,
    shippingMethodId: o.shippingMethodId,
    shippingMethodName: o.shippingMethodName,
    taxExempt: o.taxExempt,
    vatId: o.vatId,
    locale: o.locale,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    lines,
  };
}

/** An order with its timeline as `findOrderWith` reads it. */
export interface WrittenOrder {
  order: Order;
  events: OrderEvent[];
}

/**
 * An order's rows for the order's one combined statement (`writeTogether`): the order — its human
 * number ('SO-100001') drawn from the sequence in the same statement (gaps after rollbacks are
 * fine), readable by the other parts as `(select number from order_no)` — its lines and its events.
 * `receive` gets the order as `findOrderWith` would read it, from the rows as written (defaults and
 * the drawn number included), so the checkout can answer without reading the order back.
 */
export function orderWrites(row: Omit<typeof orders.$inferInsert, 'number' | 'vatId' | 'locale'> & { vatId: string | SQL | null; locale: string | SQL }, lines: (typeof orderLines.$inferInsert)[], events: ValuesRow<typeof orderEvents>[], receive: (written: WrittenOrder) => void): WritePart[] {
  return [
    ['order_no', sql`select 'SO-' || nextval('order_number_seq')::text as number`],
    ['order_row', sql`${insertValuesSql(orders, [{ ...row, number: ORDER_NUMBER }])} returning *`],
    ['order_lines', sql`${insertRowsSql(orderLines, lines)} returning *`],
    ['order_events', sql`${insertValuesSql(orderEvents, events)} returning *`, { value: writtenOrderJson, receive: (v) => receive(writtenOrder(v)) }],
  ];
}

// Inside the write statement the part names shadow the tables: these read the parts' returning rows.
const writtenOrderJson = sql`select json_build_object(
  'order', row_to_json(o),
  'company_name', (select c.legal_name from companies c where c.id = o.company_id),
  'placed_by_name', (select u.name from company_users u where u.id = o.placed_by),
  'lines', (select coalesce(json_agg(l order by l.line_no), '[]'::json) from order_lines l),
  'events', (select coalesce(json_agg(e order by e.at, e.id), '[]'::json) from order_events e)) from order_row o`;

type WrittenJson = { order: Record<string, unknown>; company_name: string | null; placed_by_name: string | null; lines: LineJson[]; events: EventJson[] };

function writtenOrder(value: unknown): WrittenOrder {
  const w = (typeof value === 'string' ? JSON.parse(value) : value) as WrittenJson;
  const row = Object.fromEntries(Object.entries(getTableColumns(orders)).map(([key, col]) => {
    const v = w.order[col.name];
    return [key, v === null || v === undefined ? null : col.mapFromDriverValue(v)];
  })) as OrderRow;
  return { order: toOrder({ order: row, companyName: w.company_name, placedByName: w.placed_by_name }, w.lines.map(toLine)), events: w.events.map(toEvent) };
}

/** The number `orderWrites` gives the order, for the other parts of its statement. */
export const ORDER_NUMBER = sql<string>`(select number from order_no)`;

export async function insertOrderEvents(db: Db, rows: PgInsertValue<typeof orderEvents>[]): Promise<void> {
  if (rows.length) await db.insert(orderEvents).values(rows);
}

type LineJson = { line_no: number; variant_id: string | null; sku: string; name: string; quantity: number; unit_price: number; line_total: number; tax_class: string; tax_rate_bp: number; tax_amount: number; price_source: string | null; weight_grams: number | null; quantity_shipped: number; quantity_returned: number };
type EventJson = { id: string; type: string; from_status: string | null; to_status: string | null; actor_kind: string; actor_id: string | null; actor_name: string | null; detail: Record<string, unknown> | null; at: string };

// An order's lines and timeline come with it as JSON arrays: one round trip for an order page.
const linesJson = sql<LineJson[]>`(select coalesce(json_agg(l order by l.line_no), '[]'::json) from order_lines l where l.order_id = ${orders.id})`;
const eventsJson = sql<EventJson[]>`(select coalesce(json_agg(e order by e.at, e.id), '[]'::json) from order_events e where e.order_id = ${orders.id})`;

const toLine = (l: LineJson): OrderLine => ({
  lineNo: l.line_no, variantId: l.variant_id, sku: l.sku, name: l.name, quantity: l.quantity, unitPrice: Number(l.unit_price), lineTotal: Number(l.line_total),
  taxClass: l.tax_class, taxRateBp: l.tax_rate_bp, taxAmount: Number(l.tax_amount), priceSource: l.price_source, weightGrams: l.weight_grams,
  quantityShipped: l.quantity_shipped, quantityReturned: l.quantity_returned,
});

const toEvent = (e: EventJson): OrderEvent => ({
  id: e.id, type: e.type, fromStatus: e.from_status as OrderStatus | null, toStatus: e.to_status as OrderStatus | null,
  actorKind: e.actor_kind as OrderEvent['actorKind'], actorId: e.actor_id, actorName: e.actor_name, detail: e.detail ?? {}, at: new Date(e.at).toISOString(),
});

/** The order with its company and placer names and its lines; `companyIds` limits it to those companies (buyers). */
export async function findOrder(db: Db, id: string, companyIds?: readonly string[]): Promise<Order | null> {
  return (await findOrderWith(db, id, companyIds, false))?.order ?? null;
}

/** The order as `findOrder` gives it, and with `withEvents` its timeline (oldest first), in one query. */
export async function findOrderWith(db: Db, id: string, companyIds: readonly string[] | undefined, withEvents: boolean): Promise<{ order: Order; events: OrderEvent[] } | null> {
  const where = companyIds ? and(eq(orders.id, id), companyIds.length === 1 ? eq(orders.companyId, companyIds[0]!) : inArray(orders.companyId, [...companyIds])) : eq(orders.id, id);
  const [row] = await db
    .select({ ...summaryColumns, lines: linesJson, events: withEvents ? eventsJson : sql<EventJson[]>`null` })
    .from(orders)
    .leftJoin(companies, eq(companies.id, orders.companyId))
    .leftJoin(companyUsers, eq(companyUsers.id, orders.placedBy))
    .where(where)
    .limit(1);
  if (!row) return null;
  return { order: toOrder(row, row.lines.map(toLine)), events: (row.events ?? []).map(toEvent) };
}

/** Locks the order row for a status change; concurrent transitions of one order run one after the other. */
export async function lockOrder(db: Db, id: string): Promise<{ id: string; status: OrderStatus; companyId: string; number: string; total: number; currency: string; paymentMethod: PaymentMethod } | null> {
  const res = (await db.execute(sql`select id, status, company_id, number, total::bigint as total, currency, payment_method from orders where id = ${id} for update`)) as unknown as {
    rows: { id: string; status: string; company_id: string; number: string; total: string | number; currency: string; payment_method: string }[];
  };
  const r = res.rows[0];
  return r ? { id: r.id, status: r.status as OrderStatus, companyId: r.company_id, number: r.number, total: Number(r.total), currency: r.currency, paymentMethod: r.payment_method as PaymentMethod } : null;
}

export async function setOrderStatus(db: Db, id: string, status: OrderStatus, at: Date): Promise<void> {
  await db.update(orders).set({ status, updatedAt: at }).where(eq(orders.id, id));
}

/** Net credit this order holds (credit.reserved minus credit.released events). */
export async function creditHeld(db: Db, orderId: string): Promise<number> {
  const res = (await db.execute(sql`
    select coalesce(sum(case type when 'credit.reserved' then (detail->>'amount')::bigint when 'credit.released' then -(detail->>'amount')::bigint else 0 end), 0)::bigint as held
    from order_events where order_id = ${orderId} and type in ('credit.reserved', 'credit.released')`)) as unknown as { rows: { held: string | number }[] };
  return Number(res.rows[0]?.held ?? 0);
}

/** The status the order had before its latest hold (to return to on release). */
export async function statusBeforeHold(db: Db, orderId: string): Promise<OrderStatus | null> {
  const res = (await db.execute(sql`
    select from_status from order_events where order_id = ${orderId} and to_status = 'on_hold' order by at desc, id desc limit 1`)) as unknown as { rows: { from_status: string | null }[] };
  return (res.rows[0]?.from_status as OrderStatus | null | undefined) ?? null;
}

export interface ReservationRow {
  lineNo: number;
  variantId: string | null;
  warehouseId: string;
  quantity: number;
}

/** The order's reservations with their variants, locked inventory-first in a stable order. */
export async function reservationsOf(db: Db, orderId: string): Promise<ReservationRow[]> {
  const res = (await db.execute(sql`
    select r.line_no, l.variant_id, r.warehouse_id, r.quantity from order_reservation_lines r
    join order_lines l on l.order_id = r.order_id and l.line_no = r.line_no
    where r.order_id = ${orderId} and r.quantity > 0 order by l.variant_id, r.warehouse_id`)) as unknown as { rows: { line_no: number; variant_id: string | null; warehouse_id: string; quantity: number }[] };
  return res.rows.map((r) => ({ lineNo: r.line_no, variantId: r.variant_id, warehouseId: r.warehouse_id, quantity: Number(r.quantity) }));
}

/** Sets every reservation of the order to zero (the stock went back to inventory). */
export async function clearReservations(db: Db, orderId: string): Promise<void> {
  await db.execute(sql`update order_reservations set quantities = array_fill(0, array[cardinality(quantities)]) where order_id = ${orderId}`);
}

export interface OrderListFilter {
  companyIds?: readonly string[];
  status?: OrderStatus;
  /** Any of these statuses (the dashboard's open orders). */
  statuses?: readonly OrderStatus[];
  /** An order number (SO-100001, or just the digits) or the start of a PO number. */
  q?: string;
  poNumber?: string;
  from?: Date;
  to?: Date;
  after?: { placedAt: string; id: string };
  limit: number;
}

/** Orders newest first, keyset-paginated on (placed_at, id): the company index answers it. */
export async function listOrderRows(db: Db, f: OrderListFilter): Promise<OrderSummary[]> {
  const conds: SQL[] = [];
  if (f.companyIds) conds.push(f.companyIds.length === 1 ? eq(orders.companyId, f.companyIds[0]!) : inArray(orders.companyId, [...f.companyIds]));
  if (f.status) conds.push(eq(orders.status, f.status));
  if (f.statuses) conds.push(inArray(orders.status, [...f.statuses]));
  if (f.q) {
    const q = f.q.trim();
    const num = /^(so-?)?\d+$/i.test(q) ? `SO-${q.replace(/^so-?/i, '')}` : null;
    const like = `${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(num ? sql`(${orders.number} = ${num} or lower(${orders.poNumber}) like ${like})` : sql`lower(${orders.poNumber}) like ${like}`);
  }
  if (f.poNumber) conds.push(sql`lower(${orders.poNumber}) = ${f.poNumber.trim().toLowerCase()}`);
  if (f.from) conds.push(sql`${orders.placedAt} >= ${f.from.toISOString()}::timestamptz`);
  if (f.to) conds.push(sql`${orders.placedAt} < ${f.to.toISOString()}::timestamptz`);
  if (f.after) conds.push(sql`(${orders.placedAt}, ${orders.id}) < (${f.after.placedAt}::timestamptz, ${f.after.id})`);
  const rows = await db
    .select(summaryColumns)
    .from(orders)
    .leftJoin(companies, eq(companies.id, orders.companyId))
    .leftJoin(companyUsers, eq(companyUsers.id, orders.placedBy))
    .where(conds.length ? and(...conds) : undefined)
    .orderBy(desc(orders.placedAt), desc(orders.id))
    .limit(f.limit + 1);
  return rows.map(toSummary);
}

/** True once the order has been in `status` (from the timeline; the first event records the status at checkout). */
export async function hasReached(db: Db, orderId: string, status: OrderStatus): Promise<boolean> {
  const res = (await db.execute(sql`select exists (select 1 from order_events where order_id = ${orderId} and to_status = ${status}) as hit`)) as unknown as { rows: { hit: boolean }[] };
  return res.rows[0]?.hit === true;
}

export async function setPayment(db: Db, orderId: string, paymentId: string): Promise<void> {
  await db.update(orders).set({ paymentId }).where(eq(orders.id, orderId));
}
