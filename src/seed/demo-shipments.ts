import type { Database } from '../db/client.ts';
import { systemCtx } from '../modules/accounts/index.ts';
import { addTrackingEvent, createShipment } from '../modules/orders/index.ts';

/** A tracking scan of the demo, `hoursAfter` the shipment left. */
interface Scan {
  status: 'info_received' | 'in_transit' | 'out_for_delivery' | 'delivered';
  hoursAfter: number;
  location: string;
  description: string;
}

const CARRIERS = [
  { carrier: 'TCS', url: (n: string) => `https://www.tcsexpress.com/track/${n}` },
  { carrier: 'Leopards Courier', url: (n: string) => `https://www.leopardscourier.com/tracking/${n}` },
  { carrier: 'Aramex', url: (n: string) => `https://www.aramex.com/track/results?ShipmentNumber=${n}` },
];

/**
 * The demo's fulfilment story, on the demo orders already placed: the oldest is shipped and
 * delivered, the next shipped in full and out for delivery, the next partly shipped and in transit
 * — so a new user sees every stage on the buyer's order page and in the admin console, and can
 * ship the rest themselves. Runs through the same services as the API (system actor); orders that
 * cannot ship (no stock where it is held) are left as they are.
 */
export async function seedDemoShipments(database: Database, now = new Date()): Promise<number> {
  const orders = await database.query<{ id: string; number: string; placed_at: Date }>(
    `select id, number, placed_at from orders where status in ('placed','confirmed') order by placed_at, id limit 3`,
  );
  const plans: { share: 'all' | 'part'; scans: Scan[] }[] = [
    {
      share: 'all',
      scans: [
        { status: 'info_received', hoursAfter: 1, location: 'Karachi', description: 'Shipment details received' },
        { status: 'in_transit', hoursAfter: 8, location: 'Karachi hub', description: 'Departed sorting facility' },
        { status: 'out_for_delivery', hoursAfter: 30, location: 'Lahore', description: 'With the courier for delivery' },
        { status: 'delivered', hoursAfter: 34, location: 'Lahore', description: 'Delivered, signed by the site office' },
      ],
    },
    {
      share: 'all',
      scans: [
        { status: 'in_transit', hoursAfter: 4, location: 'Karachi hub', description: 'Departed sorting facility' },
        { status: 'out_for_delivery', hoursAfter: 20, location: 'Karachi', description: 'With the courier for delivery' },
      ],
    },
    { share: 'part', scans: [{ status: 'in_transit', hoursAfter: 3, location: 'Karachi hub', description: 'Departed sorting facility' }] },
  ];
  let shipped = 0;
  for (const [i, order] of orders.entries()) {
    const plan = plans[i];
    const c = CARRIERS[i % CARRIERS.length];
    if (!plan || !c) break;
    const ctx = systemCtx(database.db);
    const lines = await database.query<{ line_no: number; quantity: number }>('select line_no, quantity from order_lines where order_id = $1 order by line_no', [order.id]);
    const take = plan.share === 'all' ? lines : lines.slice(0, Math.max(1, Math.ceil(lines.length / 2)));
    // Shipped a while back, so the scans read as a realistic history that ends before now.
    const lastScan = Math.max(...plan.scans.map((s) => s.hoursAfter));
    const shippedAt = new Date(Math.max(new Date(order.placed_at).getTime(), now.getTime() - (lastScan + 2) * 3_600_000));
    const trackingNumber = `${c.carrier.slice(0, 3).toUpperCase()}${order.number.replace(/\D/g, '')}${i + 1}`;
    try {
      const { shipment } = await createShipment(ctx, order.id, {
        by: 'line',
        lines: take.map((l) => ({ lineNo: l.line_no, quantity: plan.share === 'all' ? l.quantity : Math.max(1, Math.floor(l.quantity / 2)) })),
        carrier: c.carrier,
        trackingNumber,
        trackingUrl: c.url(trackingNumber),
        shippedAt: shippedAt.toISOString(),
      });
      for (const s of plan.scans) {
        const at = new Date(Math.min(now.getTime(), shippedAt.getTime() + s.hoursAfter * 3_600_000));
        await addTrackingEvent(ctx, shipment.id, { status: s.status, location: s.location, description: s.description, occurredAt: at.toISOString(), externalId: `demo-${shipment.number}-${s.status}` });
      }
      shipped += 1;
    } catch {
      // Stock moved since the order was placed (or none is held): this order stays unshipped.
    }
  }
  return shipped;
}
