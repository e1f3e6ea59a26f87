import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { writeTogether } from '../../src/db/write-together.ts';
import { inTx, type Ctx } from '../../src/http/context.ts';
import { cartNotOpen, cartOrderedWrites, loadCartForCheckout, recordCartEvent } from '../../src/modules/carts/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerCtx, cartStore } from './fixture.ts';

/** Closes the cart as the checkout does: its writes in one statement, refused when it was not open. */
async function markCartOrdered(tx: Ctx, cartId: string, orderId: string): Promise<void> {
  const w = cartOrderedWrites(tx, cartId, orderId);
  const r = await writeTogether<{ closed: number }>(tx.db, w.parts, sql`select ${w.closed} as closed`);
  if (r.closed !== 1) throw cartNotOpen();
}

describe('carts module: the checkout face', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof cartStore>>;
  beforeAll(async () => {
    t = await createTestApp();
    s = await cartStore(t);
  });
  afterAll(async () => t.close());

  it('loads a cart re-validated for checkout, records steps, and closes it as ordered exactly once', async () => {
    const c = await s.cart(s.builder, 'POST', '/api/store/carts', { name: 'To order' }, 201);
    await s.cart(s.builder, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-2', quantity: 3 });
    await s.cart(s.builder, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-10', quantity: 3 });
    const ctx = buyerCtx(t, s.builder.user.id, s.builder.company.id);
    const loaded = await loadCartForCheckout(ctx, c.id);
    expect(loaded.cart).toEqual({ id: c.id, name: 'To order', companyId: s.builder.company.id, currency: 'PKR' });
    expect(loaded.lines.map((l) => [l.sku, l.name, l.quantity, l.unitPrice, l.lineTotal, l.taxClass, l.priceSource?.split(':')[0], l.problems.map((p) => p.code)])).toEqual([
      ['SFP-2', 'Pricing Hammer', 3, 10_000, 30_000, 'standard', 'contract', []],
      ['SFP-10', 'Pricing Bolts', 3, 50_000, 150_000, 'standard', 'base', ['QUANTITY_BELOW_MIN', 'QUANTITY_NOT_INCREMENT']],
    ]);
    expect([loaded.subtotal, loaded.currency, loaded.problems]).toEqual([180_000, 'PKR', []]);

    // A step is recorded in a statement of its own, as the checkout records them: inside the order's
    // transaction it would share that transaction's now() with 'ordered', and two events at one
    // instant with ids made in one millisecond sort at random.
    await recordCartEvent(ctx, c.id, 'checkout_step', { step: 'review' });
    // Inside the order's transaction: same answer (prices read from the database), then closed.
    await inTx(ctx, async (tx) => {
      const again = await loadCartForCheckout(tx, c.id);
      expect(again.subtotal).toBe(180_000);
      await markCartOrdered(tx, c.id, 'ord_test');
    });
    await expect(inTx(ctx, (tx) => markCartOrdered(tx, c.id, 'ord_again'))).rejects.toMatchObject({ code: 'CART_NOT_OPEN' });
    await expect(loadCartForCheckout(ctx, c.id)).rejects.toMatchObject({ code: 'CART_NOT_OPEN' });
    const types = await t.database.query<{ type: string }>('select type from cart_events where cart_id = $1 order by at, id', [c.id]);
    expect(types.map((r) => r.type).slice(-2)).toEqual(['checkout_step', 'ordered']);
    const closed = await s.cart(s.builder, 'GET', `/api/store/carts/${c.id}`);
    expect(closed.status).toBe('ordered');
    expect((await s.call(s.builder, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-1', quantity: 1 })).statusCode).toBe(409);
    expect((await s.call(s.builder, 'GET', '/api/store/carts/current')).statusCode).toBe(404);
  });

  it("refuses another company's cart (404), a view-only share (403), and reports an empty cart", async () => {
    const c = await s.cart(s.builder, 'POST', '/api/store/carts', { name: 'Empty' }, 201);
    await expect(loadCartForCheckout(buyerCtx(t, s.outsider.user.id, s.outsider.company.id), c.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await s.call(s.builder, 'PUT', `/api/store/carts/${c.id}/shares/${s.colleague.userId}`, { access: 'view' });
    await expect(loadCartForCheckout(buyerCtx(t, s.colleague.userId, s.builder.company.id, 'buyer'), c.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const empty = await loadCartForCheckout(buyerCtx(t, s.builder.user.id, s.builder.company.id), c.id);
    expect(empty.problems).toEqual([{ code: 'CART_EMPTY', message: 'The cart is empty' }]);
  });
});
