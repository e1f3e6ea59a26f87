import { randomBytes } from 'node:crypto';
import type { Database } from '../../src/db/client.ts';
import { newId } from '../../src/lib/ids.ts';

export interface FixtureLine {
  sku: string;
  name: string;
  quantity: number;
  unitPrice: number;
  shipped?: number;
  taxRateBp?: number;
  variantId?: string | null;
}

/**
 * Writes an order straight into the orders tables (as checkout and shipping would leave it), for
 * tests of what happens after: emails, returns, the dashboard.
 */
export async function insertOrder(
  database: Pick<Database, 'query'>,
  opts: { companyId: string; placedBy: string | null; currency?: string; status?: string; lines: FixtureLine[]; placedAt?: Date; poNumber?: string; paymentMethod?: 'account' | 'card'; paymentId?: string | null },
): Promise<FixtureOrder> {
  const id = newId('order');
  const number = `SO-T${randomBytes(4).toString('hex')}`;
  const currency = opts.currency ?? 'PKR';
  const lines = opts.lines.map((l, i) => {
    const lineTotal = l.unitPrice * l.quantity;
    const tax = Math.round((lineTotal * (l.taxRateBp ?? 0)) / 10000);
    return { ...l, lineNo: i + 1, lineTotal, tax };
  });
  const subtotal = lines.reduce((s, l) => s + l.lineTotal, 0);
  const taxTotal = lines.reduce((s, l) => s + l.tax, 0);
  const total = subtotal + taxTotal;
  const placedAt = (opts.placedAt ?? new Date()).toISOString();
  await database.query(
    `insert into orders (id, number, company_id, placed_by, status, currency, subtotal, tax_total, total, payment_method, payment_id, po_number, ship_to, placed_at)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14)`,
    [id, number, opts.companyId, opts.placedBy, opts.status ?? 'delivered', currency, subtotal, taxTotal, total, opts.paymentMethod ?? 'account', opts.paymentId ?? null, opts.poNumber ?? null,
      JSON.stringify({ locationId: null, name: 'Main', line1: '1 Test Road', line2: null, city: 'Karachi', region: null, postalCode: null, country: 'PK', phone: null }), placedAt],
  );
  for (const l of lines) {
    await database.query(
      `insert into order_lines (order_id, line_no, variant_id, sku, name, quantity, unit_price, line_total, tax_rate_bp, tax_amount, quantity_shipped)
       values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [id, l.lineNo, l.variantId ?? null, l.sku, l.name, l.quantity, l.unitPrice, l.lineTotal, l.taxRateBp ?? 0, l.tax, l.shipped ?? l.quantity],
    );
  }
  return { id, number, total, currency, placedAt, lines: lines.map((l) => ({ variantId: l.variantId ?? null, sku: l.sku, quantity: l.quantity, amount: l.lineTotal })) };
}

export interface FixtureOrder {
  id: string;
  number: string;
  total: number;
  currency: string;
  placedAt: string;
  lines: { variantId: string | null; sku: string; quantity: number; amount: number }[];
}

/** The `order.placed` payload checkout emits (the session contract merged with segments' purchase-event contract). */
export function placedPayload(order: FixtureOrder, companyId: string, placedBy: string): Record<string, unknown> {
  const net = order.lines.reduce((s, l) => s + l.amount, 0);
  return { orderId: order.id, companyId, number: order.number, orderNumber: order.number, placedBy, placedAt: order.placedAt, total: net, currency: order.currency, lines: order.lines };
}

/** Appends an outbox event as a module would in its transaction. */
export async function insertOutboxEvent(database: Pick<Database, 'query'>, type: string, aggregateId: string, payload: Record<string, unknown>): Promise<string> {
  const id = newId('event');
  await database.query('insert into outbox_events (id, type, aggregate_id, payload) values ($1, $2, $3, $4::jsonb)', [id, type, aggregateId, JSON.stringify(payload)]);
  return id;
}
