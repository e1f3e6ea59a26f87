import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { anyText } from '../../db/sql-arrays.ts';
import type { Reservation } from './shipments-plan.ts';
import type { ShipmentStatus, TrackingStatus } from './tracking-status.ts';

/** Raw SQL for shipments and tracking events; every write runs on the caller's transaction. */

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface OrderHead {
  id: string;
  number: string;
  companyId: string;
  status: string;
}

/** The order row, locked for update: every shipment write of one order queues here. */
export async function lockOrder(db: Db, orderId: string): Promise<OrderHead | undefined> {
  const [r] = await rows<OrderHead>(db, sql`select id, number, company_id as "companyId", status from orders where id = ${orderId} for update`);
  return r;
}

export async function orderHead(db: Db, orderId: string): Promise<OrderHead | undefined> {
  const [r] = await rows<OrderHead>(db, sql`select id, number, company_id as "companyId", status from orders where id = ${orderId}`);
  return r;
}

export async function orderIdByNumber(db: Db, number: string): Promise<string | undefined> {
  const [r] = await rows<{ id: string }>(db, sql`select id from orders where upper(number) = upper(${number})`);
  return r?.id;
}

export interface LineRow {
  lineNo: number;
  sku: string;
  name: string;
  variantId: string | null;
  quantity: number;
  quantityShipped: number;
}

export async function orderLines(db: Db, orderId: string): Promise<LineRow[]> {
  return rows<LineRow>(
    db,
    sql`select line_no as "lineNo", sku, name, variant_id as "variantId", quantity, quantity_shipped as "quantityShipped"
        from order_lines where order_id = ${orderId} order by line_no`,
  );
}

export interface ReservationRow extends Reservation {
  lineNo: number;
  warehouseCode: string;
  warehouseName: string;
}

/** The stock held for the order, per line and warehouse (locked when `forUpdate`). */
export async function reservations(db: Db, orderId: string, forUpdate = false): Promise<ReservationRow[]> {
  return rows<ReservationRow>(
    db,
    sql`select x.line_no as "lineNo", r.warehouse_id as "warehouseId", x.quantity, w.code as "warehouseCode", w.name as "warehouseName"
        from order_reservations r cross join lateral unnest(r.line_nos, r.quantities) as x(line_no, quantity)
        join warehouses w on w.id = r.warehouse_id
        where r.order_id = ${orderId} and x.quantity > 0 order by x.line_no, r.warehouse_id ${forUpdate ? sql`for update of r` : sql``}`,
  );
}

export interface WarehouseRow {
  id: string;
  code: string;
  name: string;
}

/** Every warehouse (a short list), for choosing where a shipment leaves from. */
export async function allWarehouses(db: Db): Promise<WarehouseRow[]> {
  return rows<WarehouseRow>(db, sql`select id, code, name from warehouses order by lower(code) limit 500`);
}

export async function warehouseBy(db: Db, by: { id: string } | { code: string }): Promise<WarehouseRow | undefined> {
  const where = 'id' in by ? sql`id = ${by.id}` : sql`lower(code) = lower(${by.code})`;
  const [r] = await rows<WarehouseRow>(db, sql`select id, code, name from warehouses where ${where}`);
  return r;
}

/**
 * Takes shipped goods off the shelf: on hand falls by `onHand`, reserved by `reserved`. Refused
 * (false) when the level does not exist or would go below zero or below what others still hold.
 */
export async function moveStock(db: Db, m: { variantId: string; warehouseId: string; onHand: number; reserved: number }): Promise<boolean> {
  const done = await rows<{ k: number }>(
    db,
    sql`update inventory set on_hand = on_hand - ${m.onHand}, reserved = reserved - ${m.reserved}, updated_at = now()
        where variant_id = ${m.variantId} and warehouse_id = ${m.warehouseId}
          and on_hand >= ${m.onHand} and reserved >= ${m.reserved}
          and (backorder or reserved - ${m.reserved} <= on_hand - ${m.onHand})
        returning 1 as k`,
  );
  return done.length === 1;
}

/**
 * Lowers the order's reservation of a line in a warehouse (the line's place in the warehouse row's
 * arrays); a warehouse row whose every line reached zero goes.
 */
export async function consumeReservation(db: Db, orderId: string, lineNo: number, warehouseId: string, quantity: number): Promise<void> {
  await db.execute(sql`update order_reservations set quantities[array_position(line_nos, ${lineNo}::int)] = quantities[array_position(line_nos, ${lineNo}::int)] - ${quantity}::int
    where order_id = ${orderId} and warehouse_id = ${warehouseId} and ${lineNo}::int = any(line_nos)`);
  await db.execute(sql`delete from order_reservations where order_id = ${orderId} and warehouse_id = ${warehouseId} and 0 >= all(quantities)`);
}

/** Adds to a line's shipped quantity; the table's check keeps it within the ordered quantity. */
export async function addShipped(db: Db, orderId: string, lineNo: number, quantity: number): Promise<void> {
  await db.execute(sql`update order_lines set quantity_shipped = quantity_shipped + ${quantity} where order_id = ${orderId} and line_no = ${lineNo}`);
}

export async function nextSeq(db: Db, orderId: string): Promise<number> {
  const [r] = await rows<{ n: number }>(db, sql`select coalesce(max(seq), 0)::int + 1 as n from shipments where order_id = ${orderId}`);
  return r?.n ?? 1;
}

export interface ShipmentInsert {
  id: string;
  orderId: string;
  companyId: string;
  seq: number;
  number: string;
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  warehouseId: string | null;
  externalId: string | null;
  createdByKind: 'staff' | 'apiKey' | 'system';
  createdById: string | null;
  shippedAt: Date;
  now: Date;
}

export async function insertShipment(db: Db, s: ShipmentInsert, lines: readonly { lineNo: number; quantity: number }[]): Promise<void> {
  await db.execute(
    sql`insert into shipments (id, order_id, company_id, seq, number, status, carrier, tracking_number, tracking_url, warehouse_id, external_id,
          created_by_kind, created_by_id, shipped_at, created_at, updated_at)
        values (${s.id}, ${s.orderId}, ${s.companyId}, ${s.seq}, ${s.number}, 'shipped', ${s.carrier}, ${s.trackingNumber}, ${s.trackingUrl},
          ${s.warehouseId}, ${s.externalId}, ${s.createdByKind}, ${s.createdById}, ${s.shippedAt.toISOString()}::timestamptz,
          ${s.now.toISOString()}::timestamptz, ${s.now.toISOString()}::timestamptz)`,
  );
  for (const l of lines) {
    await db.execute(sql`insert into shipment_lines (shipment_id, order_id, line_no, quantity) values (${s.id}, ${s.orderId}, ${l.lineNo}, ${l.quantity})`);
  }
}

export interface ShipmentRow {
  id: string;
  orderId: string;
  orderNumber: string;
  companyId: string;
  seq: number;
  number: string;
  status: ShipmentStatus;
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  warehouseId: string | null;
  warehouseCode: string | null;
  warehouseName: string | null;
  externalId: string | null;
  shippedAt: Date;
  deliveredAt: Date | null;
  createdAt: Date;
}

const SHIPMENT_COLUMNS = sql`s.id, s.order_id as "orderId", o.number as "orderNumber", s.company_id as "companyId", s.seq, s.number, s.status,
  s.carrier, s.tracking_number as "trackingNumber", s.tracking_url as "trackingUrl", s.warehouse_id as "warehouseId",
  w.code as "warehouseCode", w.name as "warehouseName", s.external_id as "externalId", s.shipped_at as "shippedAt",
  s.delivered_at as "deliveredAt", s.created_at as "createdAt"`;
const SHIPMENT_FROM = sql`shipments s join orders o on o.id = s.order_id left join warehouses w on w.id = s.warehouse_id`;

/** Shipments matching `where` (over `s`), oldest first. */
export async function findShipments(db: Db, where: SQL): Promise<ShipmentRow[]> {
  return rows<ShipmentRow>(db, sql`select ${SHIPMENT_COLUMNS} from ${SHIPMENT_FROM} where ${where} order by s.order_id, s.seq`);
}

/** A shipment by its id or by the id the sending system gave it. */
export async function shipmentIdFor(db: Db, idOrExternal: string): Promise<{ id: string; orderId: string } | undefined> {
  const [r] = await rows<{ id: string; orderId: string }>(
    db,
    sql`select id, order_id as "orderId" from shipments where id = ${idOrExternal} or external_id = ${idOrExternal} order by (id = ${idOrExternal}) desc limit 1`,
  );
  return r;
}

export async function lockShipment(db: Db, id: string): Promise<void> {
  await db.execute(sql`select 1 from shipments where id = ${id} for update`);
}

export interface ShipmentLineRow {
  shipmentId: string;
  lineNo: number;
  sku: string;
  name: string;
  quantity: number;
}

export async function shipmentLines(db: Db, shipmentIds: readonly string[]): Promise<ShipmentLineRow[]> {
  if (!shipmentIds.length) return [];
  return rows<ShipmentLineRow>(
    db,
    sql`select sl.shipment_id as "shipmentId", sl.line_no as "lineNo", ol.sku, ol.name, sl.quantity
        from shipment_lines sl join order_lines ol on ol.order_id = sl.order_id and ol.line_no = sl.line_no
        where ${anyText(sql`sl.shipment_id`, shipmentIds)} order by sl.shipment_id, sl.line_no`,
  );
}

export interface TrackingRow {
  id: string;
  shipmentId: string;
  externalId: string | null;
  status: TrackingStatus;
  description: string | null;
  location: string | null;
  occurredAt: Date;
  recordedAt: Date;
}

const TRACKING_COLUMNS = sql`id, shipment_id as "shipmentId", external_id as "externalId", status, description, location, occurred_at as "occurredAt", recorded_at as "recordedAt"`;

export async function trackingEvents(db: Db, shipmentIds: readonly string[]): Promise<TrackingRow[]> {
  if (!shipmentIds.length) return [];
  return rows<TrackingRow>(
    db,
    sql`select ${TRACKING_COLUMNS} from tracking_events where ${anyText(sql`shipment_id`, shipmentIds)} order by shipment_id, occurred_at, id`,
  );
}

export async function trackingByExternal(db: Db, shipmentId: string, externalId: string): Promise<TrackingRow | undefined> {
  const [r] = await rows<TrackingRow>(db, sql`select ${TRACKING_COLUMNS} from tracking_events where shipment_id = ${shipmentId} and external_id = ${externalId}`);
  return r;
}

export interface TrackingInsert {
  id: string;
  shipmentId: string;
  externalId: string | null;
  status: TrackingStatus;
  description: string | null;
  location: string | null;
  occurredAt: Date;
  sourceKind: 'staff' | 'apiKey' | 'system';
  sourceId: string | null;
  now: Date;
}

export async function insertTracking(db: Db, e: TrackingInsert): Promise<void> {
  await db.execute(
    sql`insert into tracking_events (id, shipment_id, external_id, status, description, location, occurred_at, source_kind, source_id, recorded_at)
        values (${e.id}, ${e.shipmentId}, ${e.externalId}, ${e.status}, ${e.description}, ${e.location}, ${e.occurredAt.toISOString()}::timestamptz,
          ${e.sourceKind}, ${e.sourceId}, ${e.now.toISOString()}::timestamptz)`,
  );
}

export async function setShipmentState(db: Db, id: string, state: { status: ShipmentStatus; deliveredAt: Date | null }, now: Date): Promise<void> {
  await db.execute(
    sql`update shipments set status = ${state.status}, delivered_at = ${state.deliveredAt ? state.deliveredAt.toISOString() : null}::timestamptz,
          updated_at = ${now.toISOString()}::timestamptz where id = ${id}`,
  );
}

/** Sends a live-update notice on the writing transaction (delivered at commit, dropped on rollback). */
export async function notifyLive(db: Db, channel: string, payload: Record<string, unknown>): Promise<void> {
  await db.execute(sql`select pg_notify(${channel}, ${JSON.stringify(payload)})`);
}
