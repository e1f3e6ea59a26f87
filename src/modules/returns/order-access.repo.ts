import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/**
 * The returns module's reads and writes of order rows. The orders module owns these tables; what is
 * touched here is the session contract (0013/0014 SQL: statuses, quantity_shipped, quantity_returned,
 * shipments' times), kept in this one file so a contract change shows up in one place.
 */
async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

export interface OrderForReturn {
  id: string;
  number: string;
  companyId: string;
  status: string;
  currency: string;
  paymentMethod: 'account' | 'card';
  paymentId: string | null;
  placedBy: string | null;
}

export interface OrderLineForReturn {
  lineNo: number;
  variantId: string | null;
  sku: string;
  name: string;
  quantity: number;
  quantityShipped: number;
  quantityReturned: number;
  unitPrice: number;
  taxRateBp: number;
  /** When the goods reached the buyer: delivery if reported, else shipment; null when nothing shipped. */
  receivedAt: Date | null;
}

/** The order if one of `companyIds` owns it (undefined = any company: staff). */
export async function findOrderForReturn(db: Db, orderId: string, companyIds: readonly string[] | undefined): Promise<OrderForReturn | null> {
  const scope = companyIds === undefined ? sql`` : sql` and company_id in (${sql.join(companyIds.map((c) => sql`${c}`), sql`, `)})`;
  if (companyIds !== undefined && companyIds.length === 0) return null;
  const [o] = await rows<{ id: string; number: string; company_id: string; status: string; currency: string; payment_method: 'account' | 'card'; payment_id: string | null; placed_by: string | null }>(
    db,
    sql`select id, number, company_id, status, currency, payment_method, payment_id, placed_by from orders where id = ${orderId}${scope}`,
  );
  return o ? { id: o.id, number: o.number, companyId: o.company_id, status: o.status, currency: o.currency, paymentMethod: o.payment_method, paymentId: o.payment_id, placedBy: o.placed_by } : null;
}

/** The order's lines with what is returnable and since when the buyer has had them. */
export async function orderLinesForReturn(db: Db, orderId: string): Promise<OrderLineForReturn[]> {
  const list = await rows<{
    line_no: number;
    variant_id: string | null;
    sku: string;
    name: string;
    quantity: number;
    quantity_shipped: number;
    quantity_returned: number;
    unit_price: number;
    tax_rate_bp: number;
    received_at: Date | string | null;
  }>(
    db,
    sql`select ol.line_no, ol.variant_id, ol.sku, ol.name, ol.quantity, ol.quantity_shipped, ol.quantity_returned, ol.unit_price::float8 as unit_price, ol.tax_rate_bp,
          case when ol.quantity_shipped = 0 then null else coalesce(
            (select max(coalesce(s.delivered_at, s.shipped_at)) from shipment_lines sl join shipments s on s.id = sl.shipment_id where sl.order_id = ol.order_id and sl.line_no = ol.line_no),
            (select max(e.at) from order_events e where e.order_id = ol.order_id and e.to_status in ('partially_shipped','shipped','delivered')),
            o.placed_at) end as received_at
        from order_lines ol join orders o on o.id = ol.order_id
        where ol.order_id = ${orderId} order by ol.line_no`,
  );
  return list.map((l) => ({
    lineNo: l.line_no,
    variantId: l.variant_id,
    sku: l.sku,
    name: l.name,
    quantity: l.quantity,
    quantityShipped: l.quantity_shipped,
    quantityReturned: l.quantity_returned,
    unitPrice: Number(l.unit_price),
    taxRateBp: l.tax_rate_bp,
    receivedAt: l.received_at === null ? null : new Date(l.received_at),
  }));
}

/**
 * Claims `quantity` of a line for a return in one statement: it succeeds only while shipped minus
 * already-claimed covers it, and the row lock it takes serialises concurrent requests for the line,
 * so two requests can never together return more than was shipped.
 */
export async function claimReturnQuantity(db: Db, orderId: string, lineNo: number, quantity: number): Promise<boolean> {
  const r = await rows<{ line_no: number }>(
    db,
    sql`update order_lines set quantity_returned = quantity_returned + ${quantity}
        where order_id = ${orderId} and line_no = ${lineNo} and quantity_shipped - quantity_returned >= ${quantity} returning line_no`,
  );
  return r.length === 1;
}

/** Gives a claimed quantity back (a rejected return, or fewer goods received than requested). */
export async function releaseReturnQuantity(db: Db, orderId: string, lineNo: number, quantity: number): Promise<void> {
  if (quantity <= 0) return;
  await db.execute(sql`update order_lines set quantity_returned = greatest(0, quantity_returned - ${quantity}) where order_id = ${orderId} and line_no = ${lineNo}`);
}
