import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocation } from '../../src/modules/accounts/index.ts';
import { updateCreditAccount } from '../../src/modules/credit/index.ts';
import { member } from '../carts/fixture.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { makeCompany, type SignedIn } from '../helpers/auth.ts';
import { unique } from '../helpers/unique.ts';
import { checkoutStore, expectStatus, type OrderDetail } from '../orders/fixture.ts';

/**
 * What a buyer sees after the whole journey: an order placed through checkout, shipped and
 * delivered by staff, a return requested — and then the buyer's own lists. A company admin holds
 * company.descendants:read; their lists cover their own company and its subsidiaries, a plain
 * buyer's only their own company.
 */
let t: TestApp;
let s: Awaited<ReturnType<typeof checkoutStore>>;
/** A subsidiary of the builder's company, with its own buyer (role `buyer`). */
let child: { id: string; buyer: SignedIn; locationId: string };

interface Page { items: { id: string; number: string; companyId: string; orderNumber?: string; poNumber?: string | null }[]; nextCursor: string | null }

beforeAll(async () => {
  t = await createTestApp();
  s = await checkoutStore(t);
  const company = await makeCompany(t, { legalName: unique('Builder Lahore branch'), parentId: s.companyId, industry: 'construction' });
  const loc = await createLocation(s.sys, company.id, { name: 'Branch yard', line1: '3 Canal Road', city: 'Lahore', region: 'Punjab', country: 'PK', isShipTo: true, isDefault: true });
  await updateCreditAccount(s.sys, company.id, { paymentTerms: 'net30', creditLimit: 1_000_000, overLimitAction: 'block' });
  child = { id: company.id, buyer: await member(t, company.id, 'buyer', 'Branch Buyer'), locationId: loc.id };
}, 120_000);
afterAll(async () => t?.close());

const get = async (who: SignedIn, url: string): Promise<Page> => {
  const res = await t.app.inject({ method: 'GET', url, headers: who.headers });
  expectStatus(res, 200);
  return res.json() as Page;
};
const ids = (p: Page) => p.items.map((i) => i.id);

/** Checkout as `who`, then staff ship every line and mark the shipment delivered. */
async function deliveredOrder(who: SignedIn, opts: { poNumber: string; shipToLocationId?: string }): Promise<OrderDetail> {
  const cartId = await s.cartWith(who, [{ sku: 'SFP-1', quantity: 4 }]);
  const placed = await s.checkout(who, { cartId, poNumber: opts.poNumber, ...(opts.shipToLocationId ? { shipToLocationId: opts.shipToLocationId } : {}) });
  expectStatus(placed, 201);
  const order = placed.json() as OrderDetail;
  const shipped = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/shipments`, headers: s.admin.headers, payload: { carrier: 'TCS', trackingNumber: unique('TCS'), lines: [{ lineNo: 1, quantity: 4 }] } });
  expectStatus(shipped, 201);
  const delivered = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/shipments/${shipped.json().id}/deliver`, headers: s.admin.headers, payload: {} });
  expectStatus(delivered, 200);
  const now = await t.app.inject({ method: 'GET', url: `/api/store/orders/${order.id}`, headers: who.headers });
  expect(now.json().status).toBe('delivered');
  return order;
}

async function requestReturn(who: SignedIn, orderId: string): Promise<{ id: string; number: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/store/returns', headers: who.headers, payload: { orderId, lines: [{ lineNo: 1, quantity: 1, reason: 'damaged' }] } });
  expectStatus(res, 201);
  return res.json() as { id: string; number: string };
}

describe('a buyer finds their order and return after the whole journey', () => {
  it('shows a company admin the return they just requested, in the list and on its page, and finds the order by number and by PO', async () => {
    const po = unique('PO-LIST');
    const order = await deliveredOrder(s.builder, { poNumber: po });
    expect(order.number).toMatch(/^SO-\d+$/);
    const rma = await requestReturn(s.builder, order.id);

    const mine = await get(s.builder, '/api/store/returns');
    expect(ids(mine)).toContain(rma.id);
    expect(mine.items.find((r) => r.id === rma.id)).toMatchObject({ number: rma.number, orderNumber: order.number, companyId: s.companyId });
    const page = await t.app.inject({ method: 'GET', url: `/api/store/returns/${rma.id}`, headers: s.builder.headers });
    expectStatus(page, 200);
    expect(page.json()).toMatchObject({ id: rma.id, status: 'requested' });
    const form = await t.app.inject({ method: 'GET', url: `/api/store/orders/${order.id}/returnable-lines`, headers: s.builder.headers });
    expectStatus(form, 200);
    expect(form.json().lines).toMatchObject([{ lineNo: 1, quantityShipped: 4, quantityReturned: 1, returnable: 3 }]);
    // Staff see the same return in the admin list.
    expect(ids(await get(s.admin, `/api/admin/returns?q=${encodeURIComponent(rma.number)}`))).toEqual([rma.id]);

    for (const q of [order.number, order.number.toLowerCase(), order.number.slice(3), po, po.toLowerCase()]) {
      expect(ids(await get(s.builder, `/api/store/orders?q=${encodeURIComponent(q)}`)), `q=${q}`).toEqual([order.id]);
    }
  });

  it('shows a plain buyer of the company (no subsidiaries) the same return and order', async () => {
    const po = unique('PO-COLE');
    const order = await deliveredOrder(s.colleague, { poNumber: po });
    const rma = await requestReturn(s.colleague, order.id);
    expect(ids(await get(s.colleague, '/api/store/returns'))).toContain(rma.id);
    // The admin of the same company sees the colleague's return too.
    expect(ids(await get(s.builder, '/api/store/returns'))).toContain(rma.id);
    expect(ids(await get(s.colleague, `/api/store/orders?q=${encodeURIComponent(order.number)}`))).toEqual([order.id]);
    expect(ids(await get(s.colleague, `/api/store/orders?q=${encodeURIComponent(po)}`))).toEqual([order.id]);
  });

  it("shows a parent company's admin a subsidiary's orders and returns, but not its plain buyer, and never the other way up", async () => {
    const po = unique('PO-BRANCH');
    const order = await deliveredOrder(child.buyer, { poNumber: po, shipToLocationId: child.locationId });
    expect(order.companyId).toBe(child.id);
    const rma = await requestReturn(child.buyer, order.id);
    const parentOrder = await deliveredOrder(s.builder, { poNumber: unique('PO-PARENT') });
    const parentRma = await requestReturn(s.builder, parentOrder.id);

    // The subsidiary's own buyer sees their return and order, never the parent's.
    const branch = await get(child.buyer, '/api/store/returns');
    expect(ids(branch)).toContain(rma.id);
    expect(ids(branch)).not.toContain(parentRma.id);
    expect(ids(await get(child.buyer, `/api/store/orders?q=${encodeURIComponent(order.number)}`))).toEqual([order.id]);
    expect(ids(await get(child.buyer, `/api/store/orders?q=${encodeURIComponent(parentOrder.number)}`))).toEqual([]);

    // The parent's admin (company.descendants:read) sees both companies' returns and finds the branch order.
    const all = await get(s.builder, '/api/store/returns?limit=100');
    expect(ids(all)).toEqual(expect.arrayContaining([rma.id, parentRma.id]));
    expect(all.items.find((r) => r.id === rma.id)).toMatchObject({ companyId: child.id, orderNumber: order.number });
    expect((await t.app.inject({ method: 'GET', url: `/api/store/returns/${rma.id}`, headers: s.builder.headers })).statusCode).toBe(200);
    expect(ids(await get(s.builder, `/api/store/orders?q=${encodeURIComponent(order.number)}`))).toEqual([order.id]);
    expect(ids(await get(s.builder, `/api/store/orders?q=${encodeURIComponent(po)}`))).toEqual([order.id]);
    expect(ids(await get(s.builder, `/api/store/orders?companyId=${child.id}&q=${encodeURIComponent(po)}`))).toEqual([order.id]);

    // The parent's plain buyer (no company.descendants:read) sees only the parent's.
    const plain = await get(s.colleague, '/api/store/returns?limit=100');
    expect(ids(plain)).toContain(parentRma.id);
    expect(ids(plain)).not.toContain(rma.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/store/returns/${rma.id}`, headers: s.colleague.headers })).statusCode).toBe(404);
    expect(ids(await get(s.colleague, `/api/store/orders?q=${encodeURIComponent(order.number)}`))).toEqual([]);
    expect(ids(await get(s.colleague, `/api/store/orders?q=${encodeURIComponent(po)}`))).toEqual([]);

    // Another company sees none of it.
    expect(ids(await get(s.outsider, '/api/store/returns'))).toEqual([]);
    expect(ids(await get(s.outsider, `/api/store/orders?q=${encodeURIComponent(order.number)}`))).toEqual([]);
  });
});
