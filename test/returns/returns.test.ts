import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, makeBuyer, loginBuyer, staffSession, type SignedIn } from '../helpers/auth.ts';
import { chargeCard } from '../../src/modules/payments/index.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { insertOrder } from './orders-fixture.ts';

type Json = Record<string, unknown> & { id: string };

describe('returns (RMA)', () => {
  let t: TestApp;
  let staff: SignedIn;
  let buyer: SignedIn & { company: { id: string }; user: { id: string } };

  beforeAll(async () => {
    t = await createTestApp();
    staff = await staffSession(t, 'admin');
    buyer = await buyerSession(t, { role: 'buyer', company: { currency: 'PKR' } });
  });
  afterAll(async () => t.close());

  const call = async (who: SignedIn, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: who.headers, ...(payload ? { payload } : {}) });
  const ok = async (who: SignedIn, method: 'GET' | 'POST', url: string, payload?: object): Promise<Json> => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json() as Json;
  };
  const fails = async (who: SignedIn, method: 'GET' | 'POST', url: string, payload: object | undefined, status: number, code: string, field?: string) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json()).toMatchObject({ code, ...(field ? { field } : {}) });
  };
  const lineState = async (orderId: string, lineNo: number) =>
    (await t.database.query<{ quantity_shipped: number; quantity_returned: number }>('select quantity_shipped, quantity_returned from order_lines where order_id = $1 and line_no = $2', [orderId, lineNo]))[0];
  const deliveredOrder = (lines = [{ sku: 'CEM-50', name: 'Cement 50 kg', quantity: 10, unitPrice: 150000, shipped: 10, taxRateBp: 1800 }, { sku: 'BRK-1', name: 'Red brick', quantity: 500, unitPrice: 2000, shipped: 0 }]) =>
    insertOrder(t.database, { companyId: buyer.company.id, placedBy: buyer.user.id, lines });

  it('lets a buyer return part of a delivered line with a reason; the line counts it and staff see it', async () => {
    const order = await deliveredOrder();
    const form = await ok(buyer, 'GET', `/api/store/orders/${order.id}/returnable-lines`);
    expect(form.windowDays).toBe(30);
    expect(form.lines).toMatchObject([
      { lineNo: 1, sku: 'CEM-50', quantityShipped: 10, returnable: 10, windowOpen: true },
      { lineNo: 2, sku: 'BRK-1', quantityShipped: 0, returnable: 0, returnBy: null },
    ]);

    const rma = await ok(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 3, reason: 'damaged' }], comment: 'Three bags split open' });
    expect(rma).toMatchObject({ status: 'requested', orderNumber: order.number, comment: 'Three bags split open', lineCount: 1, actions: [] });
    expect(rma.number).toMatch(/^RMA-\d+$/);
    // 3 × 1,500.00 + 18% tax
    expect(rma.amount).toEqual({ amount: 531000, currency: 'PKR' });
    expect(rma.events).toMatchObject([{ type: 'return.requested', toStatus: 'requested', actorKind: 'buyer', actorName: buyer.body.email ?? expect.any(String) }]);
    expect(await lineState(order.id, 1)).toEqual({ quantity_shipped: 10, quantity_returned: 3 });

    const mine = await ok(buyer, 'GET', '/api/store/returns');
    expect((mine.items as Json[]).map((r) => r.id)).toContain(rma.id);
    const seen = await ok(staff, 'GET', `/api/admin/returns?status=requested&q=${encodeURIComponent(rma.number as string)}`);
    expect(seen.items).toMatchObject([{ id: rma.id, companyId: buyer.company.id }]);
    const detail = await ok(staff, 'GET', `/api/admin/returns/${rma.id}`);
    expect(detail.actions).toEqual(['approve', 'reject']);
    const outbox = await t.database.query<{ payload: { to: string; number: string } }>("select payload from outbox_events where type = 'return.status_changed' and aggregate_id = $1", [rma.id]);
    expect(outbox.map((o) => o.payload)).toMatchObject([{ to: 'requested', number: rma.number }]);
  });

  it('refuses more than shipped and not yet returned, unshipped lines, repeated lines and closed windows', async () => {
    const order = await deliveredOrder();
    await ok(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 8, reason: 'no_longer_needed' }] });
    await fails(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 3, reason: 'damaged' }] }, 409, 'RETURN_QUANTITY_EXCEEDED', 'lines/0/quantity');
    await fails(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 2, quantity: 1, reason: 'damaged' }] }, 409, 'RETURN_NOT_RETURNABLE', 'lines/0/lineNo');
    await fails(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 1, reason: 'damaged' }, { lineNo: 1, quantity: 1, reason: 'other' }] }, 400, 'VALIDATION_FAILED', 'lines/1/lineNo');
    await fails(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 9, quantity: 1, reason: 'damaged' }] }, 400, 'VALIDATION_FAILED', 'lines/0/lineNo');
    // A failed request claims nothing.
    expect(await lineState(order.id, 1)).toEqual({ quantity_shipped: 10, quantity_returned: 8 });

    const old = await insertOrder(t.database, { companyId: buyer.company.id, placedBy: buyer.user.id, placedAt: new Date(Date.now() - 45 * 86_400_000), lines: [{ sku: 'CEM-50', name: 'Cement', quantity: 2, unitPrice: 100 }] });
    await fails(buyer, 'POST', '/api/store/returns', { orderId: old.id, lines: [{ lineNo: 1, quantity: 1, reason: 'damaged' }] }, 409, 'RETURN_WINDOW_CLOSED', 'lines/0/lineNo');
    expect((await ok(buyer, 'GET', `/api/store/orders/${old.id}/returnable-lines`)).lines).toMatchObject([{ returnable: 0, windowOpen: false }]);
  });

  it('never returns more than was shipped when requests for the same line race', async () => {
    const order = await insertOrder(t.database, { companyId: buyer.company.id, placedBy: buyer.user.id, lines: [{ sku: 'PIPE-4', name: 'Pipe', quantity: 5, unitPrice: 1000, shipped: 3 }] });
    const results = await Promise.all(Array.from({ length: 8 }, () => call(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 1, reason: 'wrong_item' }] })));
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    expect(results.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'RETURN_QUANTITY_EXCEEDED')).toBe(true);
    expect(await lineState(order.id, 1)).toEqual({ quantity_shipped: 3, quantity_returned: 3 });
  });

  it("answers 404 for another company's order and return, exactly as for a missing one", async () => {
    const order = await deliveredOrder();
    const rma = await ok(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 1, reason: 'defective' }] });
    const other = await buyerSession(t, { role: 'admin' });
    await fails(other, 'GET', `/api/store/returns/${rma.id}`, undefined, 404, 'NOT_FOUND');
    await fails(other, 'GET', '/api/store/returns/rma_00000000000000000000000000', undefined, 404, 'NOT_FOUND');
    await fails(other, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 1, reason: 'defective' }] }, 404, 'NOT_FOUND', 'orderId');
    await fails(other, 'GET', `/api/store/orders/${order.id}/returnable-lines`, undefined, 404, 'NOT_FOUND');
    expect((await ok(other, 'GET', '/api/store/returns')).items).toEqual([]);
  });

  it('rejects with a reason the buyer sees, and the quantity becomes returnable again', async () => {
    const order = await deliveredOrder();
    const rma = await ok(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 4, reason: 'ordered_by_mistake' }] });
    await fails(staff, 'POST', `/api/admin/returns/${rma.id}/reject`, { reason: '' }, 400, 'VALIDATION_FAILED', 'reason');
    const rejected = await ok(staff, 'POST', `/api/admin/returns/${rma.id}/reject`, { reason: 'Cut-to-order goods cannot be returned' });
    expect(rejected).toMatchObject({ status: 'rejected', decisionReason: 'Cut-to-order goods cannot be returned', actions: [] });
    expect(await lineState(order.id, 1)).toEqual({ quantity_shipped: 10, quantity_returned: 0 });
    await fails(staff, 'POST', `/api/admin/returns/${rma.id}/approve`, {}, 409, 'RETURN_TRANSITION_INVALID', 'status');
    const seen = await ok(buyer, 'GET', `/api/store/returns/${rma.id}`);
    expect(seen).toMatchObject({ status: 'rejected', decisionReason: 'Cut-to-order goods cannot be returned' });
  });

  it('approves, receives fewer than requested into a warehouse (stock goes up) and refunds the card payment', async () => {
    const wh = await ok(staff, 'POST', '/api/admin/warehouses', { code: `RT${Date.now() % 100000}`, name: 'Returns bay', country: 'PK' });
    const product = await ok(staff, 'POST', '/api/admin/products', { name: 'Steel rebar 12 mm', variants: [{ sku: `RB-${Date.now()}` }] });
    const variantId = (product.variants as Json[])[0]?.id as string;
    const order = await insertOrder(t.database, { companyId: buyer.company.id, placedBy: buyer.user.id, paymentMethod: 'card', lines: [{ sku: 'RB-12', name: 'Steel rebar 12 mm', quantity: 6, unitPrice: 250000, variantId }] });
    const payment = await chargeCard(systemCtx(t.database.db), { amount: order.total, currency: 'PKR', card: { number: '4242424242424242', expMonth: 12, expYear: 2035, cvc: '123' }, ref: { kind: 'order', id: order.id }, companyId: buyer.company.id });
    await t.database.query('update orders set payment_id = $2 where id = $1', [order.id, payment.id]);

    const rma = await ok(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 4, reason: 'defective' }] });
    await fails(staff, 'POST', `/api/admin/returns/${rma.id}/receive`, {}, 409, 'RETURN_TRANSITION_INVALID');
    expect(await ok(staff, 'POST', `/api/admin/returns/${rma.id}/approve`, { note: 'Send via TCS' })).toMatchObject({ status: 'approved', actions: ['receive'] });
    await fails(staff, 'POST', `/api/admin/returns/${rma.id}/receive`, { lines: [{ lineNo: 1, quantityReceived: 5 }] }, 400, 'VALIDATION_FAILED', 'lines/0/quantityReceived');
    const received = await ok(staff, 'POST', `/api/admin/returns/${rma.id}/receive`, { lines: [{ lineNo: 1, quantityReceived: 3 }], restockWarehouseId: wh.id });
    expect(received).toMatchObject({ status: 'received', restockWarehouseId: wh.id, lines: [{ quantity: 4, quantityReceived: 3 }], amount: { amount: 750000 }, actions: ['refund', 'credit'] });
    // The one that did not arrive is returnable again; the three that did are back on hand.
    expect(await lineState(order.id, 1)).toEqual({ quantity_shipped: 6, quantity_returned: 3 });
    const [stock] = await t.database.query<{ on_hand: number }>('select on_hand from inventory where variant_id = $1 and warehouse_id = $2', [variantId, wh.id]);
    expect(stock?.on_hand).toBe(3);

    await fails(staff, 'POST', `/api/admin/returns/${rma.id}/resolve`, { resolution: 'refund', amount: 750001 }, 400, 'VALIDATION_FAILED', 'amount');
    const refunded = await ok(staff, 'POST', `/api/admin/returns/${rma.id}/resolve`, { resolution: 'refund' });
    expect(refunded).toMatchObject({ status: 'refunded', resolution: 'refund', resolutionAmount: { amount: 750000, currency: 'PKR' }, resolutionRef: payment.id, actions: [] });
    const [pay] = await t.database.query<{ amount_refunded: string | number }>('select amount_refunded from payments where id = $1', [payment.id]);
    expect(Number(pay?.amount_refunded)).toBe(750000);
    expect((refunded.events as Json[]).map((e) => e.toStatus)).toEqual(['requested', 'approved', 'received', 'refunded']);
    expect((refunded.events as Json[]).slice(1).every((e) => e.actorKind === 'staff')).toBe(true);
  });

  it('refuses a card refund for an order on account and credits it with a credit memo instead', async () => {
    const order = await deliveredOrder();
    const rma = await ok(buyer, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 1, reason: 'damaged' }] });
    await ok(staff, 'POST', `/api/admin/returns/${rma.id}/approve`, {});
    await ok(staff, 'POST', `/api/admin/returns/${rma.id}/receive`, {});
    await fails(staff, 'POST', `/api/admin/returns/${rma.id}/resolve`, { resolution: 'refund' }, 409, 'RETURN_REFUND_UNAVAILABLE', 'resolution');
    // On account, the return settles as a credit memo (invoicing's issueCreditMemo) for the received value.
    const credited = await ok(staff, 'POST', `/api/admin/returns/${rma.id}/resolve`, { resolution: 'credit_memo', note: 'Damaged in transit' });
    expect(credited).toMatchObject({ status: 'credited', resolution: 'credit_memo', resolutionAmount: { amount: 177000, currency: 'PKR' } });
    const memos = await t.database.query<{ id: string; amount: string | number; return_id: string }>('select id, amount, return_id from credit_memos where return_id = $1', [rma.id]);
    expect(memos).toHaveLength(1);
    expect(memos[0]?.id).toBe(credited.resolutionRef);
    expect(Number(memos[0]?.amount)).toBe(177000);
    await fails(staff, 'POST', `/api/admin/returns/${rma.id}/resolve`, { resolution: 'credit_memo' }, 409, 'RETURN_TRANSITION_INVALID');
  });

  it('lets a company admin read returns of a child company but request only for its own orders', async () => {
    const parent = await buyerSession(t, { role: 'admin' });
    const child = await buyerSession(t, { role: 'buyer', company: { parentId: parent.company.id } });
    const order = await insertOrder(t.database, { companyId: child.company.id, placedBy: child.user.id, lines: [{ sku: 'X', name: 'X', quantity: 1, unitPrice: 100 }] });
    const rma = await ok(child, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 1, reason: 'other' }] });
    expect((await ok(parent, 'GET', `/api/store/returns/${rma.id}`)).id).toBe(rma.id);
    await fails(parent, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 1, reason: 'other' }] }, 404, 'NOT_FOUND', 'orderId');
    const viewer = await makeBuyer(t, { companyId: child.company.id, role: 'viewer' });
    const v = await loginBuyer(t.app, viewer.email, viewer.password);
    await fails(v, 'POST', '/api/store/returns', { orderId: order.id, lines: [{ lineNo: 1, quantity: 1, reason: 'other' }] }, 403, 'FORBIDDEN');
  });
});
