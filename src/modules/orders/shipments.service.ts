import { sql } from 'drizzle-orm';
import { inTx, type Actor, type Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newId } from '../../lib/ids.ts';
import { defaultWarehouse, planByLine, planBySku, statusAfterShipping, stockMoves, type PlanProblem, type PlanResult } from './shipments-plan.ts';
import { announce, recordShipmentEvent } from './shipments-events.ts';
import * as repo from './shipments.repo.ts';
import { advanceOrder } from './shipments-order.ts';
import { descendantIds } from '../accounts/index.ts';
import type { ShipmentStatus, TrackingStatus } from './tracking-status.ts';

/** A tracking event as the API shows it. */
export interface TrackingEventView {
  id: string;
  status: TrackingStatus;
  description: string | null;
  location: string | null;
  occurredAt: string;
}

/** A shipment with its lines and tracking timeline (oldest event first). */
export interface Shipment {
  id: string;
  orderId: string;
  orderNumber: string;
  companyId: string;
  number: string;
  status: ShipmentStatus;
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  warehouse: { id: string; code: string; name: string } | null;
  externalId: string | null;
  shippedAt: string;
  deliveredAt: string | null;
  lines: { orderLineNo: number; sku: string; name: string; quantity: number }[];
  events: TrackingEventView[];
}

/** An order line with what has shipped and what may still ship (and, for staff, where it is held). */
export interface ShippableLine {
  lineNo: number;
  sku: string;
  name: string;
  quantity: number;
  quantityShipped: number;
  remaining: number;
  reserved: { warehouseId: string; warehouseCode: string; warehouseName: string; quantity: number }[];
}

export interface OrderShipments {
  orderId: string;
  orderNumber: string;
  orderStatus: string;
  lines: ShippableLine[];
  shipments: Shipment[];
  /** Where a shipment may leave from (staff only; the store schema drops it). */
  warehouses: { id: string; code: string; name: string }[];
}

const iso = (d: Date | string) => new Date(d).toISOString();

/** Shipments with their lines and events, in two queries. */
async function hydrate(ctx: Ctx, heads: repo.ShipmentRow[]): Promise<Shipment[]> {
  const ids = heads.map((h) => h.id);
  const [lines, events] = await Promise.all([repo.shipmentLines(ctx.db, ids), repo.trackingEvents(ctx.db, ids)]);
  return heads.map((h) => ({
    id: h.id,
    orderId: h.orderId,
    orderNumber: h.orderNumber,
    companyId: h.companyId,
    number: h.number,
    status: h.status,
    carrier: h.carrier,
    trackingNumber: h.trackingNumber,
    trackingUrl: h.trackingUrl,
    warehouse: h.warehouseId && h.warehouseCode && h.warehouseName ? { id: h.warehouseId, code: h.warehouseCode, name: h.warehouseName } : null,
    externalId: h.externalId,
    shippedAt: iso(h.shippedAt),
    deliveredAt: h.deliveredAt ? iso(h.deliveredAt) : null,
    lines: lines.filter((l) => l.shipmentId === h.id).map((l) => ({ orderLineNo: l.lineNo, sku: l.sku, name: l.name, quantity: l.quantity })),
    events: events
      .filter((e) => e.shipmentId === h.id)
      .map((e) => ({ id: e.id, status: e.status, description: e.description, location: e.location, occurredAt: iso(e.occurredAt) })),
  }));
}

/**
 * A buyer sees their company's orders (and descendants' where the role allows, as order pages do);
 * staff, API keys and the system (outbox handlers) see all.
 */
async function visibleTo(ctx: Ctx, companyId: string): Promise<boolean> {
  const a = ctx.actor;
  if (a.kind !== 'buyer') return true;
  if (a.companyId === companyId) return true;
  return a.permissions.has('company.descendants:read') && (await descendantIds(ctx, a.companyId)).includes(companyId);
}

/**
 * One shipment with lines `{ orderLineNo, quantity }` and its tracking events. Buyers only see
 * their own company's (another company's id is a 404, like a missing one).
 */
export async function getShipment(ctx: Ctx, shipmentId: string): Promise<Shipment> {
  const [head] = await repo.findShipments(ctx.db, sql`s.id = ${shipmentId}`);
  if (!head || !(await visibleTo(ctx, head.companyId))) throw notFound('Shipment', 'id');
  const [s] = await hydrate(ctx, [head]);
  return s as Shipment;
}

/** The order a caller may watch live: the actor's own company's, else a 404 like a missing one. */
export async function watchableOrder(ctx: Ctx, orderId: string): Promise<{ id: string; status: string }> {
  const order = await repo.orderHead(ctx.db, orderId);
  if (!order || !(await visibleTo(ctx, order.companyId))) throw notFound('Order', 'id');
  return { id: order.id, status: order.status };
}

/** Everything shipping-related about one order: its lines' progress and its shipments. */
export async function orderShipments(ctx: Ctx, orderId: string): Promise<OrderShipments> {
  const order = await repo.orderHead(ctx.db, orderId);
  if (!order || !(await visibleTo(ctx, order.companyId))) throw notFound('Order', 'id');
  const [lines, held, heads, warehouses] = await Promise.all([
    repo.orderLines(ctx.db, orderId),
    repo.reservations(ctx.db, orderId),
    repo.findShipments(ctx.db, sql`s.order_id = ${orderId}`),
    ctx.actor.kind === 'buyer' ? Promise.resolve([]) : repo.allWarehouses(ctx.db),
  ]);
  return {
    orderId,
    orderNumber: order.number,
    orderStatus: order.status,
    lines: lines.map((l) => ({
      lineNo: l.lineNo,
      sku: l.sku,
      name: l.name,
      quantity: l.quantity,
      quantityShipped: l.quantityShipped,
      remaining: Math.max(0, l.quantity - l.quantityShipped),
      reserved: held.filter((r) => r.lineNo === l.lineNo).map((r) => ({ warehouseId: r.warehouseId, warehouseCode: r.warehouseCode, warehouseName: r.warehouseName, quantity: r.quantity })),
    })),
    shipments: await hydrate(ctx, heads),
    warehouses,
  };
}

/** Statuses an order may ship from (the lifecycle has ship edges only from these). */
const SHIPPABLE = new Set(['placed', 'confirmed', 'partially_shipped']);

export interface ShipmentDetails {
  carrier: string;
  trackingNumber?: string | null | undefined;
  trackingUrl?: string | null | undefined;
  shippedAt?: string | undefined;
}

export type ShipmentRequest = ShipmentDetails &
  ({ by: 'line'; lines: { lineNo: number; quantity: number }[] } | { by: 'sku'; lines: { sku: string; quantity: number }[] }) & {
    warehouse?: { id: string } | { code: string } | undefined;
    externalId?: string | undefined;
  };

function refuse(problem: PlanProblem): never {
  switch (problem.kind) {
    case 'empty':
      throw new AppError('VALIDATION_FAILED', 'A shipment needs at least one line with a quantity', 'lines');
    case 'unknown_line':
      throw new AppError('VALIDATION_FAILED', 'The order has no such line', `lines[${problem.index}].lineNo`);
    case 'unknown_sku':
      throw new AppError('VALIDATION_FAILED', 'The order has no line with this SKU', `lines[${problem.index}].sku`);
    case 'too_many':
      throw new AppError('SHIPMENT_QUANTITY_EXCEEDED', `Only ${problem.remaining} remain to ship`, `lines[${problem.index}].quantity`, { remaining: problem.remaining });
  }
}

function creator(actor: Actor): { kind: 'staff' | 'apiKey' | 'system'; id: string | null } {
  if (actor.kind === 'staff') return { kind: 'staff', id: actor.staffId };
  if (actor.kind === 'apiKey') return { kind: 'apiKey', id: actor.keyId };
  return { kind: 'system', id: null };
}

/**
 * Ships part or all of an order, in one transaction: the order row is locked first, so concurrent
 * shipments of one order queue and never ship more than was ordered; shipped quantities go onto
 * the lines, the stock held for them is consumed (on hand and reserved fall in the warehouse the
 * goods leave), the order moves to partially shipped or shipped, and `shipment.shipped` goes to the
 * outbox. With an `externalId` a repeat of the same shipment returns the first (`created: false`).
 */
export async function createShipment(ctx: Ctx, orderId: string, req: ShipmentRequest): Promise<{ shipment: Shipment; created: boolean }> {
  return inTx(ctx, async (tx) => {
    const order = await repo.lockOrder(tx.db, orderId);
    if (!order || !(await visibleTo(tx, order.companyId))) throw notFound('Order', 'orderId');
    if (req.externalId) {
      const prior = await repo.findShipments(tx.db, sql`s.external_id = ${req.externalId}`);
      if (prior[0]) {
        if (prior[0].orderId !== orderId) throw new AppError('SHIPMENT_EXTERNAL_ID_TAKEN', undefined, 'externalId');
        return { shipment: (await hydrate(tx, prior))[0] as Shipment, created: false };
      }
    }
    if (!SHIPPABLE.has(order.status)) throw new AppError('ORDER_NOT_SHIPPABLE', `The order is ${order.status.replace('_', ' ')}`, 'orderId', { orderStatus: order.status });

    const lines = await repo.orderLines(tx.db, orderId);
    const plan: PlanResult = req.by === 'line' ? planByLine(lines, req.lines) : planBySku(lines, req.lines);
    if (!plan.ok) refuse(plan.problem);

    const held = await repo.reservations(tx.db, orderId, true);
    const shippedLines = new Set(plan.lines.map((l) => l.lineNo));
    // A named warehouse ships every line. Otherwise each line leaves from where its stock is held
    // (checkout may have reserved an order's lines in different warehouses); a line held nowhere
    // leaves from the warehouse holding most of the rest.
    let named: repo.WarehouseRow | undefined;
    if (req.warehouse) {
      named = await repo.warehouseBy(tx.db, req.warehouse);
      if (!named) throw new AppError('VALIDATION_FAILED', 'No such warehouse', 'id' in req.warehouse ? 'warehouseId' : 'warehouseCode');
    }
    const fallback = named?.id ?? defaultWarehouse(held.filter((r) => shippedLines.has(r.lineNo)));

    // Every stock change first, then applied in (variant, warehouse) order — the order checkout
    // locks inventory rows in — so a shipment and a checkout never wait on each other in a cycle.
    const moves: { index: number; lineNo: number; sku: string; variantId: string | null; warehouseId: string; onHand: number; reserved: number }[] = [];
    const sources = new Set<string>();
    // Errors name the request's line (the plan merges and reorders them).
    const requestIndex = (line: repo.LineRow) =>
      Math.max(0, req.by === 'line' ? req.lines.findIndex((r) => r.lineNo === line.lineNo) : req.lines.findIndex((r) => r.sku.toLowerCase() === line.sku.toLowerCase()));
    for (const s of plan.lines) {
      const line = lines.find((l) => l.lineNo === s.lineNo);
      if (!line) continue;
      const index = requestIndex(line);
      const lineHeld = held.filter((r) => r.lineNo === s.lineNo);
      const from = named?.id ?? defaultWarehouse(lineHeld) ?? fallback;
      if (!from) {
        // No warehouse named and nothing held: stock cannot be taken from nowhere.
        if (line.variantId) throw new AppError('VALIDATION_FAILED', 'Name the warehouse the goods leave from', 'warehouseId');
        continue;
      }
      sources.add(from);
      for (const m of stockMoves(lineHeld, from, s.quantity)) moves.push({ index, lineNo: s.lineNo, sku: line.sku, variantId: line.variantId, ...m });
    }
    // The shipment records its warehouse when the goods left from one (the usual case).
    const warehouse = named ?? (sources.size === 1 ? await repo.warehouseBy(tx.db, { id: [...sources][0] as string }) : undefined);
    moves.sort((a, b) => (a.variantId ?? '').localeCompare(b.variantId ?? '') || a.warehouseId.localeCompare(b.warehouseId) || a.lineNo - b.lineNo);
    for (const m of moves) {
      if (m.variantId && !(await repo.moveStock(tx.db, { variantId: m.variantId, warehouseId: m.warehouseId, onHand: m.onHand, reserved: m.reserved }))) {
        const code = (await repo.warehouseBy(tx.db, { id: m.warehouseId }))?.code ?? m.warehouseId;
        throw new AppError('SHIPMENT_STOCK_SHORT', `Not enough ${m.sku} in ${code}`, `lines[${m.index}].quantity`, { sku: m.sku, warehouse: code });
      }
      if (m.reserved > 0) await repo.consumeReservation(tx.db, orderId, m.lineNo, m.warehouseId, m.reserved);
    }
    for (const s of plan.lines) {
      await repo.addShipped(tx.db, orderId, s.lineNo, s.quantity);
      const line = lines.find((l) => l.lineNo === s.lineNo);
      if (line) line.quantityShipped += s.quantity;
    }

    const now = tx.clock.now();
    const seq = await repo.nextSeq(tx.db, orderId);
    const id = newId('shipment', now.getTime());
    const by = creator(tx.actor);
    await repo.insertShipment(
      tx.db,
      {
        id,
        orderId,
        companyId: order.companyId,
        seq,
        number: `${order.number}-${seq}`,
        carrier: req.carrier.trim(),
        trackingNumber: req.trackingNumber?.trim() || null,
        trackingUrl: req.trackingUrl?.trim() || null,
        warehouseId: warehouse?.id ?? null,
        externalId: req.externalId ?? null,
        createdByKind: by.kind,
        createdById: by.id,
        shippedAt: req.shippedAt ? new Date(req.shippedAt) : now,
        now,
      },
      plan.lines,
    );
    await advanceOrder(tx, order, statusAfterShipping(lines), { reason: `Shipment ${order.number}-${seq}` });
    await recordShipmentEvent(tx, {
      type: 'shipment.shipped',
      payload: {
        shipmentId: id,
        orderId,
        companyId: order.companyId,
        number: order.number,
        shipmentNumber: `${order.number}-${seq}`,
        lines: plan.lines.map((l) => ({ orderLineNo: l.lineNo, quantity: l.quantity })),
        carrier: req.carrier.trim(),
        trackingNumber: req.trackingNumber?.trim() || null,
      },
    });
    await announce(tx, { orderId, kind: 'shipment', shipmentId: id, status: 'shipped' });
    const [head] = await repo.findShipments(tx.db, sql`s.id = ${id}`);
    return { shipment: (await hydrate(tx, head ? [head] : []))[0] as Shipment, created: true };
  });
}

/** {@link createShipment} for a WMS or ERP: the order by its number, lines by SKU, the warehouse by code. */
export async function createShipmentByOrderNumber(ctx: Ctx, orderNumber: string, req: ShipmentRequest): Promise<{ shipment: Shipment; created: boolean }> {
  const orderId = await repo.orderIdByNumber(ctx.db, orderNumber);
  if (!orderId) throw new AppError('NOT_FOUND', 'No order has this number', 'orderNumber');
  return createShipment(ctx, orderId, req);
}
