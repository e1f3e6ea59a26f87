import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCreditAccount } from '../../src/modules/credit/index.ts';
import { placeOrder } from '../../src/modules/orders/index.ts';
import { createTestPaymentProvider, usePaymentProvider } from '../../src/modules/payments/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerCtx, checkoutStore, expectStatus } from './fixture.ts';

/**
 * The reliability guarantees, run on PGlite and (with DATABASE_URL) on PostgreSQL, where
 * the concurrent requests run on separate pooled connections and really race.
 */
let t: TestApp;
let s: Awaited<ReturnType<typeof checkoutStore>>;

beforeAll(async () => {
  t = await createTestApp();
  s = await checkoutStore(t, { creditLimit: 100_000_000 });
}, 120_000);
afterAll(async () => t?.close());

// One SFP-1 at the builder's 8,800 PKR + 500 shipping + 18% GST on both (1,584 + 90).
const ONE_SFP1 = 8_800 + 500 + 1_584 + 90;

async function carts(n: number, sku: string, quantity: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push(await s.cartWith(s.builder, [{ sku, quantity }], `Race ${i}`));
  return ids;
}

const setStock = (sku: string, onHand: number) => s.ok('PUT', '/api/admin/inventory', { items: [{ sku, warehouseCode: 'KHI', onHand }] });

describe('reliability', () => {
  it('50 concurrent on-account orders never spend past the credit limit', async () => {
    const ids = await carts(50, 'SFP-1', 1);
    const exposure = await s.exposure();
    const available = Math.floor(5.5 * ONE_SFP1);
    await updateCreditAccount(s.sys, s.companyId, { creditLimit: exposure + available, overLimitAction: 'block' });
    const results = await Promise.all(ids.map((cartId) => s.checkout(s.builder, { cartId })));
    const accepted = results.filter((r) => r.statusCode === 201).map((r) => r.json().total.amount as number);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(refused.every((r) => r.json().code === 'CREDIT_LIMIT_EXCEEDED'), refused.map((r) => r.body).join('\n')).toBe(true);
    expect(accepted.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(available);
    expect(accepted).toHaveLength(5);
    expect(await s.exposure()).toBe(exposure + accepted.reduce((a, b) => a + b, 0));
    await updateCreditAccount(s.sys, s.companyId, { creditLimit: 100_000_000 });
  }, 120_000);

  it('100 concurrent checkouts for the last 10 units: exactly 10 succeed and stock never goes below zero', async () => {
    const ids = await carts(100, 'SFP-2', 1);
    const before = await s.stock('SFP-2');
    await setStock('SFP-2', before.reserved + 10);
    const results = await Promise.all(ids.map((cartId) => s.checkout(s.builder, { cartId })));
    const ok = results.filter((r) => r.statusCode === 201);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(ok).toHaveLength(10);
    // Refused with the line named: either the cart's own stock check or the reservation under lock caught it.
    expect(refused.every((r) => r.statusCode === 409 && ['CHECKOUT_CART_INVALID', 'CHECKOUT_STOCK_SHORT'].includes(r.json().code)), refused.map((r) => r.body).slice(0, 3).join('\n')).toBe(true);
    const after = await s.stock('SFP-2');
    expect(after.reserved).toBe(before.reserved + 10);
    expect(after.onHand - after.reserved).toBe(0);
    const [neg] = await t.database.query<{ n: number }>('select count(*)::int as n from inventory where reserved > on_hand and not backorder');
    expect(neg!.n).toBe(0);
    expect(await s.count(`select 1 from orders where cart_id = any($1::text[])`, [ids])).toBe(10);
    expect(await s.count(`select 1 from order_reservation_lines r join orders o on o.id = r.order_id where o.cart_id = any($1::text[])`, [ids])).toBe(10);
  }, 180_000);

  it('the same Idempotency-Key retried 20 times at once creates exactly one order', async () => {
    const cartId = (await carts(1, 'SFP-1', 2))[0]!;
    const body = { cartId, poNumber: 'PO-IDEM' };
    const results = await Promise.all(Array.from({ length: 20 }, () => s.checkout(s.builder, body, { 'idempotency-key': `idem-${cartId}` })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.every((c) => c === 201 || c === 409), codes.join(',')).toBe(true);
    const created = new Set(results.filter((r) => r.statusCode === 201).map((r) => r.json().id as string));
    expect(created.size).toBe(1);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('IDEMPOTENCY_IN_PROGRESS');
    expect(await s.count('select 1 from orders where cart_id = $1', [cartId])).toBe(1);
    // Once the first has finished, a retry replays it.
    const replay = await s.checkout(s.builder, body, { 'idempotency-key': `idem-${cartId}` });
    expectStatus(replay, 201);
    expect(replay.json().id).toBe([...created][0]);
  }, 60_000);

  it('a failure after the order rows are written and before commit leaves no order, no reservation, no event', async () => {
    const cartId = (await carts(1, 'SFP-1', 3))[0]!;
    const ctx = buyerCtx(t, s.builder.user.id, s.companyId);
    const snapshot = async () => ({
      orders: await s.count('select 1 from orders'),
      lines: await s.count('select 1 from order_lines'),
      reservations: await s.count('select 1 from order_reservation_lines'),
      events: await s.count('select 1 from order_events'),
      outbox: await s.count(`select 1 from outbox_events where type like 'order.%'`),
      stock: await s.stock('SFP-1'),
      exposure: await s.exposure(),
      cartStatus: (await t.database.query<{ status: string }>('select status from carts where id = $1', [cartId]))[0]!.status,
    });
    const before = await snapshot();
    let sawOrder = false;
    const input = { cartId, shipToLocationId: s.karachi.id, shippingMethodId: s.courier.id, paymentMethod: 'account' as const };
    await expect(
      placeOrder(ctx, input, {
        failpoint: async (_point, tx) => {
          // Inside the transaction everything is there …
          sawOrder = ((await tx.db.execute(sql`select 1 from orders where cart_id = ${cartId}`)) as unknown as { rows: unknown[] }).rows.length === 1;
          throw new Error('injected failure before commit');
        },
      }),
    ).rejects.toThrow('injected failure before commit');
    expect(sawOrder).toBe(true);
    // … and after the rollback nothing is.
    expect(await snapshot()).toEqual(before);
    const placed = await placeOrder(ctx, input);
    expect(placed.status).toBe('placed');
  });

  it('a card captured before a failure at commit time is refunded in full, and no payment or order is left', async () => {
    const cartId = (await carts(1, 'SFP-1', 2))[0]!;
    const ctx = buyerCtx(t, s.builder.user.id, s.companyId);
    const base = createTestPaymentProvider();
    const refunds: { amount: number; providerRef: string }[] = [];
    let captured = { providerRef: '', amount: 0 };
    usePaymentProvider({
      ...base,
      name: base.name,
      capture: async (req) => {
        const r = await base.capture(req);
        if (r.ok) captured = { providerRef: r.providerRef, amount: req.amount };
        return r;
      },
      refund: async (req) => {
        refunds.push({ amount: req.amount, providerRef: req.providerRef });
        return base.refund(req);
      },
    });
    try {
      const payments = () => s.count('select 1 from payments');
      const before = { orders: await s.count('select 1 from orders'), payments: await payments() };
      const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
      const input = { cartId, shipToLocationId: s.karachi.id, shippingMethodId: s.courier.id, paymentMethod: 'card' as const, card };
      await expect(placeOrder(ctx, input, { failpoint: async () => Promise.reject(new Error('commit failed')) })).rejects.toThrow('commit failed');
      expect(captured.amount).toBeGreaterThan(0);
      expect(refunds).toEqual([captured]);
      expect({ orders: await s.count('select 1 from orders'), payments: await payments() }).toEqual(before);
      // Placed again, it is charged again (a new capture) and not refunded.
      const placed = await placeOrder(ctx, input);
      expect(placed.status).toBe('placed');
      expect(refunds).toHaveLength(1);
    } finally {
      usePaymentProvider(createTestPaymentProvider());
    }
  });
});
