import { Type } from 'typebox';

/** TypeBox schemas of the staff pricing endpoints. */

const Obj = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
// Null first: with coerceTypes, a string-first union would turn a JSON null into "".
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

const Id = Type.String({ minLength: 1, maxLength: 64 });
export const IdParams = Obj({ id: Id });
export const ContractParams = Obj({ id: Id, contractId: Id });
const Timestamp = Type.String({ format: 'date-time' });
const Currency = Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code' });
const Money = Type.Integer({ minimum: 0, maximum: 1e15, description: 'Minor units' });
const Qty = Type.Integer({ minimum: 1, maximum: 1_000_000_000 });
const Strategy = Type.Union([Type.Literal('lowest'), Type.Literal('priority')]);

export const Tier = Obj({ minQty: Qty, unitPrice: Money });
const Tiers = Type.Array(Tier, { maxItems: 50 });

export const Target = Type.Union([
  Obj({ type: Type.Literal('everyone') }),
  Obj({ type: Type.Literal('channel'), channel: Type.String({ minLength: 1, maxLength: 64 }) }),
  Obj({ type: Type.Literal('group'), groupId: Id }),
  Obj({ type: Type.Literal('company'), companyId: Id, includeDescendants: Type.Boolean() }),
]);

const Derived = Obj({
  baseListId: Id,
  adjustment: Type.Union([
    Obj({ type: Type.Literal('percent'), value: Type.Number({ minimum: -1000, maximum: 100 }) }),
    Obj({ type: Type.Literal('amount'), value: Type.Integer({ minimum: -1e15, maximum: 1e15 }) }),
  ]),
  scope: Type.Optional(Obj({
    categoryIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    brandIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
    tags: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 200 })),
  })),
  rounding: Type.Union([
    Obj({ type: Type.Literal('none') }),
    Obj({ type: Type.Literal('nearest'), step: Type.Integer({ minimum: 1, maximum: 1e9 }) }),
    Obj({ type: Type.Literal('ending'), ending: Type.Integer({ minimum: 0, maximum: 99 }) }),
  ]),
});

const listFields = {
  name: Type.String({ minLength: 1, maxLength: 200 }),
  currency: Currency,
  status: Type.Union([Type.Literal('draft'), Type.Literal('active')]),
  validFrom: Nullable(Timestamp),
  validTo: Nullable(Timestamp),
  priority: Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 }),
  kind: Type.Union([Type.Literal('base'), Type.Literal('standard'), Type.Literal('derived')]),
  derived: Nullable(Derived),
  targets: Type.Array(Target, { maxItems: 500 }),
};

export const PriceList = Obj({
  id: Type.String(), ...listFields, createdAt: Timestamp, updatedAt: Timestamp,
  entryCount: Type.Optional(Type.Integer({ description: 'Own entries (in the list of lists)' })),
});

export const PriceListCreate = Obj({
  name: listFields.name,
  currency: listFields.currency,
  status: Type.Optional(listFields.status),
  validFrom: Type.Optional(listFields.validFrom),
  validTo: Type.Optional(listFields.validTo),
  priority: Type.Optional(listFields.priority),
  kind: Type.Optional(listFields.kind),
  derived: Type.Optional(listFields.derived),
  targets: Type.Optional(listFields.targets),
});

export const PriceListPatch = Obj({
  name: Type.Optional(listFields.name),
  status: Type.Optional(listFields.status),
  validFrom: Type.Optional(listFields.validFrom),
  validTo: Type.Optional(listFields.validTo),
  priority: Type.Optional(listFields.priority),
  derived: Type.Optional(listFields.derived),
  targets: Type.Optional(listFields.targets),
});

export const ListQuery = Obj({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

const entryFields = {
  unitPrice: Money,
  tiers: Type.Optional(Tiers),
  qtyMin: Type.Optional(Nullable(Qty)),
  qtyMax: Type.Optional(Nullable(Qty)),
  qtyIncrement: Type.Optional(Nullable(Qty)),
};

export const Entry = Obj({
  variantId: Type.String(),
  sku: Type.String(),
  productName: Type.String(),
  unitPrice: Money,
  tiers: Tiers,
  qtyMin: Nullable(Qty),
  qtyMax: Nullable(Qty),
  qtyIncrement: Nullable(Qty),
});

export const EntriesPut = Obj({
  items: Type.Array(
    Obj({
      sku: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
      variantId: Type.Optional(Id),
      ...entryFields,
    }),
    { minItems: 1, maxItems: 1000 },
  ),
});
export const EntriesPutResult = Obj({
  created: Type.Integer(),
  updated: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(Obj({ index: Type.Integer(), field: Type.String(), message: Type.String() })),
});

export const Contract = Obj({
  id: Type.String(),
  companyId: Type.String(),
  variantId: Type.String(),
  sku: Type.String(),
  currency: Currency,
  unitPrice: Money,
  tiers: Tiers,
  reference: Type.String(),
  validTo: Timestamp,
  createdAt: Timestamp,
});

export const ContractCreate = Obj({
  sku: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  variantId: Type.Optional(Id),
  currency: Currency,
  unitPrice: Money,
  tiers: Type.Optional(Tiers),
  reference: Type.String({ minLength: 1, maxLength: 100 }),
  validTo: Timestamp,
});

export const ResolveQuery = Obj({
  companyId: Id,
  sku: Type.String({ minLength: 1, maxLength: 64 }),
  quantity: Type.Optional(Qty),
  currency: Type.Optional(Currency),
  strategy: Type.Optional(Strategy),
  channel: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  groupIds: Type.Optional(Type.String({ maxLength: 2000, description: 'Comma-separated customer group ids (until group membership is stored)' })),
  at: Type.Optional(Timestamp),
});

const SourceKind = Type.Union(['contract', 'company', 'inherited', 'group', 'channel', 'everyone', 'base'].map((k) => Type.Literal(k)));
const TraceCandidate = Obj({ kind: SourceKind, listId: Nullable(Type.String()), contractRef: Type.Optional(Type.String()), label: Type.String() });

export const Resolution = Obj({
  priced: Type.Boolean(),
  variantId: Type.String(),
  sku: Type.String(),
  quantity: Type.Integer(),
  currency: Type.String(),
  strategy: Strategy,
  unitPrice: Type.Optional(Type.Integer()),
  lineTotal: Type.Optional(Type.Integer()),
  source: Type.Optional(Obj({ kind: SourceKind, listId: Nullable(Type.String()), contractRef: Type.Optional(Type.String()) })),
  tier: Type.Optional(Nullable(Obj({ minQty: Type.Integer() }))),
  qtyRuleViolations: Type.Optional(Type.Array(Obj({
    code: Type.Union([Type.Literal('BELOW_MIN'), Type.Literal('ABOVE_MAX'), Type.Literal('NOT_INCREMENT')]),
    limit: Type.Integer(),
    message: Type.String(),
  }))),
  trace: Type.Array(Obj({
    candidate: TraceCandidate,
    considered: Type.Boolean(),
    won: Type.Boolean(),
    reason: Type.String(),
    unitPrice: Type.Optional(Type.Integer()),
  })),
  tierTable: Type.Optional(Type.Array(Obj({ minQty: Type.Integer(), unitPrice: Type.Integer() }))),
  basePrice: Type.Optional(Nullable(Type.Integer())),
});
