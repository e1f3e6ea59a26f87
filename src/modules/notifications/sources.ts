import { sql, type SQL } from 'drizzle-orm';
import { anyText, sqlArray } from '../../db/sql-arrays.ts';
import type { Ctx } from '../../http/context.ts';
import type { EmailLine } from './domain/render.ts';
import type { Recipient } from './notifications.repo.ts';

/**
 * What the emails read about orders and shipments. The orders module owns these tables; the
 * queries read only columns of the session contract (0013/0014 SQL), in this one file, so a
 * change of that contract shows up here alone.
 */
export interface OrderFacts {
  id: string;
  number: string;
  companyId: string;
  placedBy: string | null;
  placedAt: Date;
  poNumber: string | null;
  currency: string;
  total: number;
  lines: EmailLine[];
}

export interface ShipmentFacts {
  id: string;
  number: string;
  orderId: string;
  carrier: string;
  trackingNumber: string | null;
  trackingUrl: string | null;
  lines: EmailLine[];
}

async function rows<T>(ctx: Ctx, query: SQL): Promise<T[]> {
  return ((await ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The order with its lines (amounts net of tax, as on the order page), or null when gone. */
export async function orderFacts(ctx: Ctx, orderId: string): Promise<OrderFacts | null> {
  return (await ordersFacts(ctx, [orderId])).get(orderId) ?? null;
}

/** `orderFacts` of several orders in one round trip (a claim's confirmations), by order id. */
export async function ordersFacts(ctx: Ctx, orderIds: readonly string[]): Promise<Map<string, OrderFacts>> {
  // The lines come with the order (one round trip: every order's confirmation reads this).
  const found = await rows<OrderRowJson>(
    ctx,
    sql`select o.id, o.number, o.company_id, o.placed_by, o.placed_at, o.po_number, o.currency, o.total::float8 as total,
          coalesce((select json_agg(json_build_object('sku', l.sku, 'name', l.name, 'quantity', l.quantity, 'line_total', l.line_total) order by l.line_no)
                      from order_lines l where l.order_id = o.id), '[]'::json) as lines
        from orders o where ${anyText(sql`o.id`, orderIds)}`,
  );
  return new Map(found.map((o) => [o.id, toOrderFacts(o)]));
}

/** The shipment with the quantities it carries, or null when gone. */
export async function shipmentFacts(ctx: Ctx, shipmentId: string): Promise<ShipmentFacts | null> {
  const [s] = await rows<{ id: string; number: string; order_id: string; carrier: string; tracking_number: string | null; tracking_url: string | null }>(
    ctx,
    sql`select id, number, order_id, carrier, tracking_number, tracking_url from shipments where id = ${shipmentId}`,
  );
  if (!s) return null;
  const lines = await rows<{ sku: string; name: string; quantity: number }>(
    ctx,
    sql`select ol.sku, ol.name, sl.quantity from shipment_lines sl join order_lines ol on ol.order_id = sl.order_id and ol.line_no = sl.line_no
        where sl.shipment_id = ${shipmentId} order by sl.line_no`,
  );
  return { id: s.id, number: s.number, orderId: s.order_id, carrier: s.carrier, trackingNumber: s.tracking_number, trackingUrl: s.tracking_url, lines };
}

/** An order to confirm: its id, and the company and buyer the event names (null: take the order's). */
export interface ConfirmationWanted {
  orderId: string;
  companyId: string | null;
  placedBy: string | null;
}

/** What a confirmation needs: the order (null when gone), its company and buyer, and the buyer as recipient (null when not an active login of it). */
export interface ConfirmationFacts {
  order: OrderFacts | null;
  companyId: string | null;
  placedBy: string | null;
  buyer: Recipient | null;
}

type OrderRowJson = { id: string; number: string; company_id: string; placed_by: string | null; placed_at: Date | string; po_number: string | null; currency: string; total: number; lines: { sku: string; name: string; quantity: number; line_total: number }[] };

function toOrderFacts(o: OrderRowJson): OrderFacts {
  return {
    id: o.id,
    number: o.number,
    companyId: o.company_id,
    placedBy: o.placed_by,
    placedAt: new Date(o.placed_at),
    poNumber: o.po_number,
    currency: o.currency,
    total: Number(o.total),
    lines: o.lines.map((l) => ({ sku: l.sku, name: l.name, quantity: l.quantity, amount: { amount: Number(l.line_total), currency: o.currency } })),
  };
}

/**
 * The orders of a claim's confirmations with their lines AND their buyers as recipients (an active
 * login that is a member of the company), in one round trip instead of two; answered in the order
 * of `wanted`. The company and buyer are the event's, else the order's.
 */
export async function confirmationFacts(ctx: Ctx, wanted: readonly ConfirmationWanted[]): Promise<ConfirmationFacts[]> {
  if (!wanted.length) return [];
  const found = await rows<{ n: number; company_id: string | null; placed_by: string | null; o: OrderRowJson | null; user_id: string | null; email: string; name: string; locale: string; time_zone: string }>(
    ctx,
    sql`select w.n::int as n, coalesce(w.company_id, o.company_id) as company_id, coalesce(w.placed_by, o.placed_by) as placed_by,
          case when o.id is null then null else json_build_object('id', o.id, 'number', o.number, 'company_id', o.company_id, 'placed_by', o.placed_by,
            'placed_at', o.placed_at, 'po_number', o.po_number, 'currency', o.currency, 'total', o.total::float8,
            'lines', coalesce((select json_agg(json_build_object('sku', l.sku, 'name', l.name, 'quantity', l.quantity, 'line_total', l.line_total) order by l.line_no)
                               from order_lines l where l.order_id = o.id), '[]'::json)) end as o,
          r.user_id, r.email, r.name, r.locale, r.time_zone
        from unnest(${sqlArray(wanted.map((w) => w.orderId), 'text')}, ${sqlArray(wanted.map((w) => w.companyId), 'text')}, ${sqlArray(wanted.map((w) => w.placedBy), 'text')})
          with ordinality as w (order_id, company_id, placed_by, n)
        left join orders o on o.id = w.order_id
        left join lateral (
          select u.id as user_id, u.email, u.name, u.locale, c.timezone as time_zone
          from company_users u join company_memberships m on m.user_id = u.id join companies c on c.id = m.company_id
          where u.id = coalesce(w.placed_by, o.placed_by) and m.company_id = coalesce(w.company_id, o.company_id) and u.status = 'active'
        ) r on true
        order by w.n`,
  );
  return found.map((f) => ({
    order: f.o ? toOrderFacts(f.o) : null,
    companyId: f.company_id,
    placedBy: f.placed_by,
    buyer: f.user_id ? { userId: f.user_id, email: f.email, name: f.name, locale: f.locale, timeZone: f.time_zone } : null,
  }));
}
