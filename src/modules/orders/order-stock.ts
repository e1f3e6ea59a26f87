import { sql, type SQL } from 'drizzle-orm';
import { readValue, type ReadPart } from '../../db/read-together.ts';
import { sqlArray, textArray } from '../../db/sql-arrays.ts';
import type { WritePart } from '../../db/write-together.ts';
import type { Ctx } from '../../http/context.ts';
import { AppError } from '../../lib/errors.ts';
import { allocateStock, type Allocation, type AllocationLine, type StockRow } from './domain/reservation.ts';
import * as repo from './orders.repo.ts';

type Rows<T> = { rows: T[] };

/**
 * The inventory rows of these variants, locked, always in (variant, warehouse) order: two
 * checkouts (or a checkout and a cancellation) that touch the same variants queue on the same
 * first row instead of deadlocking. A locked row reads as its newest committed version. One text
 * for any number of variants (an array parameter), so PostgreSQL keeps one plan for it.
 */
function lockedStockSql(variantIds: readonly string[]): SQL {
  const ids = [...new Set(variantIds)].sort();
  return sql`select variant_id, warehouse_id, on_hand, reserved, backorder from inventory
    where variant_id = any(${textArray(ids)}) order by variant_id, warehouse_id for update`;
}

async function lockStock(ctx: Ctx, variantIds: readonly string[]): Promise<StockRow[]> {
  if (!variantIds.length) return [];
  const res = (await ctx.db.execute(lockedStockSql(variantIds))) as unknown as Rows<{ variant_id: string; warehouse_id: string; on_hand: number; reserved: number; backorder: boolean }>;
  return res.rows.map((r) => ({ variantId: r.variant_id, warehouseId: r.warehouse_id, onHand: Number(r.on_hand), reserved: Number(r.reserved), backorder: r.backorder }));
}

/**
 * `lockStock` as a part of a combined read (`readTogether`), so an order locks its stock in the
 * statement that reads its other facts instead of a round trip of its own. Put it last: popular
 * items' inventory rows are the most contended locks (held until commit), so they are taken after
 * every other lock of the statement, in the order every other path takes them.
 */
export function stockLockRead(variantIds: readonly string[]): ReadPart<StockRow[]> {
  if (!variantIds.length) return readValue([]);
  return {
    sql: sql`select coalesce(json_agg(json_build_array(s.variant_id, s.warehouse_id, s.on_hand, s.reserved, s.backorder) order by s.variant_id, s.warehouse_id), '[]'::json)
      from (${lockedStockSql(variantIds)}) s`,
    map: (value) =>
      (value as [string, string, number, number, boolean][]).map(([variantId, warehouseId, onHand, reserved, backorder]) => ({ variantId, warehouseId, onHand: Number(onHand), reserved: Number(reserved), backorder })),
  };
}

async function addReserved(ctx: Ctx, deltas: readonly { variantId: string; warehouseId: string; delta: number }[]): Promise<void> {
  if (!deltas.length) return;
  const values = sql.join(deltas.map((d) => sql`(${d.variantId}, ${d.warehouseId}, ${d.delta}::int)`), sql`, `);
  await ctx.db.execute(sql`
    update inventory i set reserved = greatest(i.reserved + d.delta, 0), updated_at = now()
    from (values ${values}) as d(variant_id, warehouse_id, delta)
    where i.variant_id = d.variant_id and i.warehouse_id = d.warehouse_id`);
}

/** A line that stock cannot cover, as checkout reports it. */
export interface StockShortage {
  lineNo: number;
  sku: string;
  requested: number;
  available: number;
}

/**
 * Stock for every line of a new order, from its inventory rows locked inside the order's
 * transaction (`stockLockRead`): allocates `reserved + q ≤ on_hand` per warehouse unless it takes
 * backorders (the table's CHECK says the same). Any short line fails the whole order with
 * CHECKOUT_STOCK_SHORT naming each line and what is available. Writes nothing: `stockWrites` holds
 * the allocations in the order's statement.
 */
export function allocateOrderStock(lines: readonly (AllocationLine & { sku: string })[], rows: readonly StockRow[]): Allocation[] {
  const { allocations, shortages } = allocateStock(lines, rows);
  if (shortages.length) {
    const bySku = new Map(lines.map((l) => [l.lineNo, l]));
    const detail: StockShortage[] = shortages.map((s) => ({ lineNo: s.lineNo, sku: bySku.get(s.lineNo)!.sku, requested: bySku.get(s.lineNo)!.quantity, available: s.available }));
    throw new AppError('CHECKOUT_STOCK_SHORT', detail.map((d) => (d.available ? `${d.sku}: only ${d.available} available` : `${d.sku}: out of stock`)).join('; '), 'cartId', { lines: detail });
  }
  return allocations;
}

/**
 * The writes that hold an order's allocated stock, for its one combined statement: inventory
 * `reserved` raised per (variant, warehouse) — summed first, since an UPDATE … FROM applies only one
 * source row per target row — and the order's reservations, a row per warehouse.
 */
export function stockWrites(orderId: string, lines: readonly AllocationLine[], allocations: readonly Allocation[]): WritePart[] {
  if (!allocations.length) return [];
  const variantOf = new Map(lines.map((l) => [l.lineNo, l.variantId]));
  const sums = new Map<string, { variantId: string; warehouseId: string; delta: number }>();
  for (const a of allocations) {
    const variantId = variantOf.get(a.lineNo)!;
    const key = `${variantId} ${a.warehouseId}`;
    const cur = sums.get(key) ?? { variantId, warehouseId: a.warehouseId, delta: 0 };
    cur.delta += a.quantity;
    sums.set(key, cur);
  }
  const d = [...sums.values()];
  return [
    ['stock_reserved', sql`update inventory i set reserved = greatest(i.reserved + d.delta, 0), updated_at = now()
      from unnest(${textArray(d.map((x) => x.variantId))}, ${textArray(d.map((x) => x.warehouseId))}, ${sqlArray(d.map((x) => x.delta), 'int')}) as d(variant_id, warehouse_id, delta)
      where i.variant_id = d.variant_id and i.warehouse_id = d.warehouse_id`],
    // One row per warehouse (0023): the allocations grouped in the statement, lines in order.
    ['stock_reservations', sql`insert into order_reservations (order_id, warehouse_id, line_nos, quantities)
      select ${orderId}::text, a.warehouse_id, array_agg(a.line_no order by a.line_no), array_agg(a.quantity order by a.line_no)
      from unnest(${sqlArray(allocations.map((a) => a.lineNo), 'int')}, ${textArray(allocations.map((a) => a.warehouseId))}, ${sqlArray(allocations.map((a) => a.quantity), 'int')}) as a(line_no, warehouse_id, quantity)
      group by a.warehouse_id`],
  ];
}

/** Gives an order's reserved stock back to inventory and zeroes its reservations (cancellation). */
export async function releaseStock(ctx: Ctx, orderId: string): Promise<number> {
  const held = (await repo.reservationsOf(ctx.db, orderId)).filter((r): r is repo.ReservationRow & { variantId: string } => r.variantId !== null);
  if (!held.length) return 0;
  await lockStock(ctx, held.map((r) => r.variantId));
  const sum = new Map<string, { variantId: string; warehouseId: string; delta: number }>();
  for (const r of held) {
    const k = `${r.variantId} ${r.warehouseId}`;
    const cur = sum.get(k) ?? { variantId: r.variantId, warehouseId: r.warehouseId, delta: 0 };
    cur.delta -= r.quantity;
    sum.set(k, cur);
  }
  await addReserved(ctx, [...sum.values()]);
  await repo.clearReservations(ctx.db, orderId);
  return held.reduce((n, r) => n + r.quantity, 0);
}
