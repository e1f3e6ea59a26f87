import { Type, type TProperties } from 'typebox';
import { RETURN_REASONS, RETURN_STATUSES } from './domain/lifecycle.ts';

/** TypeBox schemas of the returns (RMA) API. */
const closed = { additionalProperties: false } as const;
const Obj = <T extends TProperties>(props: T) => Type.Object(props, closed);
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Timestamp = Type.String({ format: 'date-time' });
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Money = Obj({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) });
const Qty = Type.Integer({ minimum: 1, maximum: 100_000_000 });
const LineNo = Type.Integer({ minimum: 1, maximum: 100_000 });

const L = Type.Literal;
export const ReturnStatusSchema = Type.Union([L('requested'), L('approved'), L('rejected'), L('received'), L('refunded'), L('credited')], {
  description: 'requested → approved | rejected; approved → received → refunded | credited',
});
export const ReturnReasonSchema = Type.Union([L('damaged'), L('defective'), L('wrong_item'), L('not_as_described'), L('ordered_by_mistake'), L('no_longer_needed'), L('other')]);
const Action = Type.Union([L('approve'), L('reject'), L('receive'), L('refund'), L('credit')]);

export const ReturnParams = Obj({ id: Id });

export const ReturnCreate = Obj({
  orderId: Id,
  lines: Type.Array(Obj({ lineNo: LineNo, quantity: Qty, reason: ReturnReasonSchema }), { minItems: 1, maxItems: 500 }),
  comment: Type.Optional(Type.String({ maxLength: 2000 })),
});

export const ApproveBody = Obj({ note: Type.Optional(Type.String({ maxLength: 1000 })) });
export const RejectBody = Obj({ reason: Type.String({ minLength: 1, maxLength: 1000, description: 'Shown to the buyer' }) });
export const ReceiveBody = Obj({
  lines: Type.Optional(Type.Array(Obj({ lineNo: LineNo, quantityReceived: Type.Integer({ minimum: 0, maximum: 100_000_000 }) }), { maxItems: 500, description: 'Lines not named arrived in full' })),
  restockWarehouseId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Put the received goods back on hand in this warehouse' })),
});
export const ResolveBody = Obj({
  resolution: Type.Union([Type.Literal('refund'), Type.Literal('credit_memo')], { description: 'refund: the order’s card payment; credit_memo: against its invoices, freeing credit' }),
  amount: Type.Optional(Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Minor units; defaults to the value received back, never more' })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});

const ListFilters = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  status: Type.Optional(ReturnStatusSchema),
  open: Type.Optional(Type.Boolean({ description: 'Only returns still being handled (requested, approved, received)' })),
  orderId: Type.Optional(Id),
};
export const StoreReturnQuery = Obj(ListFilters);
export const AdminReturnQuery = Obj({ ...ListFilters, companyId: Type.Optional(Id), q: Type.Optional(Type.String({ maxLength: 200, description: 'RMA number, order number or company name' })) });

export const ReturnSummary = Obj({
  id: Type.String(),
  number: Type.String(),
  companyId: Type.String(),
  companyName: Type.String(),
  orderId: Type.String(),
  orderNumber: Type.String(),
  status: ReturnStatusSchema,
  amount: Money,
  lineCount: Type.Integer(),
  requestedAt: Timestamp,
  requestedByName: Nullable(Type.String()),
});

export const ReturnDetail = Obj({
  ...ReturnSummary.properties,
  comment: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  restockWarehouseId: Nullable(Type.String()),
  resolution: Nullable(Type.Union([Type.Literal('refund'), Type.Literal('credit_memo')])),
  resolutionAmount: Nullable(Money),
  resolutionRef: Nullable(Type.String()),
  decidedAt: Nullable(Timestamp),
  receivedAt: Nullable(Timestamp),
  resolvedAt: Nullable(Timestamp),
  paymentMethod: Type.Union([Type.Literal('account'), Type.Literal('card')]),
  lines: Type.Array(
    Obj({ lineNo: Type.Integer(), sku: Type.String(), name: Type.String(), quantity: Type.Integer(), quantityReceived: Nullable(Type.Integer()), reason: ReturnReasonSchema, unitPrice: Money, amount: Money }),
  ),
  events: Type.Array(
    Obj({
      type: Type.String(),
      fromStatus: Nullable(ReturnStatusSchema),
      toStatus: Nullable(ReturnStatusSchema),
      actorKind: Type.Union([Type.Literal('buyer'), Type.Literal('staff'), Type.Literal('apiKey'), Type.Literal('system')]),
      actorName: Nullable(Type.String()),
      detail: Type.Record(Type.String(), Type.Unknown()),
      at: Timestamp,
    }),
  ),
  actions: Type.Array(Action),
});

export const ReturnableLines = Obj({
  windowDays: Type.Integer(),
  lines: Type.Array(
    Obj({
      lineNo: Type.Integer(),
      sku: Type.String(),
      name: Type.String(),
      quantityShipped: Type.Integer(),
      quantityReturned: Type.Integer({ description: 'Claimed by open and completed returns' }),
      returnable: Type.Integer({ description: 'What may still be requested now (0 once the window closed)' }),
      unitPrice: Money,
      returnBy: Nullable(Timestamp),
      windowOpen: Type.Boolean(),
    }),
  ),
});

// The literal lists above mirror the lifecycle data; fail loudly at start if they drift.
if (ReturnStatusSchema.anyOf.length !== RETURN_STATUSES.length || ReturnReasonSchema.anyOf.length !== RETURN_REASONS.length) throw new Error('returns schemas drifted from domain/lifecycle.ts');
