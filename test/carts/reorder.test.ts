import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { cartStore, pkr, type Cart } from './fixture.ts';
import { unique } from '../helpers/unique.ts';

interface Reordered { cart: Cart; added: number; unavailable: { sku: string; quantity: number; code: string; message: string }[] }

describe('POST /api/store/orders/:id/reorder', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof cartStore>>;
  let orderId: string;
  beforeAll(async () => {
    t = await createTestApp();
    s = await cartStore(t);
    // A past order of the builder, written as checkout leaves it (prices of the day: higher than today's).
    orderId = 'ord_0000000000reorder000000001';
    const v = new Map((await t.database.query<{ id: string; sku: string }>('select id, sku from variants')).map((r) => [r.sku, r.id]));
    await t.database.query(
      `insert into orders (id, number, company_id, status, currency, subtotal, total, payment_method, ship_to)
       values ($1, 'SO-900001', $2, 'delivered', 'PKR', 999, 999, 'account', '{}'::jsonb)`,
      [orderId, s.builder.company.id],
    );
    const lines: [number, string | null, string, number][] = [[1, v.get('SFP-1')!, 'SFP-1', 50], [2, v.get('SFP-10')!, 'SFP-10', 10], [3, null, 'GONE-1', 4], [4, v.get('SFP-1')!, 'SFP-1', 50]];
    for (const [no, variantId, sku, qty] of lines) {
      await t.database.query('insert into order_lines (order_id, line_no, variant_id, sku, name, quantity, unit_price, line_total) values ($1, $2, $3, $4, $5, $6, 99999, 99999)', [orderId, no, variantId, sku, sku, qty]);
    }
  });
  afterAll(async () => t.close());

  it("puts the order's lines into the current cart at today's prices, reporting what is no longer available", async () => {
    await s.dropCurrentCart(s.builder);
    const res = await s.call(s.builder, 'POST', `/api/store/orders/${orderId}/reorder`, {});
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Reordered;
    expect(body.added).toBe(3);
    expect(body.unavailable).toEqual([{ sku: 'GONE-1', quantity: 4, code: 'ITEM_UNAVAILABLE', message: 'GONE-1: this item is no longer available' }]);
    // The two SFP-1 lines merge into one of 100, which reaches today's volume tier.
    expect(body.cart.lines.map((l) => [l.sku, l.quantity, l.unitPrice])).toEqual([['SFP-1', 100, pkr(7_920)], ['SFP-10', 10, pkr(50_000)]]);
    expect(body.cart).toMatchObject({ isCurrent: true, subtotal: pkr(792_000 + 500_000) });
  });

  it('reorders into a new cart, and hides items the company may no longer buy', async () => {
    const hide = await s.call(s.admin, 'POST', '/api/admin/shared-catalogs', {
      name: unique('Builders without bolts'), status: 'active', rules: [{ effect: 'exclude', kind: 'product', value: s.bolts.id }],
      assignments: [{ type: 'company', companyId: s.builder.company.id, includeDescendants: false }],
    });
    expect(hide.statusCode, hide.body).toBe(201);
    const res = await s.call(s.builder, 'POST', `/api/store/orders/${orderId}/reorder`, { cartId: 'new', cartName: 'Again' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as Reordered;
    expect(body.cart).toMatchObject({ name: 'Again', isCurrent: true });
    expect(body.cart.lines.map((l) => l.sku)).toEqual(['SFP-1']);
    expect(body.unavailable.map((u) => u.sku)).toEqual(['SFP-10', 'GONE-1']);
  });

  it("answers another company's order with 404", async () => {
    const res = await s.call(s.outsider, 'POST', `/api/store/orders/${orderId}/reorder`, {});
    expect(res.statusCode).toBe(404);
    expect((await s.call(s.viewer, 'POST', `/api/store/orders/${orderId}/reorder`, {})).statusCode).toBe(403);
  });
});
