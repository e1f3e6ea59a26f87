import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const obj = <P extends Parameters<typeof Type.Object>[0]>(p: P, o: { description?: string } = {}) => Type.Object(p, { additionalProperties: false, ...o });

export const Money = obj({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() });
/** Same list as ORDER_STATUSES in domain/lifecycle.ts (a unit test keeps them equal). */
export const OrderStatus = Type.Union([Type.Literal('pending_approval'), Type.Literal('on_hold'), Type.Literal('placed'), Type.Literal('confirmed'), Type.Literal('partially_shipped'), Type.Literal('shipped'), Type.Literal('delivered'), Type.Literal('cancelled')]);
export const PaymentMethod = Type.Union([Type.Literal('account'), Type.Literal('card')]);
const Action = Type.Union([Type.Literal('approve'), Type.Literal('release'), Type.Literal('confirm'), Type.Literal('hold'), Type.Literal('cancel'), Type.Literal('ship_partially'), Type.Literal('ship'), Type.Literal('deliver')]);

export const OrderParams = obj({ id: Type.String({ maxLength: 64 }) });

export const ShipTo = obj({
  locationId: Nullable(Type.String()),
  name: Type.String(),
  line1: Type.String(),
  line2: Nullable(Type.String()),
  city: Type.String(),
  region: Nullable(Type.String()),
  postalCode: Nullable(Type.String()),
  country: Type.String(),
  phone: Nullable(Type.String()),
});

export const OrderSummary = obj({
  id: Type.String(),
  number: Type.String({ description: 'SO-100001' }),
  companyId: Type.String(),
  companyName: Type.String(),
  status: OrderStatus,
  subtotal: Money,
  shippingTotal: Money,
  taxTotal: Money,
  total: Money,
  paymentMethod: PaymentMethod,
  poNumber: Nullable(Type.String()),
  placedByName: Nullable(Type.String()),
  placedAt: Type.String({ format: 'date-time' }),
});

export const OrderLine = obj({
  lineNo: Type.Integer(),
  variantId: Nullable(Type.String()),
  sku: Type.String(),
  name: Type.String(),
  quantity: Type.Integer(),
  unitPrice: Money,
  lineTotal: Money,
  taxClass: Type.String(),
  taxRateBp: Type.Integer({ description: 'Tax rate in basis points (500 = 5%)' }),
  taxAmount: Money,
  quantityShipped: Type.Integer(),
  quantityReturned: Type.Integer(),
});

export const OrderEvent = obj({
  id: Type.String(),
  type: Type.String({ description: 'placed, status_changed, credit.reserved, credit.released, stock.released, payment.captured, payment.refunded' }),
  fromStatus: Nullable(OrderStatus),
  toStatus: Nullable(OrderStatus),
  actorKind: Type.Union([Type.Literal('buyer'), Type.Literal('staff'), Type.Literal('apiKey'), Type.Literal('system')]),
  actorName: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
});

export const OrderDetail = obj({
  ...OrderSummary.properties,
  placedBy: Nullable(Type.String()),
  cartId: Nullable(Type.String()),
  paymentTerms: Nullable(Type.String()),
  paymentId: Nullable(Type.String()),
  requestedDeliveryDate: Nullable(Type.String({ format: 'date' })),
  notes: Nullable(Type.String()),
  shipTo: ShipTo,
  shippingMethodName: Nullable(Type.String()),
  taxExempt: Type.Boolean(),
  vatId: Nullable(Type.String()),
  lines: Type.Array(OrderLine),
  events: Type.Array(OrderEvent),
  actions: Type.Array(obj({ to: OrderStatus, action: Action }), { description: 'Transitions you may take now' }),
});

const Search = Type.String({ maxLength: 60, description: 'Order number (SO-100001 or 100001) or the start of a PO number' });
const DateOrTime = Type.String({ maxLength: 40, description: 'YYYY-MM-DD (whole day, UTC) or an ISO 8601 time' });

export const StoreOrderQuery = obj({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(OrderStatus),
  q: Type.Optional(Search),
  companyId: Type.Optional(Type.String({ maxLength: 64, description: 'A subsidiary (needs company.descendants:read)' })),
});

export const AdminOrderQuery = obj({
  ...StoreOrderQuery.properties,
  companyId: Type.Optional(Type.String({ maxLength: 64 })),
  poNumber: Type.Optional(Type.String({ maxLength: 60 })),
  from: Type.Optional(DateOrTime),
  to: Type.Optional(DateOrTime),
});

export const ReasonBody = obj({ reason: Type.Optional(Type.String({ maxLength: 500 })) });
export const TransitionBody = obj({ to: OrderStatus, reason: Type.Optional(Type.String({ maxLength: 500 })) });

export const CreditHold = obj({
  ...OrderSummary.properties,
  credit: obj({ limit: Nullable(Money), exposure: Money, available: Nullable(Money) }),
});
