import { Type } from 'typebox';

const Money = Type.Object(
  { amount: Type.Integer({ description: 'Minor units' }), currency: Type.String({ minLength: 3, maxLength: 3 }) },
  { additionalProperties: false },
);

export const CART_PREVIEW_MAX_LINES = 500;

export const CartPreviewBody = Type.Object(
  {
    lines: Type.Array(
      Type.Object(
        {
          sku: Type.String({ minLength: 1, maxLength: 100 }),
          quantity: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: CART_PREVIEW_MAX_LINES },
    ),
  },
  { additionalProperties: false },
);

export const LineProblem = Type.Object(
  {
    code: Type.Union([
      Type.Literal('SKU_UNKNOWN'), Type.Literal('PRICE_UNAVAILABLE'),
      Type.Literal('QUANTITY_BELOW_MIN'), Type.Literal('QUANTITY_ABOVE_MAX'), Type.Literal('QUANTITY_NOT_INCREMENT'),
    ]),
    message: Type.String(),
    field: Type.String({ description: 'lines[i].sku or lines[i].quantity' }),
  },
  { additionalProperties: false },
);

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const CartPreviewLine = Type.Object(
  {
    sku: Type.String(),
    variantId: Nullable(Type.String()),
    productName: Nullable(Type.String()),
    quantity: Type.Integer(),
    unitPrice: Nullable(Money),
    lineTotal: Nullable(Money),
    basePrice: Nullable(Money),
    kind: Nullable(Type.Union([Type.Literal('contract'), Type.Literal('volume'), Type.Literal('list'), Type.Literal('base')])),
    label: Nullable(Type.String()),
    contractRef: Nullable(Type.String()),
    tierMinQty: Nullable(Type.Integer({ description: 'For a volume price: the tier it comes from' })),
    quantityRules: Nullable(Type.Object(
      { min: Nullable(Type.Integer()), max: Nullable(Type.Integer()), increment: Nullable(Type.Integer()) },
      { additionalProperties: false },
    )),
    problems: Type.Array(LineProblem),
  },
  { additionalProperties: false },
);

export const CartPreview = Type.Object(
  {
    currency: Type.String(),
    lines: Type.Array(CartPreviewLine),
    subtotal: Money,
    pricedLines: Type.Integer({ description: 'Lines in the subtotal' }),
    problemLines: Type.Integer({ description: 'Lines with at least one problem' }),
  },
  { additionalProperties: false },
);
