import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoShipments } from '../../src/seed/demo-shipments.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { makeCompany } from '../helpers/auth.ts';
import { makeOrder, seedStock } from './fixtures.ts';

describe('demo shipments', () => {
  let t: TestApp;
  // A database per attempt: the demo seeder works on every open order in the database, so a retry
  // on the first attempt's orders and shipments could not pass.
  beforeEach(async () => {
    t = await createTestApp();
  }, 60_000);
  afterEach(async () => t.close());

  it('takes the oldest open demo orders through delivered, out for delivery and partly shipped', async () => {
    const f = await seedStock(t.database);
    const company = await makeCompany(t);
    const orders = [];
    for (let i = 0; i < 4; i++) {
      orders.push(await makeOrder(t, { companyId: company.id, lines: [{ variantId: f.variant.hammer, quantity: 4, reserveIn: f.warehouse.main.id }, { variantId: f.variant.nails, quantity: 2, reserveIn: f.warehouse.main.id }] }));
    }
    expect(await seedDemoShipments(t.database)).toBe(3);
    const status = async (id: string) => (await t.database.query<{ status: string }>('select status from orders where id = $1', [id]))[0]?.status;
    expect(await Promise.all(orders.map((o) => status(o.id)))).toEqual(['delivered', 'shipped', 'partially_shipped', 'placed']);
    // Each order's shipment, oldest order first (order ids made in one millisecond sort at random).
    const shipments = await t.database.query<{ order_id: string; status: string; tracking_url: string }>('select order_id, status, tracking_url from shipments');
    expect(shipments).toHaveLength(3);
    expect(orders.slice(0, 3).map((o) => shipments.find((s) => s.order_id === o.id)?.status)).toEqual(['delivered', 'out_for_delivery', 'in_transit']);
    expect(shipments.every((s) => s.tracking_url.startsWith('https://'))).toBe(true);
    const events = await t.database.query<{ occurred_at: Date }>('select occurred_at from tracking_events');
    expect(events.length).toBe(7);
    expect(events.every((e) => new Date(e.occurred_at).getTime() <= Date.now())).toBe(true);
  });
});
