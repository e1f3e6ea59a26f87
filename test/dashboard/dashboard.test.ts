import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, staffSession, type SignedIn } from '../helpers/auth.ts';
import { reserveCredit } from '../../src/modules/credit/index.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { insertOrder } from '../returns/orders-fixture.ts';

type Json = Record<string, unknown>;

describe('GET /api/store/dashboard', () => {
  let t: TestApp;
  let staff: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    staff = await staffSession(t, 'admin');
  });
  afterAll(async () => t.close());

  const dashboard = async (who: SignedIn): Promise<Json> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/store/dashboard', headers: who.headers });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Json;
  };

  it('shows a new company empty: no credit line, no orders, invoices or returns', async () => {
    const buyer = await buyerSession(t, { company: { currency: 'AED', country: 'AE', timezone: 'Asia/Dubai' } });
    const d = await dashboard(buyer);
    expect(d).toMatchObject({
      company: { id: buyer.company.id, currency: 'AED' },
      credit: { onAccount: false, limit: null, used: { amount: 0, currency: 'AED' }, available: null },
      openOrders: { count: 0, items: [] },
      invoices: { open: 0, overdue: { count: 0, amount: { amount: 0 } } },
      recentOrders: [],
      returns: { open: 0, items: [] },
    });
  });

  it('adds up credit used and available, open orders, overdue invoices and open returns of the own company only', async () => {
    const buyer = await buyerSession(t, { role: 'buyer', company: { currency: 'PKR' } });
    const companyId = buyer.company.id;
    const set = await t.app.inject({ method: 'PUT', url: `/api/admin/companies/${companyId}/credit`, headers: staff.headers, payload: { paymentTerms: 'net30', creditLimit: 50_000_000 } });
    expect(set.statusCode, set.body).toBe(200);
    // Recent orders are newest first: each order its own placing time (two inserted one after the
    // other can share a millisecond, and orders placed at the same moment come in id order).
    const now = Date.now();
    const placed = await insertOrder(t.database, { companyId, placedBy: buyer.user.id, status: 'placed', placedAt: new Date(now - 2 * 60_000), lines: [{ sku: 'A', name: 'A', quantity: 2, unitPrice: 3_000_000, shipped: 0 }] });
    const confirmed = await insertOrder(t.database, { companyId, placedBy: buyer.user.id, status: 'confirmed', placedAt: new Date(now - 60_000), lines: [{ sku: 'B', name: 'B', quantity: 1, unitPrice: 1_000_000, shipped: 0 }] });
    const delivered = await insertOrder(t.database, { companyId, placedBy: buyer.user.id, status: 'delivered', placedAt: new Date(now - 86_400_000), lines: [{ sku: 'C', name: 'C', quantity: 4, unitPrice: 500_000 }] });
    await reserveCredit(systemCtx(t.database.db), { companyId, amount: 7_000_000, currency: 'PKR', ref: { kind: 'order', id: placed.id } });
    for (const [status, due] of [['overdue', -10], ['open', 20]] as const) {
      await t.database.query(
        `insert into invoices (id, number, company_id, order_id, order_number, status, currency, subtotal, total, buyer, seller, issued_at, due_at)
         values ($1, $2, $3, $4, $5, $6, 'PKR', 1200000, 1200000, '{}'::jsonb, '{}'::jsonb, now() - interval '40 days', now() + ($7 || ' days')::interval)`,
        [newId('invoice'), `INV-T${Math.random().toString(36).slice(2, 8)}`, companyId, delivered.id, delivered.number, status, String(due)],
      );
    }
    const rma = await t.app.inject({ method: 'POST', url: '/api/store/returns', headers: buyer.headers, payload: { orderId: delivered.id, lines: [{ lineNo: 1, quantity: 1, reason: 'damaged' }] } });
    expect(rma.statusCode, rma.body).toBe(201);
    // Someone else's activity never shows.
    const other = await buyerSession(t, { company: { currency: 'PKR' } });
    await insertOrder(t.database, { companyId: other.company.id, placedBy: other.user.id, status: 'placed', lines: [{ sku: 'Z', name: 'Z', quantity: 1, unitPrice: 1 }] });

    const d = await dashboard(buyer);
    expect(d.credit).toEqual({ onAccount: true, limit: { amount: 50_000_000, currency: 'PKR' }, used: { amount: 7_000_000, currency: 'PKR' }, available: { amount: 43_000_000, currency: 'PKR' }, paymentTerms: { code: 'net30', label: expect.any(String) } });
    expect(d.openOrders).toMatchObject({ count: 2 });
    expect((d.openOrders as { items: Json[] }).items.map((o) => o.number).sort()).toEqual([placed.number, confirmed.number].sort());
    // Who placed each open order, as on the recent orders.
    expect((d.openOrders as { items: Json[] }).items.map((o) => o.placedByName)).toEqual([buyer.user.name, buyer.user.name]);
    expect((d.recentOrders as Json[]).map((o) => o.number)).toEqual([confirmed.number, placed.number, delivered.number]);
    expect((d.recentOrders as Json[])[2]).toMatchObject({ status: 'delivered', total: { amount: 2_000_000, currency: 'PKR' } });
    expect(d.invoices).toEqual({ open: 2, overdue: { count: 1, amount: { amount: 1_200_000, currency: 'PKR' } } });
    expect(d.returns).toMatchObject({ open: 1, items: [{ number: (rma.json() as Json).number, status: 'requested', orderNumber: delivered.number }] });
  });

  it('is for signed-in buyers only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/store/dashboard' })).statusCode).toBe(401);
  });
});
