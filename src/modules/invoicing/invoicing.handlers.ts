import { Type } from 'typebox';
import { Value } from 'typebox/value';
import type { Ctx } from '../../http/context.ts';
import type { OutboxEvent } from '../../jobs/outbox.ts';
import { invoiceShipment } from './invoices.service.ts';

/** The part of the `shipment.shipped` payload invoicing reads (contract: `{ shipmentId, orderId, companyId, number }`). */
const ShipmentShipped = Type.Object({ shipmentId: Type.String({ minLength: 1 }), orderId: Type.String({ minLength: 1 }) });

/** One invoice per shipment, issued when it ships (re-delivery finds the invoice and changes nothing). */
async function onShipmentShipped(ctx: Ctx, e: OutboxEvent): Promise<void> {
  if (!Value.Check(ShipmentShipped, e.payload)) throw new Error(`shipment.shipped ${e.aggregateId}: payload lacks shipmentId/orderId`);
  const p = e.payload as { shipmentId: string; orderId: string };
  await invoiceShipment(ctx, { shipmentId: p.shipmentId, orderId: p.orderId });
}

/** Invoicing's outbox consumers (gathered in src/jobs/handlers.ts). */
export const invoicingEventHandlers = {
  'shipment.shipped': [onShipmentShipped],
} as const;
