import { inTx, type Ctx } from '../../http/context.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { newMonotonicId } from '../../lib/ids.ts';
import { announce, recordShipmentEvent } from './shipments-events.ts';
import { maybeDeliverOrder } from './shipments-order.ts';
import * as repo from './shipments.repo.ts';
import { getShipment, type Shipment, type TrackingEventView } from './shipments.service.ts';
import { shipmentState, type TrackingStatus } from './tracking-status.ts';

export interface TrackingInput {
  status: TrackingStatus;
  description?: string | null | undefined;
  location?: string | null | undefined;
  /** When it happened at the carrier; defaults to now. */
  occurredAt?: string | undefined;
  /** The event's id at the sender: a repeat with the same id is ignored. */
  externalId?: string | undefined;
}

export interface TrackingResult {
  /** True when the event was already recorded (same external id): nothing changed. */
  duplicate: boolean;
  event: TrackingEventView;
  shipment: Shipment;
}

/** How far in the future an event may claim to have happened (clock skew between systems). */
const FUTURE_SLACK_MS = 10 * 60 * 1000;

/**
 * Records a tracking event for a shipment (found by id or by the sender's external id; for staff
 * routes also checked against `orderId`). The shipment's status follows the events; a `delivered`
 * event marks it delivered, and when every shipment of a fully shipped order has arrived the
 * order becomes delivered. Outbox: `shipment.tracking`, and `shipment.delivered` on arrival.
 */
export async function addTrackingEvent(ctx: Ctx, shipmentRef: string, input: TrackingInput, opts: { orderId?: string } = {}): Promise<TrackingResult> {
  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : ctx.clock.now();
  if (occurredAt.getTime() > ctx.clock.now().getTime() + FUTURE_SLACK_MS) throw new AppError('VALIDATION_FAILED', 'occurredAt is in the future', 'occurredAt');
  return inTx(ctx, async (tx) => {
    const found = await repo.shipmentIdFor(tx.db, shipmentRef);
    if (!found || (opts.orderId !== undefined && found.orderId !== opts.orderId)) throw notFound('Shipment', 'id');
    // Same lock order as shipping (order, then shipment): a delivery and a new shipment of one order queue.
    const order = await repo.lockOrder(tx.db, found.orderId);
    if (!order) throw notFound('Shipment', 'id');
    await repo.lockShipment(tx.db, found.id);
    const before = await getShipment(tx, found.id);

    if (input.externalId) {
      const dup = await repo.trackingByExternal(tx.db, found.id, input.externalId);
      if (dup) {
        const event = { id: dup.id, status: dup.status, description: dup.description, location: dup.location, occurredAt: new Date(dup.occurredAt).toISOString() };
        return { duplicate: true, event, shipment: before };
      }
    }

    const now = tx.clock.now();
    const id = newMonotonicId('trackingEvent', now.getTime());
    const source = tx.actor.kind === 'staff' ? { kind: 'staff' as const, id: tx.actor.staffId } : tx.actor.kind === 'apiKey' ? { kind: 'apiKey' as const, id: tx.actor.keyId } : { kind: 'system' as const, id: null };
    await repo.insertTracking(tx.db, {
      id,
      shipmentId: found.id,
      externalId: input.externalId ?? null,
      status: input.status,
      description: input.description?.trim() || null,
      location: input.location?.trim() || null,
      occurredAt,
      sourceKind: source.kind,
      sourceId: source.id,
      now,
    });
    const facts = [...before.events.map((e) => ({ id: e.id, status: e.status, occurredAt: new Date(e.occurredAt) })), { id, status: input.status, occurredAt }];
    const state = shipmentState(facts);
    const changed = state.status !== before.status || (state.deliveredAt?.getTime() ?? null) !== (before.deliveredAt ? new Date(before.deliveredAt).getTime() : null);
    if (changed) await repo.setShipmentState(tx.db, found.id, state, now);

    const ref = { shipmentId: found.id, orderId: order.id, companyId: order.companyId, number: order.number, shipmentNumber: before.number };
    await recordShipmentEvent(tx, { type: 'shipment.tracking', payload: { ...ref, eventId: id, status: input.status, occurredAt: occurredAt.toISOString() } });
    if (state.status === 'delivered' && before.status !== 'delivered' && state.deliveredAt) {
      await recordShipmentEvent(tx, { type: 'shipment.delivered', payload: { ...ref, deliveredAt: state.deliveredAt.toISOString() } });
      await maybeDeliverOrder(tx, order);
    }
    await announce(tx, { orderId: order.id, kind: 'tracking', shipmentId: found.id, status: state.status });
    const shipment = await getShipment(tx, found.id);
    const event = shipment.events.find((e) => e.id === id) as TrackingEventView;
    return { duplicate: false, event, shipment };
  });
}

/**
 * Marks a shipment delivered (staff confirming a delivery the carrier did not report). Already
 * delivered: nothing changes.
 */
export async function markDelivered(ctx: Ctx, orderId: string, shipmentId: string, input: { deliveredAt?: string | undefined; note?: string | undefined }): Promise<Shipment> {
  const current = await getShipment(ctx, shipmentId).catch(() => null);
  if (!current || current.orderId !== orderId) throw notFound('Shipment', 'shipmentId');
  if (current.status === 'delivered') return current;
  const r = await addTrackingEvent(ctx, shipmentId, { status: 'delivered', description: input.note ?? null, occurredAt: input.deliveredAt }, { orderId });
  return r.shipment;
}
