import type { Database } from '../../src/db/client.ts';
import { newId } from '../../src/lib/ids.ts';
import { inventory, products, variants, warehouses } from '../../src/modules/catalog/index.ts';
import type { TestApp } from '../harness.ts';

export interface StockFixture {
  warehouse: { main: { id: string; code: string }; north: { id: string; code: string } };
  variant: { hammer: string; nails: string; saw: string };
}

/**
 * Three variants (HAM-16, NAIL-50, SAW-1) stocked in two warehouses: MAIN holds 100 of each,
 * NORTH 20 hammers and nothing else. Order fixtures then reserve from MAIN.
 */
export async function seedStock(database: Database, suffix = ''): Promise<StockFixture> {
  const db = database.db;
  const product = { id: newId('product'), slug: `ship-tools${suffix.toLowerCase()}`, name: 'Shipping test tools', status: 'active' as const };
  await db.insert(products).values(product);
  const v = (sku: string, name: string) => ({ id: newId('variant'), productId: product.id, sku: `${sku}${suffix}`, name });
  const hammer = v('HAM-16', 'Claw hammer 16oz');
  const nails = v('NAIL-50', 'Nails 50mm (box)');
  const saw = v('SAW-1', 'Hand saw');
  await db.insert(variants).values([hammer, nails, saw]);
  const main = { id: newId('warehouse'), code: `MAIN${suffix}`, name: 'Main warehouse', country: 'PK' };
  const north = { id: newId('warehouse'), code: `NORTH${suffix}`, name: 'North warehouse', country: 'PK' };
  await db.insert(warehouses).values([main, north]);
  await db.insert(inventory).values([
    { variantId: hammer.id, warehouseId: main.id, onHand: 100, reserved: 0 },
    { variantId: nails.id, warehouseId: main.id, onHand: 100, reserved: 0 },
    { variantId: saw.id, warehouseId: main.id, onHand: 100, reserved: 0 },
    { variantId: hammer.id, warehouseId: north.id, onHand: 20, reserved: 0 },
  ]);
  return { warehouse: { main: { id: main.id, code: main.code }, north: { id: north.id, code: north.code } }, variant: { hammer: hammer.id, nails: nails.id, saw: saw.id } };
}

export interface OrderLineSpec {
  variantId: string;
  quantity: number;
  /** Warehouse the stock is held in; none = not reserved. */
  reserveIn?: string | null;
}

/**
 * An order as checkout leaves it (placed, stock reserved), written straight to the tables so these
 * tests depend only on the schema of migration 0013, not on the checkout flow.
 */
export async function makeOrder(
  t: Pick<TestApp, 'database'>,
  opts: { companyId: string; lines: OrderLineSpec[]; status?: string; placedBy?: string | null },
): Promise<{ id: string; number: string }> {
  const q = t.database.query.bind(t.database);
  const id = newId('order');
  const [seq] = await q<{ n: string }>(`select nextval('order_number_seq')::text as n`);
  const number = `SO-${seq?.n}`;
  const skus = await q<{ id: string; sku: string; name: string }>(`select id, sku, name from variants where id = any($1::text[])`, [`{${opts.lines.map((l) => l.variantId).join(',')}}`]);
  const unit = 1500;
  const subtotal = opts.lines.reduce((s, l) => s + unit * l.quantity, 0);
  await q(
    `insert into orders (id, number, company_id, placed_by, status, currency, subtotal, total, payment_method, ship_to)
     values ($1, $2, $3, $4, $5, 'PKR', $6, $6, 'account', $7::jsonb)`,
    [id, number, opts.companyId, opts.placedBy ?? null, opts.status ?? 'placed', subtotal, JSON.stringify({ locationId: null, name: 'Site office', line1: '1 Mall Road', line2: null, city: 'Lahore', region: null, postalCode: '54000', country: 'PK', phone: null })],
  );
  for (const [i, l] of opts.lines.entries()) {
    const v = skus.find((s) => s.id === l.variantId);
    await q(
      `insert into order_lines (order_id, line_no, variant_id, sku, name, quantity, unit_price, line_total) values ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [id, i + 1, l.variantId, v?.sku ?? 'UNKNOWN', v?.name ?? 'Unknown', l.quantity, unit, unit * l.quantity],
    );
    if (l.reserveIn) {
      await q(
        `insert into order_reservations (order_id, warehouse_id, line_nos, quantities) values ($1, $3, array[$2::int], array[$4::int])
         on conflict (order_id, warehouse_id) do update set line_nos = order_reservations.line_nos || $2::int, quantities = order_reservations.quantities || $4::int`,
        [id, i + 1, l.reserveIn, l.quantity],
      );
      await q(`update inventory set reserved = reserved + $3 where variant_id = $1 and warehouse_id = $2`, [l.variantId, l.reserveIn, l.quantity]);
    }
  }
  return { id, number };
}

/** Stock of a variant in a warehouse. */
export async function level(t: Pick<TestApp, 'database'>, variantId: string, warehouseId: string): Promise<{ onHand: number; reserved: number }> {
  const [r] = await t.database.query<{ on_hand: number; reserved: number }>(`select on_hand, reserved from inventory where variant_id = $1 and warehouse_id = $2`, [variantId, warehouseId]);
  return { onHand: Number(r?.on_hand ?? 0), reserved: Number(r?.reserved ?? 0) };
}

/** Creates an API key with the given scopes through the admin API and returns its bearer header. */
export async function apiKey(t: TestApp, staffHeaders: Record<string, string>, scopes: string[]): Promise<{ authorization: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: staffHeaders, payload: { name: `shipments ${scopes.join(' ')}`, scopes } });
  if (res.statusCode !== 201) throw new Error(`api key: ${res.statusCode} ${res.body}`);
  return { authorization: `Bearer ${(res.json() as { key: string }).key}` };
}
