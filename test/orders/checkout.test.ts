import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PurchaseEventPayloads } from '../../src/modules/segments/index.ts';
import { Value } from 'typebox/value';
import { createTestApp, type TestApp } from '../harness.ts';
import { staffSession } from '../helpers/auth.ts';
import { member } from '../carts/fixture.ts';
import { checkoutStore, expectStatus, type OrderDetail } from './fixture.ts';
import { unique } from '../helpers/unique.ts';

let t: TestApp;
let s: Awaited<ReturnType<typeof checkoutStore>>;
/** The placing test's PO number: unique per attempt, so the later tests find its order once even after a retry. */
let placedPo = '';

beforeAll(async () => {
  t = await createTestApp();
  s = await checkoutStore(t);
}, 120_000);
afterAll(async () => t?.close());

const later = () => new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10);

describe('checkout options', () => {
  it('offers the ship-to locations, shipping with its rate, an 18% GST preview and payment on Net 30 with the available credit', async () => {
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 2 }]);
    const res = await t.app.inject({ method: 'GET', url: `/api/store/checkout/options?cartId=${cartId}`, headers: s.builder.headers });
    expectStatus(res, 200);
    const o = res.json();
    expect(o.locations.map((l: { name: string }) => l.name).sort()).toEqual(['Karachi depot', 'Lahore site']);
    expect(o.selectedLocationId).toBe(s.karachi.id);
    expect(o.shippingOptions).toEqual([expect.objectContaining({ id: s.courier.id, name: 'TCS Courier', amount: { amount: 500, currency: 'PKR' }, free: false })]);
    expect(o.cart.subtotal).toEqual({ amount: 17_600, currency: 'PKR' });
    // GST per line: 17,600 × 18% = 3,168; shipping 500 × 18% = 90.
    expect(o.tax.lines).toEqual([{ lineId: o.cart.lines[0].lineId, rateBp: 1800, label: 'GST 18%', amount: { amount: 3_168, currency: 'PKR' } }]);
    expect(o.totals.total).toEqual({ amount: 17_600 + 500 + 3_168 + 90, currency: 'PKR' });
    expect(o.payment.account).toEqual({ available: true, terms: { code: 'net30', label: expect.any(String) }, creditLimit: { amount: 1_000_000, currency: 'PKR' }, availableCredit: { amount: 1_000_000, currency: 'PKR' }, overLimitAction: 'block' });
    const [ev] = await t.database.query<{ n: number }>(`select count(*)::int as n from cart_events where cart_id = $1 and type = 'checkout_step'`, [cartId]);
    expect(ev!.n).toBe(1);
  });

  it('shows a buyer restricted to one location only that location, and refuses the other at checkout', async () => {
    const { makeBuyer, loginBuyer } = await import('../helpers/auth.ts');
    const b = await makeBuyer(t, { companyId: s.companyId, role: 'buyer', locationIds: [s.lahore.id] });
    const who = await loginBuyer(t.app, b.email, b.password);
    const cartId = await s.cartWith(who, [{ sku: 'SFP-1', quantity: 1 }]);
    const res = await t.app.inject({ method: 'GET', url: `/api/store/checkout/options?cartId=${cartId}`, headers: who.headers });
    expect(res.json().locations.map((l: { id: string }) => l.id)).toEqual([s.lahore.id]);
    const refused = await s.checkout(who, { cartId, shipToLocationId: s.karachi.id });
    expectStatus(refused, 422);
    expect(refused.json()).toMatchObject({ code: 'SHIP_TO_NOT_ALLOWED', field: 'shipToLocationId' });
  });
});

describe('placing an order', () => {
  it('places an on-account order with a PO number: prices, tax, shipping, stock and credit reserved, cart closed, events written', async () => {
    const before = await s.stock('SFP-1');
    const exposureBefore = await s.exposure();
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 3 }, { sku: 'SFP-2', quantity: 1 }]);
    const key = unique('place-1');
    placedPo = unique('PO-7781');
    const res = await s.checkout(s.builder, { cartId, poNumber: placedPo, requestedDeliveryDate: later(), notes: 'Gate 4, mornings only' }, { 'idempotency-key': key });
    expectStatus(res, 201);
    const o = res.json() as OrderDetail;
    expect(o.number).toMatch(/^SO-\d{6,}$/);
    expect(o).toMatchObject({ status: 'placed', paymentMethod: 'account', paymentTerms: 'net30', poNumber: placedPo, notes: 'Gate 4, mornings only', shippingMethodName: 'TCS Courier' });
    expect(o.shipTo).toMatchObject({ locationId: s.karachi.id, city: 'Karachi', country: 'PK' });
    expect(o.lines.map((l) => [l.sku, l.quantity, l.unitPrice.amount, l.taxRateBp])).toEqual([['SFP-1', 3, 8_800, 1800], ['SFP-2', 1, 10_000, 1800]]);
    const subtotal = 3 * 8_800 + 10_000;
    const tax = Math.round(26_400 * 0.18) + Math.round(10_000 * 0.18) + 90;
    expect(o.subtotal.amount).toBe(subtotal);
    expect(o.taxTotal.amount).toBe(tax);
    expect(o.total.amount).toBe(subtotal + 500 + tax);
    expect(o.events[0]).toMatchObject({ type: 'placed', toStatus: 'placed', actorKind: 'buyer', actorName: 'Test Buyer' });
    expect(await s.stock('SFP-1')).toEqual({ onHand: before.onHand, reserved: before.reserved + 3 });
    expect(await s.exposure()).toBe(exposureBefore + o.total.amount);
    const cart = await t.app.inject({ method: 'GET', url: `/api/store/carts/${cartId}`, headers: s.builder.headers });
    expect(cart.statusCode === 404 || cart.json().status === 'ordered').toBe(true);
    const [placed] = await t.database.query<{ payload: Record<string, unknown> }>(`select payload from outbox_events where type = 'order.placed' and aggregate_id = $1`, [o.id]);
    expect(placed?.payload).toMatchObject({ orderId: o.id, companyId: s.companyId, number: o.number, total: o.total.amount, currency: 'PKR' });
    expect(Value.Check(PurchaseEventPayloads['order.placed'], placed!.payload)).toBe(true);
    // The same key and body replays the first answer instead of ordering again.
    const again = await s.checkout(s.builder, { cartId, poNumber: placedPo, requestedDeliveryDate: later(), notes: 'Gate 4, mornings only' }, { 'idempotency-key': key });
    expectStatus(again, 201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.json().id).toBe(o.id);
    // The answer is the order page, byte for byte: as a GET reads it, and as the replay gives it.
    expect(again.body).toBe(res.body);
    const page = await t.app.inject({ method: 'GET', url: `/api/store/orders/${o.id}`, headers: s.builder.headers });
    expect(page.body).toBe(res.body);
  });

  it('refuses an order without a PO number where the company requires one, writing nothing', async () => {
    await t.app.inject({ method: 'PUT', url: `/api/admin/companies/${s.companyId}/credit`, headers: s.admin.headers, payload: { poRequired: true } });
    const { updateCreditAccount } = await import('../../src/modules/credit/index.ts');
    await updateCreditAccount(s.sys, s.companyId, { poRequired: true });
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 1 }]);
    const orders = await s.count('select 1 from orders');
    const res = await s.checkout(s.builder, { cartId });
    expectStatus(res, 422);
    expect(res.json()).toMatchObject({ code: 'PO_NUMBER_REQUIRED', field: 'poNumber' });
    expect(await s.count('select 1 from orders')).toBe(orders);
    const ok = await s.checkout(s.builder, { cartId, poNumber: 'PO-1' });
    expectStatus(ok, 201);
    await updateCreditAccount(s.sys, s.companyId, { poRequired: false });
    // The cart's activity tells the story in order: submitted and refused, then submitted and ordered.
    const steps = await t.database.query<{ type: string; step: string | null; code: string | null }>(
      `select type, data->>'step' as step, data->>'code' as code from cart_events where cart_id = $1 order by at, id`, [cartId]);
    expect(steps.slice(-4)).toEqual([
      { type: 'checkout_step', step: 'submitted', code: null },
      { type: 'validation_error', step: null, code: 'PO_NUMBER_REQUIRED' },
      { type: 'checkout_step', step: 'submitted', code: null },
      { type: 'ordered', step: null, code: null },
    ]);
  });

  it('refuses a delivery date in the past', async () => {
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 1 }]);
    const res = await s.checkout(s.builder, { cartId, requestedDeliveryDate: '2020-01-01' });
    expectStatus(res, 422);
    expect(res.json()).toMatchObject({ code: 'DELIVERY_DATE_IN_PAST', field: 'requestedDeliveryDate' });
  });

  it('refuses a cart with line problems, naming each line, and records the validation error on the cart', async () => {
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-2', quantity: 50 }, { sku: 'SFP-1', quantity: 1 }]);
    const orders = await s.count('select 1 from orders');
    const shown = () => s.count(`select 1 from cart_events where cart_id = $1 and type = 'validation_error'`, [cartId]);
    const shownBefore = await shown();
    const res = await s.checkout(s.builder, { cartId });
    expectStatus(res, 409);
    const p = res.json();
    expect(p.code).toBe('CHECKOUT_CART_INVALID');
    expect(p.lines).toEqual([expect.objectContaining({ sku: 'SFP-2', problems: [expect.objectContaining({ code: 'INSUFFICIENT_STOCK' })] })]);
    expect(await s.count('select 1 from orders')).toBe(orders);
    expect(await shown()).toBe(shownBefore + 1);
  });

  it('refuses a new address where the company ships only to saved locations', async () => {
    const { updateCreditAccount } = await import('../../src/modules/credit/index.ts');
    await updateCreditAccount(s.sys, s.companyId, { allowNewShipTo: false });
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 1 }]);
    const res = await s.checkout(s.builder, { cartId, shipToLocationId: undefined, newAddress: { name: 'Pop-up', line1: '3 Beach Ave', city: 'Karachi', country: 'PK' } });
    expectStatus(res, 422);
    expect(res.json()).toMatchObject({ code: 'SHIP_TO_NOT_ALLOWED', field: 'newAddress' });
    await updateCreditAccount(s.sys, s.companyId, { allowNewShipTo: true });
    const ok = await s.checkout(s.builder, { cartId, shipToLocationId: undefined, newAddress: { name: 'Pop-up', line1: '3 Beach Ave', city: 'Karachi', country: 'pk' } });
    expectStatus(ok, 201);
    expect(ok.json().shipTo).toMatchObject({ locationId: null, name: 'Pop-up', country: 'PK' });
  });

  it('pays by card with the test provider, and a declined card places nothing', async () => {
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 1 }]);
    const card = { number: '4242 4242 4242 4242', expMonth: 12, expYear: 2099, cvc: '123' };
    const declined = await s.checkout(s.builder, { cartId, paymentMethod: 'card', card: { ...card, number: '4000 0000 0000 0002' } });
    expectStatus(declined, 402);
    expect(declined.json()).toMatchObject({ code: 'CARD_DECLINED' });
    expect(await s.count('select 1 from orders where cart_id = $1', [cartId])).toBe(0);
    const res = await s.checkout(s.builder, { cartId, paymentMethod: 'card', card });
    expectStatus(res, 201);
    expect(res.json()).toMatchObject({ status: 'placed', paymentMethod: 'card', paymentId: expect.stringMatching(/^pay_/) });
  });
});

describe('credit limit', () => {
  it('blocks an on-account order over the available credit with a clear error', async () => {
    const { updateCreditAccount } = await import('../../src/modules/credit/index.ts');
    await updateCreditAccount(s.sys, s.companyId, { creditLimit: (await s.exposure()) + 10_000, overLimitAction: 'block' });
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 5 }]);
    const res = await s.checkout(s.builder, { cartId });
    expectStatus(res, 422);
    expect(res.json()).toMatchObject({ code: 'CREDIT_LIMIT_EXCEEDED', available: 10_000 });
  });

  it('places the order on credit hold where the company says so; a credit controller releases it past the limit', async () => {
    const { updateCreditAccount } = await import('../../src/modules/credit/index.ts');
    const exposure = await s.exposure();
    await updateCreditAccount(s.sys, s.companyId, { creditLimit: exposure + 10_000, overLimitAction: 'hold' });
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 5 }]);
    const res = await s.checkout(s.builder, { cartId });
    expectStatus(res, 201);
    const o = res.json() as OrderDetail;
    expect(o.status).toBe('on_hold');
    expect(await s.exposure()).toBe(exposure);
    expect(await s.count(`select 1 from outbox_events where type = 'order.placed' and aggregate_id = $1`, [o.id])).toBe(0);

    const queue = await t.app.inject({ method: 'GET', url: '/api/admin/orders/credit-holds', headers: s.admin.headers });
    expectStatus(queue, 200);
    expect(queue.json().items).toEqual([expect.objectContaining({ id: o.id, credit: expect.objectContaining({ available: { amount: 10_000, currency: 'PKR' } }) })]);

    const rep = await staffSession(t, 'sales_rep');
    const refused = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${o.id}/release`, headers: rep.headers, payload: {} });
    expectStatus(refused, 422);
    expect(refused.json().code).toBe('CREDIT_LIMIT_EXCEEDED');

    const controller = await staffSession(t, 'credit_controller');
    const released = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${o.id}/release`, headers: controller.headers, payload: { reason: 'Paid by bank transfer' } });
    expectStatus(released, 200);
    expect(released.json()).toMatchObject({ status: 'placed' });
    expect(released.json().events.at(-1)).toMatchObject({ type: 'status_changed', fromStatus: 'on_hold', toStatus: 'placed', actorKind: 'staff', reason: 'Paid by bank transfer' });
    expect(await s.exposure()).toBe(exposure + o.total.amount);
    expect(await s.count(`select 1 from outbox_events where type = 'order.placed' and aggregate_id = $1`, [o.id])).toBe(1);
    await updateCreditAccount(s.sys, s.companyId, { creditLimit: 100_000_000, overLimitAction: 'block' });
  });
});

describe('orders after checkout', () => {
  it('lists the company orders newest first, searches by PO and number, filters by status, and hides other companies', async () => {
    const list = await t.app.inject({ method: 'GET', url: '/api/store/orders?limit=2', headers: s.builder.headers });
    expectStatus(list, 200);
    const page = list.json();
    expect(page.items).toHaveLength(2);
    expect(page.nextCursor).toEqual(expect.any(String));
    const next = await t.app.inject({ method: 'GET', url: `/api/store/orders?limit=2&cursor=${page.nextCursor}`, headers: s.builder.headers });
    expect(next.json().items.map((o: { id: string }) => o.id)).not.toContain(page.items[0].id);

    // A prefix of the PO, in lower case.
    const byPo = await t.app.inject({ method: 'GET', url: `/api/store/orders?q=${placedPo.slice(0, -2).toLowerCase()}`, headers: s.builder.headers });
    expect(byPo.json().items.map((o: { poNumber: string }) => o.poNumber)).toEqual([placedPo]);
    const num = byPo.json().items[0].number as string;
    const byNumber = await t.app.inject({ method: 'GET', url: `/api/store/orders?q=${num.slice(3)}`, headers: s.builder.headers });
    expect(byNumber.json().items.map((o: { number: string }) => o.number)).toEqual([num]);
    const held = await t.app.inject({ method: 'GET', url: '/api/store/orders?status=on_hold', headers: s.builder.headers });
    expect(held.json().items).toEqual([]);

    const outsider = await t.app.inject({ method: 'GET', url: '/api/store/orders', headers: s.outsider.headers });
    expect(outsider.json().items).toEqual([]);
    const peek = await t.app.inject({ method: 'GET', url: `/api/store/orders/${page.items[0].id}`, headers: s.outsider.headers });
    expectStatus(peek, 404);
  });

  it('holds a line across two warehouses when neither has it all, a row per warehouse, and frees both on cancel', async () => {
    await s.ok('POST', '/api/admin/warehouses', { code: 'LHE', name: 'Lahore', country: 'PK' });
    expect((await s.ok('PUT', '/api/admin/inventory', { items: [{ sku: 'SFP-10', warehouseCode: 'LHE', onHand: 20 }] })).failed).toBe(0);
    const before = { sfp10: await s.stock('SFP-10'), sfp1: await s.stock('SFP-1') };
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-10', quantity: 110 }, { sku: 'SFP-1', quantity: 2 }]);
    const res = await s.checkout(s.builder, { cartId });
    expectStatus(res, 201);
    const placed = res.json() as OrderDetail;
    // Karachi has the most free units of SFP-10 (100), so it gives all it has and Lahore the rest.
    const held = await t.database.query<{ code: string; line_nos: number[]; quantities: number[] }>(
      'select w.code, r.line_nos, r.quantities from order_reservations r join warehouses w on w.id = r.warehouse_id where r.order_id = $1 order by w.code',
      [placed.id],
    );
    expect(held).toEqual([
      { code: 'KHI', line_nos: [1, 2], quantities: [100, 2] },
      { code: 'LHE', line_nos: [1], quantities: [10] },
    ]);
    expect(await s.stock('SFP-10')).toEqual({ onHand: before.sfp10.onHand, reserved: before.sfp10.reserved + 110 });
    const cancel = await t.app.inject({ method: 'POST', url: `/api/store/orders/${placed.id}/cancel`, headers: s.builder.headers, payload: {} });
    expectStatus(cancel, 200);
    expect(await s.stock('SFP-10')).toEqual(before.sfp10);
    expect(await s.stock('SFP-1')).toEqual(before.sfp1);
    expect(await s.count('select 1 from order_reservation_lines where order_id = $1 and quantity > 0', [placed.id])).toBe(0);
  });

  it('lets the buyer cancel a placed order, which frees its stock and credit; a cancelled order cannot be cancelled again', async () => {
    const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 4 }]);
    const placed = (await s.checkout(s.builder, { cartId })).json() as OrderDetail;
    const stock = await s.stock('SFP-1');
    const exposure = await s.exposure();
    const viewer = await member(t, s.companyId, 'viewer', 'Vera Viewer');
    const denied = await t.app.inject({ method: 'POST', url: `/api/store/orders/${placed.id}/cancel`, headers: viewer.headers, payload: {} });
    expectStatus(denied, 403);
    const res = await t.app.inject({ method: 'POST', url: `/api/store/orders/${placed.id}/cancel`, headers: s.builder.headers, payload: { reason: 'Ordered twice' } });
    expectStatus(res, 200);
    expect(res.json()).toMatchObject({ status: 'cancelled', actions: [] });
    expect(await s.stock('SFP-1')).toEqual({ onHand: stock.onHand, reserved: stock.reserved - 4 });
    expect(await s.exposure()).toBe(exposure - placed.total.amount);
    expect(await s.count(`select 1 from outbox_events where type = 'order.cancelled' and aggregate_id = $1`, [placed.id])).toBe(1);
    const again = await t.app.inject({ method: 'POST', url: `/api/store/orders/${placed.id}/cancel`, headers: s.builder.headers, payload: {} });
    expectStatus(again, 409);
    expect(again.json().code).toBe('ORDER_TRANSITION_INVALID');
  });

  it('gives staff search by company, status and dates, and the transitions their role allows', async () => {
    const all = await t.app.inject({ method: 'GET', url: `/api/admin/orders?companyId=${s.companyId}&status=placed&from=2000-01-01`, headers: s.admin.headers });
    expectStatus(all, 200);
    const first = all.json().items[0];
    expect(first).toMatchObject({ companyId: s.companyId, status: 'placed' });
    const none = await t.app.inject({ method: 'GET', url: `/api/admin/orders?to=2000-01-01`, headers: s.admin.headers });
    expect(none.json().items).toEqual([]);

    const support = await staffSession(t, 'support');
    const detail = await t.app.inject({ method: 'GET', url: `/api/admin/orders/${first.id}`, headers: support.headers });
    expectStatus(detail, 200);
    expect(detail.json().actions).toEqual([]);
    const forbidden = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${first.id}/transitions`, headers: support.headers, payload: { to: 'confirmed' } });
    expectStatus(forbidden, 403);

    const confirm = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${first.id}/transitions`, headers: s.admin.headers, payload: { to: 'confirmed' } });
    expectStatus(confirm, 200);
    expect(confirm.json().status).toBe('confirmed');
    expect(confirm.json().actions.map((a: { action: string }) => a.action)).toContain('hold');
    const invalid = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${first.id}/transitions`, headers: s.admin.headers, payload: { to: 'delivered' } });
    expectStatus(invalid, 409);
    const hold = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${first.id}/transitions`, headers: s.admin.headers, payload: { to: 'on_hold', reason: 'Address check' } });
    expect(hold.json().status).toBe('on_hold');
    const release = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${first.id}/release`, headers: s.admin.headers, payload: {} });
    expectStatus(release, 200);
    expect(release.json().status).toBe('confirmed');
  });

  it('gives the lines of an order back for a reorder', async () => {
    const { orderLinesForReorder } = await import('../../src/modules/orders/index.ts');
    const { buyerCtx } = await import('./fixture.ts');
    const [o] = await t.database.query<{ id: string }>('select id from orders where po_number = $1', [placedPo]);
    const lines = await orderLinesForReorder(buyerCtx(t, s.builder.user.id, s.companyId), o!.id);
    expect(lines.map((l) => [l.sku, l.quantity])).toEqual([['SFP-1', 3], ['SFP-2', 1]]);
  });
});
