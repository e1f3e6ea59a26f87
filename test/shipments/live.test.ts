import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { liveHubFor } from '../../src/modules/orders/index.ts';
import { createTestApp, memoryMailer, type TestApp } from '../harness.ts';
import { buyerSession, staffSession, type SignedIn } from '../helpers/auth.ts';
import { apiKey, makeOrder, seedStock, type StockFixture } from './fixtures.ts';
import { openSse, type SseStream } from './sse.ts';

/** Polls until `check` holds (hub bookkeeping settles after the socket closes). */
async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('live order updates over server-sent events', () => {
  let t: TestApp;
  let f: StockFixture;
  let staff: SignedIn;
  let buyer: SignedIn & { company: { id: string } };
  let other: SignedIn & { company: { id: string } };
  let wms: { authorization: string };
  let base: string;
  const streams: SseStream[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedStock(t.database);
    staff = await staffSession(t, 'admin');
    buyer = await buyerSession(t);
    other = await buyerSession(t);
    wms = await apiKey(t, staff.headers, ['orders:write']);
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  }, 60_000);
  afterAll(async () => {
    streams.forEach((s) => s.close());
    await t.close();
  });

  const open = async (orderId: string, who: SignedIn = buyer) => {
    const s = await openSse(`${base}/api/store/orders/${orderId}/live`, { cookie: who.cookie });
    streams.push(s);
    return s;
  };
  const hub = () => liveHubFor(t.database.db);

  it("streams shipments, tracking events and status changes to the buyer's open order page", async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.hammer, quantity: 4, reserveIn: f.warehouse.main.id }] });
    const s = await open(order.id);
    expect(s.status).toBe(200);
    expect(s.headers['content-type']).toMatch(/^text\/event-stream/);
    expect((await s.next((e) => e.event === 'ready')).data).toMatchObject({ orderId: order.id, status: 'placed' });

    const shipped = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/shipments`, headers: staff.headers, payload: { carrier: 'TCS', trackingNumber: 'T-9', lines: [{ lineNo: 1, quantity: 1 }] } });
    expect(shipped.statusCode, shipped.body).toBe(201);
    const shipmentId = shipped.json().id as string;
    expect((await s.next((e) => e.event === 'shipment')).data).toEqual({ orderId: order.id, kind: 'shipment', shipmentId, status: 'shipped' });
    expect((await s.next((e) => e.event === 'status')).data).toEqual({ orderId: order.id, kind: 'status', status: 'partially_shipped' });

    const scan = await t.app.inject({ method: 'POST', url: `/api/integrations/shipments/${shipmentId}/tracking-events`, headers: wms, payload: { status: 'out_for_delivery', occurredAt: new Date().toISOString() } });
    expect(scan.statusCode, scan.body).toBe(201);
    expect((await s.next((e) => e.event === 'tracking')).data).toMatchObject({ orderId: order.id, shipmentId, status: 'out_for_delivery' });
  });

  it('sends nothing about other orders, and a refused write sends nothing at all', async () => {
    const mine = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 1, reserveIn: f.warehouse.main.id }] });
    const elsewhere = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 1, reserveIn: f.warehouse.main.id }] });
    const s = await open(mine.id);
    await s.next((e) => e.event === 'ready');
    await t.app.inject({ method: 'POST', url: `/api/admin/orders/${elsewhere.id}/shipments`, headers: staff.headers, payload: { carrier: 'TCS', lines: [{ lineNo: 1, quantity: 1 }] } });
    const refused = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${mine.id}/shipments`, headers: staff.headers, payload: { carrier: 'TCS', warehouseId: f.warehouse.north.id, lines: [{ lineNo: 1, quantity: 1 }] } });
    expect(refused.statusCode).toBe(409); // no saws in NORTH: rolled back, so no notice either
    await t.app.inject({ method: 'POST', url: `/api/admin/orders/${mine.id}/shipments`, headers: staff.headers, payload: { carrier: 'TCS', lines: [{ lineNo: 1, quantity: 1 }] } });
    await s.next((e) => e.event === 'shipment');
    expect(s.events.filter((e) => e.event !== 'ready').every((e) => e.data.orderId === mine.id)).toBe(true);
    expect(s.events.filter((e) => e.event === 'shipment')).toHaveLength(1);
  });

  it("answers 404 for another company's order and 401 without a session", async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 1 }] });
    const theirs = await t.app.inject({ url: `/api/store/orders/${order.id}/live`, headers: { cookie: other.cookie } });
    expect(theirs.statusCode).toBe(404);
    expect(theirs.json().code).toBe('NOT_FOUND');
    expect((await t.app.inject({ url: `/api/store/orders/${order.id}/live` })).statusCode).toBe(401);
  });

  it('sends heartbeats, frees its slot when the page closes, and bounds streams per buyer', async () => {
    const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.saw, quantity: 1 }] });
    const before = hub().size;
    const saved = { ...hub().limits };
    hub().limits = { ...saved, heartbeatMs: 40, maxPerUser: 1 };
    try {
      const lone = await buyerSession(t);
      const own = await makeOrder(t, { companyId: lone.company.id, lines: [{ variantId: f.variant.saw, quantity: 1 }] });
      const s = await open(own.id, lone);
      await s.next((e) => e.event === 'ready');
      await until(() => s.raw().includes(': heartbeat'));
      expect(hub().size).toBe(before + 1);

      const second = await openSse(`${base}/api/store/orders/${own.id}/live`, { cookie: lone.cookie });
      expect(second.status).toBe(429);
      second.close();

      s.close();
      await until(() => hub().size === before);
      const again = await open(own.id, lone);
      expect(again.status).toBe(200);
      again.close();
      await until(() => hub().size === before);
      expect(order.id).toBeTruthy();
    } finally {
      hub().limits = saved;
    }
  });

  it('ends streams after their maximum age, so a signed-out buyer stops hearing once the browser reconnects', async () => {
    const saved = { ...hub().limits };
    hub().limits = { ...saved, maxAgeMs: 300 };
    try {
      const leaving = await buyerSession(t);
      const order = await makeOrder(t, { companyId: leaving.company.id, lines: [{ variantId: f.variant.saw, quantity: 1 }] });
      const s = await open(order.id, leaving);
      await s.next((e) => e.event === 'ready');
      await s.ended;
      const out = await t.app.inject({ method: 'POST', url: '/api/store/auth/logout', headers: leaving.headers });
      expect(out.statusCode).toBeLessThan(300);
      const again = await openSse(`${base}/api/store/orders/${order.id}/live`, { cookie: leaving.cookie });
      expect(again.status).toBe(401);
      again.close();
    } finally {
      hub().limits = saved;
    }
  });

  it('reaches pages served by another server process (another connection pool and listener)', async () => {
    // On PostgreSQL the second app has its own pool and LISTEN connection: the notice crosses
    // processes through the server. PGlite is embedded, so there the same process delivers.
    let second: Database = t.database;
    if (t.database.kind === 'postgres') {
      const [{ db }] = (await t.database.query<{ db: string }>('select current_database() as db')) as [{ db: string }];
      const url = new URL(process.env.DATABASE_URL as string);
      url.pathname = `/${db}`;
      second = await openDatabase({ url: url.toString(), poolSize: 2 });
    }
    const app2: App = await buildApp({ config: t.config, database: second, mailer: memoryMailer(), webDir: '/nonexistent' });
    try {
      await app2.ready();
      const order = await makeOrder(t, { companyId: buyer.company.id, lines: [{ variantId: f.variant.nails, quantity: 2, reserveIn: f.warehouse.main.id }] });
      const s = await open(order.id);
      await s.next((e) => e.event === 'ready');
      const res = await app2.inject({ method: 'POST', url: '/api/integrations/shipments', headers: wms, payload: { externalId: `X-${order.id}`, orderNumber: order.number, carrier: 'DHL', lines: [{ sku: 'NAIL-50', quantity: 2 }] } });
      expect(res.statusCode, res.body).toBe(201);
      expect((await s.next((e) => e.event === 'shipment')).data.shipmentId).toBe(res.json().id);
      expect((await s.next((e) => e.event === 'status')).data.status).toBe('shipped');
    } finally {
      await app2.close();
      if (second !== t.database) await second.close();
    }
  });
});
