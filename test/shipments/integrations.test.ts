import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, staffSession, type SignedIn } from '../helpers/auth.ts';
import { apiKey, level, makeOrder, seedStock, type StockFixture } from './fixtures.ts';
import { unique } from '../helpers/unique.ts';

describe('shipments and tracking pushed by a WMS / carrier (API keys)', () => {
  let t: TestApp;
  let f: StockFixture;
  let staff: SignedIn;
  let buyer: SignedIn & { company: { id: string } };
  let wms: { authorization: string };
  let reader: { authorization: string };
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedStock(t.database);
    staff = await staffSession(t, 'admin');
    buyer = await buyerSession(t);
    wms = await apiKey(t, staff.headers, ['orders:write']);
    reader = await apiKey(t, staff.headers, ['catalog:read']);
  }, 60_000);
  afterAll(async () => t.close());

  const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = wms) => t.app.inject({ method: 'POST', url, headers, payload });

  it('creates a shipment by order number and SKUs; a repeat of the same externalId returns the first', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.hammer, quantity: 5, reserveIn: f.warehouse.main.id }, { variantId: f.variant.nails, quantity: 2, reserveIn: f.warehouse.main.id }] });
    const externalId = unique('WMS-SHIP-1001');
    const body = { externalId, orderNumber: order.number.toLowerCase(), carrier: 'Aramex', trackingNumber: 'AX123', warehouseCode: f.warehouse.main.code.toLowerCase(), lines: [{ sku: 'ham-16', quantity: 3 }] };
    const first = await post('/api/integrations/shipments', body);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ externalId, orderId: order.id, lines: [{ orderLineNo: 1, sku: 'HAM-16', quantity: 3 }], warehouse: { id: f.warehouse.main.id } });
    const stock = await level(t, f.variant.hammer, f.warehouse.main.id);

    const repeat = await post('/api/integrations/shipments', body);
    expect(repeat.statusCode, repeat.body).toBe(200);
    expect(repeat.json().id).toBe(first.json().id);
    expect(await level(t, f.variant.hammer, f.warehouse.main.id)).toEqual(stock);
    expect((await t.database.query<{ quantity_shipped: number }>('select quantity_shipped from order_lines where order_id = $1 and line_no = 1', [order.id]))[0]?.quantity_shipped).toBe(3);

    const other = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 1, reserveIn: f.warehouse.main.id }] });
    const clash = await post('/api/integrations/shipments', { ...body, orderNumber: other.number, lines: [{ sku: 'SAW-1', quantity: 1 }] });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'SHIPMENT_EXTERNAL_ID_TAKEN', field: 'externalId' });
  });

  it('refuses unknown orders and SKUs, naming the field', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 1, reserveIn: f.warehouse.main.id }] });
    const noOrder = await post('/api/integrations/shipments', { externalId: 'X-1', orderNumber: 'SO-999999999', carrier: 'DHL', lines: [{ sku: 'SAW-1', quantity: 1 }] });
    expect(noOrder.statusCode).toBe(404);
    expect(noOrder.json().field).toBe('orderNumber');
    const noSku = await post('/api/integrations/shipments', { externalId: 'X-2', orderNumber: order.number, carrier: 'DHL', lines: [{ sku: 'SAW-1', quantity: 1 }, { sku: 'GHOST', quantity: 1 }] });
    expect(noSku.statusCode).toBe(400);
    expect(noSku.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'lines[1].sku' });
    const badWarehouse = await post('/api/integrations/shipments', { externalId: 'X-3', orderNumber: order.number, carrier: 'DHL', warehouseCode: 'NOPE', lines: [{ sku: 'SAW-1', quantity: 1 }] });
    expect(badWarehouse.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'warehouseCode' });
  });

  it('takes tracking events by shipment id or external id, ignores repeats, and a delivery completes the order', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 2, reserveIn: f.warehouse.main.id }] });
    const wms = unique('WMS-2002');
    const s = (await post('/api/integrations/shipments', { externalId: wms, orderNumber: order.number, carrier: 'TCS', lines: [{ sku: 'SAW-1', quantity: 2 }] })).json();
    const scan = { externalId: 'EV-1', status: 'in_transit', location: 'Karachi sorting centre', description: 'Departed facility', occurredAt: '2026-11-20T08:00:00Z' };
    const first = await post(`/api/integrations/shipments/${s.id}/tracking-events`, scan);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ duplicate: false, event: { status: 'in_transit', location: 'Karachi sorting centre' }, shipment: { status: 'in_transit' } });
    const dup = await post(`/api/integrations/shipments/${wms}/tracking-events`, { ...scan, description: 'Retried' });
    expect(dup.statusCode).toBe(200);
    expect(dup.json()).toMatchObject({ duplicate: true, event: { id: first.json().event.id, description: 'Departed facility' } });
    expect(await t.database.query('select id from tracking_events where shipment_id = $1', [s.id])).toHaveLength(1);

    // Out of order: the delivery arrives before a late, older scan; delivered stays.
    const delivered = await post(`/api/integrations/shipments/${wms}/tracking-events`, { externalId: 'EV-3', status: 'delivered', occurredAt: '2026-11-21T15:30:00Z', location: 'Lahore' });
    expect(delivered.json().shipment).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-21T15:30:00.000Z' });
    const late = await post(`/api/integrations/shipments/${s.id}/tracking-events`, { externalId: 'EV-2', status: 'out_for_delivery', occurredAt: '2026-11-21T09:00:00Z' });
    expect(late.json().shipment.status).toBe('delivered');
    expect(late.json().shipment.events.map((e: { status: string }) => e.status)).toEqual(['in_transit', 'out_for_delivery', 'delivered']);
    expect((await t.database.query<{ status: string }>('select status from orders where id = $1', [order.id]))[0]?.status).toBe('delivered');
    const outbox = await t.database.query<{ type: string }>("select type from outbox_events where aggregate_id = $1 order by created_at, id", [s.id]);
    expect(outbox.map((e) => e.type)).toEqual(['shipment.shipped', 'shipment.tracking', 'shipment.tracking', 'shipment.delivered', 'shipment.tracking']);
  });

  it('needs an API key with orders:write; unknown shipments are 404s; events far in the future are refused', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 1, reserveIn: f.warehouse.main.id }] });
    const body = { externalId: 'WMS-3003', orderNumber: order.number, carrier: 'TCS', lines: [{ sku: 'SAW-1', quantity: 1 }] };
    expect((await t.app.inject({ method: 'POST', url: '/api/integrations/shipments', payload: body })).statusCode).toBe(401);
    expect((await post('/api/integrations/shipments', body, reader)).json().code).toBe('SCOPE_MISSING');
    expect((await post('/api/integrations/shipments/nope/tracking-events', { status: 'in_transit', occurredAt: '2026-11-20T08:00:00Z' })).statusCode).toBe(404);
    const s = (await post('/api/integrations/shipments', body)).json();
    const future = await post(`/api/integrations/shipments/${s.id}/tracking-events`, { status: 'in_transit', occurredAt: new Date(Date.now() + 86_400_000).toISOString() });
    expect(future.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'occurredAt' });
  });
});
