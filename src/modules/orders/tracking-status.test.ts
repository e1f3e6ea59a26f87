import { describe, expect, it } from 'vitest';
import { orderDelivered, shipmentState, type TrackingFact } from './tracking-status.ts';

const at = (h: number) => new Date(Date.UTC(2026, 10, 20, h));
const ev = (id: string, status: TrackingFact['status'], h: number): TrackingFact => ({ id, status, occurredAt: at(h) });

describe('shipmentState', () => {
  it('is shipped with no events', () => {
    expect(shipmentState([])).toEqual({ status: 'shipped', deliveredAt: null });
  });

  it('follows the event that happened last, whatever order they arrived in', () => {
    expect(shipmentState([ev('trk_2', 'out_for_delivery', 9), ev('trk_1', 'in_transit', 8)]).status).toBe('out_for_delivery');
    expect(shipmentState([ev('trk_1', 'in_transit', 8), ev('trk_2', 'failed_attempt', 10)]).status).toBe('exception');
    expect(shipmentState([ev('trk_1', 'info_received', 8)]).status).toBe('shipped');
  });

  it('stays delivered once delivered, even if an older scan arrives later', () => {
    expect(shipmentState([ev('trk_1', 'delivered', 12), ev('trk_2', 'in_transit', 8), ev('trk_3', 'exception', 14)])).toEqual({ status: 'delivered', deliveredAt: at(12) });
  });
});

describe('orderDelivered', () => {
  const full = [{ quantity: 2, quantityShipped: 2 }];
  it('needs everything shipped and every shipment delivered', () => {
    expect(orderDelivered(full, [{ status: 'delivered' }, { status: 'delivered' }])).toBe(true);
    expect(orderDelivered(full, [{ status: 'delivered' }, { status: 'in_transit' }])).toBe(false);
    expect(orderDelivered([{ quantity: 2, quantityShipped: 1 }], [{ status: 'delivered' }])).toBe(false);
    expect(orderDelivered(full, [])).toBe(false);
  });
});
