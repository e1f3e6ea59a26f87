import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { inTx } from '../../src/http/context.ts';
import { loadCartForCheckout } from '../../src/modules/carts/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerCtx, cartStore } from './fixture.ts';

/**
 * The checkout reads its cart in one statement, building the lines' buyability from the shared
 * catalogs last seen reaching the company and confirming them in that statement. These tests pin
 * that the answer is always what a fresh read gives: after the company's catalogs change either
 * way, and when the cart changed while the checkout waited for its lock.
 */
describe('carts module: the checkout read is never stale', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof cartStore>>;
  beforeAll(async () => {
    t = await createTestApp();
    s = await cartStore(t);
  });
  afterAll(async () => t.close());

  it('flags a line whose item a catalog hid since the last checkout read, and clears it when the catalog goes', async () => {
    const c = await s.cart(s.outsider, 'POST', '/api/store/carts', { name: 'Bolts to order', makeCurrent: false }, 201);
    await s.cart(s.outsider, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-10', quantity: 5 });
    const ctx = buyerCtx(t, s.outsider.user.id, s.outsider.company.id);
    const codes = async () => (await inTx(ctx, (tx) => loadCartForCheckout(tx, c.id))).lines.map((l) => [l.sku, l.problems.map((p) => p.code)]);
    expect(await codes()).toEqual([['SFP-10', []]]);

    const hide = await s.call(s.admin, 'POST', '/api/admin/shared-catalogs', {
      name: 'No bolts at checkout', status: 'active',
      rules: [{ effect: 'exclude', kind: 'product', value: s.bolts.id }],
      assignments: [{ type: 'company', companyId: s.outsider.company.id, includeDescendants: false }],
    });
    expect(hide.statusCode, hide.body).toBe(201);
    try {
      expect(await codes()).toEqual([['SFP-10', ['ITEM_UNAVAILABLE']]]);
      // Read again with the hiding catalog now the one last seen: still hidden.
      expect(await codes()).toEqual([['SFP-10', ['ITEM_UNAVAILABLE']]]);
    } finally {
      expect((await s.call(s.admin, 'DELETE', `/api/admin/shared-catalogs/${hide.json().id}`)).statusCode).toBeLessThan(300);
    }
    expect(await codes()).toEqual([['SFP-10', []]]);
  });

  it('reads the lines as committed by a change the checkout waited for (the cart lock)', async () => {
    const c = await s.cart(s.builder, 'POST', '/api/store/carts', { name: 'Changed while waiting', makeCurrent: false }, 201);
    await s.cart(s.builder, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-1', quantity: 2 });
    const ctx = buyerCtx(t, s.builder.user.id, s.builder.company.id);
    // A change of the lines as the carts module makes one: the cart row updated (locked) first, held a while.
    // The read starts once the change holds the lock (not after a fixed pause, which a busy machine can outlast).
    let locked!: () => void;
    const holding = new Promise<void>((r) => (locked = r));
    const change = t.database.db.transaction(async (tx) => {
      await tx.execute(sql`update carts set updated_at = now() where id = ${c.id}`);
      await tx.execute(sql`update cart_lines set quantity = 7 where cart_id = ${c.id}`);
      locked();
      await new Promise((r) => setTimeout(r, 500));
    });
    await holding;
    // On PostgreSQL this read waits for the change's lock, its snapshot taken before the change commits.
    const loaded = await inTx(ctx, (tx) => loadCartForCheckout(tx, c.id));
    await change;
    expect(loaded.lines.map((l) => [l.sku, l.quantity, l.lineTotal])).toEqual([['SFP-1', 7, 7 * loaded.lines[0]!.unitPrice]]);
    expect(loaded.subtotal).toBe(7 * loaded.lines[0]!.unitPrice);
  });
});
