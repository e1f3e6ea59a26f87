import { Type } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const obj = <P extends Parameters<typeof Type.Object>[0]>(p: P) => Type.Object(p, { additionalProperties: false });

export const Money = obj({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() });

export const LineProblem = obj({
  code: Type.Union([
    Type.Literal('ITEM_UNAVAILABLE'), Type.Literal('PRICE_UNAVAILABLE'), Type.Literal('QUANTITY_BELOW_MIN'), Type.Literal('QUANTITY_ABOVE_MAX'),
    Type.Literal('QUANTITY_NOT_INCREMENT'), Type.Literal('OUT_OF_STOCK'), Type.Literal('INSUFFICIENT_STOCK'),
  ]),
  message: Type.String(),
  limit: Nullable(Type.Integer({ description: 'The minimum, maximum or increment the rule names, or the quantity in stock' })),
});

export const QuantityRules = obj({ min: Nullable(Type.Integer()), max: Nullable(Type.Integer()), increment: Nullable(Type.Integer()) });
export const PriceKind = Nullable(Type.Union([Type.Literal('contract'), Type.Literal('volume'), Type.Literal('list'), Type.Literal('base')]));

export const CartLine = obj({
  id: Type.String(),
  variantId: Type.String(),
  sku: Type.String(),
  productName: Type.String({ description: 'Empty when the item is no longer available to the company' }),
  variantName: Type.String(),
  productSlug: Type.String(),
  quantity: Type.Integer(),
  note: Type.String(),
  unitPrice: Nullable(Money),
  lineTotal: Nullable(Money),
  priceKind: PriceKind,
  priceLabel: Nullable(Type.String()),
  quantityRules: Nullable(QuantityRules),
  available: Nullable(Type.Integer({ description: 'Units in stock over all warehouses' })),
  backorderQuantity: Type.Integer({ description: 'Units that would ship later (backorder)' }),
  problems: Type.Array(LineProblem),
});

const summaryProps = {
  id: Type.String(),
  name: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('ordered')]),
  owner: obj({ id: Type.String(), name: Type.String() }),
  access: Type.Union([Type.Literal('owner'), Type.Literal('edit'), Type.Literal('view')], { description: "The caller's access" }),
  isCurrent: Type.Boolean({ description: "The caller's current cart (where Add to cart goes)" }),
  lineCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
  lastActivityAt: Type.String({ format: 'date-time' }),
};

export const CartSummary = obj(summaryProps);

export const Cart = obj({
  ...summaryProps,
  currency: Type.String(),
  lines: Type.Array(CartLine),
  subtotal: Money,
  problemLines: Type.Integer({ description: 'Lines with at least one problem' }),
  partial: Type.Boolean({ description: 'True when `lines` holds only the line a change touched (`answer=line`); the totals are always the whole cart\'s' }),
});

export const AddLineQuery = obj({
  answer: Type.Optional(Type.Union([Type.Literal('cart'), Type.Literal('line')], { description: '`cart` (default): every line; `line`: only the added line, with the whole cart\'s totals' })),
});

export const Id = Type.String({ minLength: 1, maxLength: 40 });
export const CartParams = obj({ id: Id });
export const CartOrCurrentParams = obj({ id: Type.String({ minLength: 1, maxLength: 40, description: 'A cart id, or `current`' }) });
export const LineParams = obj({ id: Id, lineId: Id });
export const ShareParams = obj({ id: Id, userId: Id });

export const Name = Type.String({ minLength: 1, maxLength: 100 });
export const Note = Type.String({ maxLength: 500 });
export const Quantity = Type.Integer({ minimum: 1, maximum: 1_000_000 });

export const CreateCartBody = obj({ name: Name, makeCurrent: Type.Optional(Type.Boolean({ description: 'Default true' })) });
export const RenameCartBody = obj({ name: Name });
export const AddLineBody = obj({
  variantId: Type.Optional(Id),
  sku: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  quantity: Quantity,
  note: Type.Optional(Note),
});
export const PatchLineBody = obj({ quantity: Type.Optional(Quantity), note: Type.Optional(Note) });

export const ShareBody = obj({ access: Type.Union([Type.Literal('view'), Type.Literal('edit')]) });
const Person = obj({ userId: Type.String(), name: Type.String(), email: Type.String() });
export const Shares = obj({
  shares: Type.Array(obj({ userId: Type.String(), name: Type.String(), email: Type.String(), access: Type.Union([Type.Literal('view'), Type.Literal('edit')]) })),
  colleagues: Type.Array(Person),
});

// ── Quick order ────────────────────────────────────────────────────────────────────────────────
export const QuickPreviewBody = obj({
  text: Type.Optional(Type.String({ maxLength: 100_000, description: 'Pasted lines: SKU then quantity, separated by tabs, commas, semicolons or spaces' })),
  csv: Type.Optional(Type.String({ maxLength: 200_000, description: 'A CSV file with a header naming sku and quantity' })),
});

export const QuickProblem = obj({
  code: Type.Union([
    Type.Literal('SKU_UNKNOWN'), Type.Literal('QUANTITY_INVALID'), Type.Literal('SKU_MISSING'),
    ...LineProblem.properties.code.anyOf,
  ]),
  message: Type.String(),
  limit: Nullable(Type.Integer()),
});

export const QuickLine = obj({
  lineNos: Type.Array(Type.Integer(), { description: 'Source lines; more than one when the same SKU was merged' }),
  sku: Type.String(),
  quantity: Nullable(Type.Integer()),
  variantId: Nullable(Type.String()),
  productName: Nullable(Type.String()),
  unitPrice: Nullable(Money),
  lineTotal: Nullable(Money),
  available: Nullable(Type.Integer()),
  problems: Type.Array(QuickProblem),
});

export const QuickPreview = obj({
  currency: Type.String(),
  lines: Type.Array(QuickLine),
  subtotal: Money,
  validLines: Type.Integer(),
  problemLines: Type.Integer(),
});

export const QuickAddBody = obj({
  cartId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'A cart id or `current` (default)' })),
  lines: Type.Array(obj({ sku: Type.String({ minLength: 1, maxLength: 100 }), quantity: Quantity }), { minItems: 1, maxItems: 1000 }),
});

export const QuickAddResult = obj({
  cart: Cart,
  added: Type.Integer(),
  skipped: Type.Array(obj({ sku: Type.String(), code: Type.Literal('SKU_UNKNOWN'), message: Type.String() })),
});

// ── Shopping / requisition lists ───────────────────────────────────────────────────────────────
export const Visibility = Type.Union([Type.Literal('private'), Type.Literal('company')], { description: 'private: only you; company: every colleague can read it and add it to a cart' });

const listSummaryProps = {
  id: Type.String(),
  name: Type.String(),
  description: Type.String(),
  visibility: Visibility,
  owner: obj({ id: Type.String(), name: Type.String() }),
  mine: Type.Boolean({ description: 'You own the list (and may change it)' }),
  lineCount: Type.Integer(),
  createdAt: Type.String({ format: 'date-time' }),
  updatedAt: Type.String({ format: 'date-time' }),
};
export const ListSummary = obj(listSummaryProps);
export const ListLine = obj({
  variantId: Type.String(),
  sku: Type.String(),
  productName: Type.String(),
  variantName: Type.String(),
  productSlug: Type.String(),
  quantity: Type.Integer(),
  note: Type.String(),
  unitPrice: Nullable(Money),
  lineTotal: Nullable(Money),
  available: Nullable(Type.Integer()),
  problems: Type.Array(LineProblem),
});
export const List = obj({ ...listSummaryProps, currency: Type.String(), lines: Type.Array(ListLine), subtotal: Money });

export const ListParams = obj({ id: Id });
export const ListLineParams = obj({ id: Id, variantId: Id });
export const CreateListBody = obj({ name: Name, description: Type.Optional(Type.String({ maxLength: 1000 })), visibility: Type.Optional(Visibility) });
export const PatchListBody = obj({ name: Type.Optional(Name), description: Type.Optional(Type.String({ maxLength: 1000 })), visibility: Type.Optional(Visibility) });
export const AddListLinesBody = obj({
  lines: Type.Array(obj({ variantId: Type.Optional(Id), sku: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })), quantity: Quantity, note: Type.Optional(Note) }), { minItems: 1, maxItems: 1000 }),
});
export const ListToCartBody = obj({
  cartId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'A cart id or `current` (default)' })),
  variantIds: Type.Optional(Type.Array(Id, { minItems: 1, maxItems: 1000, description: 'Only these lines (default: the whole list)' })),
});
export const ListToCartResult = obj({
  cart: Cart,
  added: Type.Integer(),
  skipped: Type.Array(obj({ sku: Type.String(), code: Type.Literal('ITEM_UNAVAILABLE'), message: Type.String() })),
});

// ── Reorder ────────────────────────────────────────────────────────────────────────────────────
export const OrderParams = obj({ id: Id });
export const ReorderBody = obj({
  cartId: Type.Optional(Type.String({ minLength: 1, maxLength: 40, description: 'A cart id, `current` (default) or `new`' })),
  cartName: Type.Optional(Name),
});
export const ReorderResult = obj({
  cart: Cart,
  added: Type.Integer(),
  unavailable: Type.Array(obj({ sku: Type.String(), quantity: Type.Integer(), code: Type.Literal('ITEM_UNAVAILABLE'), message: Type.String() })),
});
