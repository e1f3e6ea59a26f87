import { Type } from 'typebox';
import { SHIPMENT_STATUSES, TRACKING_STATUSES, type ShipmentStatus as ShipmentStatusValue, type TrackingStatus as TrackingStatusValue } from './tracking-status.ts';

/** TypeBox schemas of the shipment and tracking endpoints (admin, store, integrations). */

const Obj = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
// Null first: with coerceTypes, a string-first union would turn a JSON null into "".
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

const Id = Type.String({ minLength: 1, maxLength: 64 });
const Timestamp = Type.String({ format: 'date-time' });
const Quantity = Type.Integer({ minimum: 1, maximum: 100_000_000 });
const Carrier = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S', description: 'e.g. DHL, Aramex, TCS, Leopards' });
const TrackingNumber = Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' });
const TrackingUrl = Type.String({ maxLength: 2000, pattern: '^https?://[^\\s]+$', description: 'Where the buyer can follow the parcel at the carrier' });
const ExternalId = Type.String({ minLength: 1, maxLength: 120, pattern: '^[\\x21-\\x7e]+$', description: "The id in the sending system (printable ASCII); repeats are recognised" });
const TrackingStatus = Type.Unsafe<TrackingStatusValue>({ type: 'string', enum: [...TRACKING_STATUSES] });
const ShipmentStatus = Type.Unsafe<ShipmentStatusValue>({ type: 'string', enum: [...SHIPMENT_STATUSES] });

export const OrderParams = Obj({ id: Id });
export const OrderShipmentParams = Obj({ id: Id, shipmentId: Id });
export const ShipmentRefParams = Obj({ id: Type.String({ minLength: 1, maxLength: 120, description: 'The shipment id (shp_…) or the external id it was created with' }) });

export const TrackingEvent = Obj({
  id: Type.String(),
  status: TrackingStatus,
  description: Nullable(Type.String()),
  location: Nullable(Type.String()),
  occurredAt: Timestamp,
});

const shipmentFields = {
  id: Type.String(),
  orderId: Type.String(),
  orderNumber: Type.String(),
  number: Type.String({ description: 'Order number and sequence, e.g. SO-100001-2' }),
  status: ShipmentStatus,
  carrier: Type.String(),
  trackingNumber: Nullable(Type.String()),
  trackingUrl: Nullable(Type.String()),
  shippedAt: Timestamp,
  deliveredAt: Nullable(Timestamp),
  lines: Type.Array(Obj({ orderLineNo: Type.Integer(), sku: Type.String(), name: Type.String(), quantity: Type.Integer() })),
  events: Type.Array(TrackingEvent, { description: 'Oldest first' }),
};
const Warehouse = Nullable(Obj({ id: Type.String(), code: Type.String(), name: Type.String() }));

/** What staff and integrations see. */
export const Shipment = Obj({ ...shipmentFields, warehouse: Warehouse, externalId: Nullable(Type.String()) });
/** What a buyer sees: no warehouse, no integration ids. */
export const StoreShipment = Obj(shipmentFields);

const lineFields = {
  lineNo: Type.Integer(),
  sku: Type.String(),
  name: Type.String(),
  quantity: Type.Integer(),
  quantityShipped: Type.Integer(),
  remaining: Type.Integer({ description: 'Still to ship' }),
};
export const AdminOrderShipments = Obj({
  orderId: Type.String(),
  orderNumber: Type.String(),
  orderStatus: Type.String(),
  lines: Type.Array(Obj({ ...lineFields, reserved: Type.Array(Obj({ warehouseId: Type.String(), warehouseCode: Type.String(), warehouseName: Type.String(), quantity: Type.Integer() })) })),
  shipments: Type.Array(Shipment),
  warehouses: Type.Array(Obj({ id: Type.String(), code: Type.String(), name: Type.String() }), { description: 'Where a shipment may leave from' }),
});
export const StoreOrderShipments = Obj({
  orderId: Type.String(),
  orderNumber: Type.String(),
  orderStatus: Type.String(),
  lines: Type.Array(Obj(lineFields)),
  shipments: Type.Array(StoreShipment),
});

const details = {
  carrier: Carrier,
  trackingNumber: Type.Optional(Nullable(TrackingNumber)),
  trackingUrl: Type.Optional(Nullable(TrackingUrl)),
  shippedAt: Type.Optional(Timestamp),
};

export const AdminShipmentCreate = Obj({
  ...details,
  warehouseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Where the goods leave from; defaults to the warehouse holding most of them' })),
  lines: Type.Array(Obj({ lineNo: Type.Integer({ minimum: 1, maximum: 100_000 }), quantity: Quantity }), { minItems: 1, maxItems: 1000 }),
});

export const IntegrationShipmentCreate = Obj({
  externalId: ExternalId,
  orderNumber: Type.String({ minLength: 1, maxLength: 40, description: 'e.g. SO-100001' }),
  ...details,
  warehouseCode: Type.Optional(Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_-]+$' })),
  lines: Type.Array(Obj({ sku: Type.String({ minLength: 1, maxLength: 64 }), quantity: Quantity }), { minItems: 1, maxItems: 1000 }),
});

export const TrackingCreate = Obj({
  status: TrackingStatus,
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  location: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  occurredAt: Type.Optional(Timestamp),
});
export const IntegrationTrackingCreate = Obj({
  externalId: Type.Optional(ExternalId),
  status: TrackingStatus,
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  location: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  occurredAt: Timestamp,
});

export const DeliverBody = Obj({
  deliveredAt: Type.Optional(Timestamp),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export const TrackingResult = Obj({ duplicate: Type.Boolean(), event: TrackingEvent, shipment: Shipment });
