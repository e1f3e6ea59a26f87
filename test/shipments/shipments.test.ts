import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, staffSession, type SignedIn } from '../helpers/auth.ts';
import { level, makeOrder, seedStock, type StockFixture } from './fixtures.ts';

describe('shipments (staff)', () => {
  let t: TestApp;
  let f: StockFixture;
  let staff: SignedIn;
  let support: SignedIn;
  let buyer: SignedIn & { company: { id: string } };
  let other: SignedIn & { company: { id: string } };
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedStock(t.database);
    staff = await staffSession(t, 'admin');
    support = await staffSession(t, 'support');
    buyer = await buyerSession(t);
    other = await buyerSession(t);
  }, 60_000);
  afterAll(async () => t.close());

  const ship = (orderId: string, payload: Record<string, unknown>, headers = staff.headers) =>
    t.app.inject({ method: 'POST', url: `/api/admin/orders/${orderId}/shipments`, headers, payload });
  const orderRow = async (id: string) => (await t.database.query<{ status: string }>('select status from orders where id = $1', [id]))[0];
  const shipped = async (id: string) => (await t.database.query<{ line_no: number; quantity_shipped: number }>('select line_no, quantity_shipped from order_lines where order_id = $1 order by line_no', [id])).map((r) => r.quantity_shipped);

  it('ships part of an order: lines, stock, reservation, status, timeline and outbox move together', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.hammer, quantity: 10, reserveIn: f.warehouse.main.id }, { variantId: f.variant.nails, quantity: 4, reserveIn: f.warehouse.main.id }] });
    const before = await level(t, f.variant.hammer, f.warehouse.main.id);
    const res = await ship(order.id, { carrier: 'TCS', trackingNumber: '77123456', trackingUrl: 'https://www.tcsexpress.com/track/77123456', lines: [{ lineNo: 1, quantity: 6 }] });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(s).toMatchObject({ number: `${order.number}-1`, status: 'shipped', carrier: 'TCS', trackingNumber: '77123456', warehouse: { code: f.warehouse.main.code }, lines: [{ orderLineNo: 1, quantity: 6, sku: 'HAM-16' }], events: [] });
    expect(await shipped(order.id)).toEqual([6, 0]);
    expect(await level(t, f.variant.hammer, f.warehouse.main.id)).toEqual({ onHand: before.onHand - 6, reserved: before.reserved - 6 });
    expect(await t.database.query('select line_no, quantity from order_reservation_lines where order_id = $1 order by line_no', [order.id])).toEqual([{ line_no: 1, quantity: 4 }, { line_no: 2, quantity: 4 }]);
    expect((await orderRow(order.id))?.status).toBe('partially_shipped');
    const events = await t.database.query<{ type: string; payload: Record<string, unknown> }>("select type, payload from outbox_events where type like 'shipment.%' and aggregate_id = $1", [s.id]);
    expect(events).toEqual([{ type: 'shipment.shipped', payload: expect.objectContaining({ shipmentId: s.id, orderId: order.id, companyId: buyer.company.id, number: order.number, lines: [{ orderLineNo: 1, quantity: 6 }] }) }]);
    const timeline = await t.database.query<{ to_status: string }>('select to_status from order_events where order_id = $1 order by at, id', [order.id]);
    expect(timeline.map((e) => e.to_status)).toContain('partially_shipped');

    const rest = await ship(order.id, { carrier: 'TCS', lines: [{ lineNo: 1, quantity: 4 }, { lineNo: 2, quantity: 4 }] });
    expect(rest.statusCode, rest.body).toBe(201);
    expect(rest.json().number).toBe(`${order.number}-2`);
    expect(await shipped(order.id)).toEqual([10, 4]);
    expect((await orderRow(order.id))?.status).toBe('shipped');
    expect(await t.database.query('select * from order_reservation_lines where order_id = $1', [order.id])).toEqual([]);
  });

  it('refuses more than remains, naming the line, and changes nothing', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 3, reserveIn: f.warehouse.main.id }] });
    const res = await ship(order.id, { carrier: 'DHL', lines: [{ lineNo: 1, quantity: 4 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SHIPMENT_QUANTITY_EXCEEDED', field: 'lines[0].quantity' });
    const unknown = await ship(order.id, { carrier: 'DHL', lines: [{ lineNo: 7, quantity: 1 }] });
    expect(unknown.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lines[0].lineNo' });
    expect(await shipped(order.id)).toEqual([0]);
    expect((await orderRow(order.id))?.status).toBe('placed');
  });

  it('never ships more than ordered when shipments of one order race', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.nails, quantity: 5, reserveIn: f.warehouse.main.id }] });
    const before = await level(t, f.variant.nails, f.warehouse.main.id);
    const results = await Promise.all(Array.from({ length: 12 }, () => ship(order.id, { carrier: 'Leopards', lines: [{ lineNo: 1, quantity: 1 }] })));
    const codes = results.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201)).toHaveLength(5);
    expect(codes.filter((c) => c !== 201).every((c) => c === 409)).toBe(true);
    expect(await shipped(order.id)).toEqual([5]);
    expect(await level(t, f.variant.nails, f.warehouse.main.id)).toEqual({ onHand: before.onHand - 5, reserved: before.reserved - 5 });
    const numbers = (await t.database.query<{ number: string }>('select number from shipments where order_id = $1 order by seq', [order.id])).map((r) => r.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5].map((n) => `${order.number}-${n}`));
    expect((await orderRow(order.id))?.status).toBe('shipped');
  });

  it('ships from another warehouse: takes its stock and frees the reservation held elsewhere', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.hammer, quantity: 3, reserveIn: f.warehouse.main.id }] });
    const main = await level(t, f.variant.hammer, f.warehouse.main.id);
    const north = await level(t, f.variant.hammer, f.warehouse.north.id);
    const res = await ship(order.id, { carrier: 'TCS', warehouseId: f.warehouse.north.id, lines: [{ lineNo: 1, quantity: 3 }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(await level(t, f.variant.hammer, f.warehouse.north.id)).toEqual({ onHand: north.onHand - 3, reserved: north.reserved });
    expect(await level(t, f.variant.hammer, f.warehouse.main.id)).toEqual({ onHand: main.onHand, reserved: main.reserved - 3 });
  });

  it('with no warehouse named, ships each line from where checkout held it', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.hammer, quantity: 2, reserveIn: f.warehouse.north.id }, { variantId: f.variant.nails, quantity: 3, reserveIn: f.warehouse.main.id }] });
    const north = await level(t, f.variant.hammer, f.warehouse.north.id);
    const main = await level(t, f.variant.nails, f.warehouse.main.id);
    const res = await ship(order.id, { carrier: 'TCS', lines: [{ lineNo: 1, quantity: 2 }, { lineNo: 2, quantity: 3 }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().warehouse).toBeNull(); // the goods left from two warehouses
    expect(await level(t, f.variant.hammer, f.warehouse.north.id)).toEqual({ onHand: north.onHand - 2, reserved: north.reserved - 2 });
    expect(await level(t, f.variant.nails, f.warehouse.main.id)).toEqual({ onHand: main.onHand - 3, reserved: main.reserved - 3 });
    expect((await orderRow(order.id))?.status).toBe('shipped');
  });

  it('refuses a shipment the warehouse has no stock for, leaving the order as it was', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 2, reserveIn: f.warehouse.main.id }] });
    const res = await ship(order.id, { carrier: 'TCS', warehouseId: f.warehouse.north.id, lines: [{ lineNo: 1, quantity: 2 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'SHIPMENT_STOCK_SHORT', field: 'lines[0].quantity' });
    expect(await shipped(order.id)).toEqual([0]);
    expect(await t.database.query('select id from shipments where order_id = $1', [order.id])).toEqual([]);
  });

  it('refuses to ship orders that are not ready (on hold, cancelled, awaiting approval)', async () => {
    for (const status of ['on_hold', 'cancelled', 'pending_approval']) {
      const order = await makeOrder(t, { companyId: buyer.company.id, status, lines: [{ variantId: f.variant.saw, quantity: 1 }] });
      const res = await ship(order.id, { carrier: 'TCS', warehouseId: f.warehouse.main.id, lines: [{ lineNo: 1, quantity: 1 }] });
      expect(res.statusCode, status).toBe(409);
      expect(res.json().code).toBe('ORDER_NOT_SHIPPABLE');
    }
  });

  it('marks shipments delivered; the order is delivered once everything has arrived', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.hammer, quantity: 2, reserveIn: f.warehouse.main.id }] });
    const a = (await ship(order.id, { carrier: 'TCS', lines: [{ lineNo: 1, quantity: 1 }] })).json();
    const deliverA = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/shipments/${a.id}/deliver`, headers: staff.headers, payload: {} });
    expect(deliverA.statusCode, deliverA.body).toBe(200);
    expect(deliverA.json()).toMatchObject({ status: 'delivered', events: [{ status: 'delivered' }] });
    expect((await orderRow(order.id))?.status).toBe('partially_shipped'); // one unit still to ship

    const b = (await ship(order.id, { carrier: 'TCS', lines: [{ lineNo: 1, quantity: 1 }] })).json();
    const scan = await t.app.inject({
      method: 'POST',
      url: `/api/admin/orders/${order.id}/shipments/${b.id}/tracking-events`,
      headers: staff.headers,
      payload: { status: 'out_for_delivery', location: 'Lahore hub', description: 'With the courier' },
    });
    expect(scan.statusCode, scan.body).toBe(201);
    expect(scan.json().shipment.status).toBe('out_for_delivery');
    expect((await orderRow(order.id))?.status).toBe('shipped');
    await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/shipments/${b.id}/deliver`, headers: staff.headers, payload: { note: 'Signed by A. Khan' } });
    expect((await orderRow(order.id))?.status).toBe('delivered');
    const again = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/shipments/${b.id}/deliver`, headers: staff.headers, payload: {} });
    expect(again.statusCode).toBe(200);
    const types = (await t.database.query<{ type: string }>("select type from outbox_events where type = 'shipment.delivered' and payload->>'orderId' = $1", [order.id])).map((r) => r.type);
    expect(types).toHaveLength(2);
  });

  it('answers 404 for a shipment of another order and needs orders:write to ship', async () => {
    const o1 = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 1, reserveIn: f.warehouse.main.id }] });
    const o2 = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 1, reserveIn: f.warehouse.main.id }] });
    const s1 = (await ship(o1.id, { carrier: 'TCS', lines: [{ lineNo: 1, quantity: 1 }] })).json();
    const wrong = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${o2.id}/shipments/${s1.id}/tracking-events`, headers: staff.headers, payload: { status: 'in_transit' } });
    expect(wrong.statusCode).toBe(404);
    expect((await ship(o2.id, { carrier: 'TCS', lines: [{ lineNo: 1, quantity: 1 }] }, support.headers)).statusCode).toBe(403);
    const read = await t.app.inject({ url: `/api/admin/orders/${o1.id}/shipments`, headers: support.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ orderNumber: o1.number, lines: [{ lineNo: 1, quantity: 1, quantityShipped: 1, remaining: 0, reserved: [] }], shipments: [{ id: s1.id }] });
    expect(read.json().warehouses).toEqual(expect.arrayContaining([{ id: f.warehouse.north.id, code: f.warehouse.north.code, name: 'North warehouse' }]));
  });

  it("shows the buyer their order's shipments (no warehouse or integration ids) and hides other companies'", async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.hammer, quantity: 3, reserveIn: f.warehouse.main.id }] });
    await ship(order.id, { carrier: 'TCS', trackingNumber: 'T-1', lines: [{ lineNo: 1, quantity: 2 }] });
    const mine = await t.app.inject({ url: `/api/store/orders/${order.id}/shipments`, headers: buyer.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    const body = mine.json();
    expect(body).toMatchObject({ orderStatus: 'partially_shipped', lines: [{ quantity: 3, quantityShipped: 2, remaining: 1 }], shipments: [{ carrier: 'TCS', trackingNumber: 'T-1' }] });
    expect(body.shipments[0]).not.toHaveProperty('warehouse');
    expect(body.shipments[0]).not.toHaveProperty('externalId');
    expect(body.lines[0]).not.toHaveProperty('reserved');
    expect(body).not.toHaveProperty('warehouses');
    const theirs = await t.app.inject({ url: `/api/store/orders/${order.id}/shipments`, headers: other.headers });
    expect(theirs.statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/store/orders/ord_00000000000000000000000000/shipments', headers: other.headers })).statusCode).toBe(404);
  });
});
