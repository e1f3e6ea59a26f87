import { Type } from 'typebox';
import { CardSchema } from '../payments/index.ts';
import { Money, PaymentMethod } from './orders.schemas.ts';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const obj = <P extends Parameters<typeof Type.Object>[0]>(p: P) => Type.Object(p, { additionalProperties: false });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Problem = obj({ code: Type.String(), message: Type.String() });

export const OptionsQuery = obj({
  cartId: Id,
  shipToLocationId: Type.Optional(Id),
  shippingMethodId: Type.Optional(Id),
});

export const CheckoutOptions = obj({
  cart: obj({
    id: Type.String(),
    name: Type.String(),
    subtotal: Money,
    lines: Type.Array(obj({ lineId: Type.String(), sku: Type.String(), name: Type.String(), quantity: Type.Integer(), unitPrice: Money, lineTotal: Money, problems: Type.Array(Problem) })),
    problems: Type.Array(Problem),
  }),
  locations: Type.Array(
    obj({ id: Type.String(), name: Type.String(), line1: Type.String(), line2: Nullable(Type.String()), city: Type.String(), region: Nullable(Type.String()), postalCode: Nullable(Type.String()), country: Type.String(), isDefault: Type.Boolean() }),
  ),
  allowNewShipTo: Type.Boolean(),
  selectedLocationId: Nullable(Type.String()),
  shippingOptions: Type.Array(obj({ id: Type.String(), name: Type.String(), carrier: Type.String(), amount: Money, free: Type.Boolean(), estimatedDays: obj({ min: Type.Integer(), max: Type.Integer() }) })),
  selectedShippingMethodId: Nullable(Type.String()),
  tax: Nullable(obj({ exempt: Type.Boolean(), exemptReason: Nullable(Type.String()), shipping: Money, total: Money, lines: Type.Array(obj({ lineId: Type.String(), rateBp: Type.Integer(), label: Type.String(), amount: Money })) })),
  payment: obj({
    poRequired: Type.Boolean(),
    account: obj({
      available: Type.Boolean({ description: 'The company has payment terms and a credit limit' }),
      terms: Nullable(obj({ code: Type.String(), label: Type.String() })),
      creditLimit: Nullable(Money),
      availableCredit: Nullable(Money),
      overLimitAction: Type.Union([Type.Literal('block'), Type.Literal('hold')]),
    }),
    card: obj({ available: Type.Boolean() }),
  }),
  totals: obj({ subtotal: Money, shipping: Money, tax: Money, total: Money }),
});

export const NewAddress = obj({
  name: Type.String({ minLength: 1, maxLength: 120 }),
  line1: Type.String({ minLength: 1, maxLength: 200 }),
  line2: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  city: Type.String({ minLength: 1, maxLength: 120 }),
  region: Type.Optional(Nullable(Type.String({ maxLength: 120 }))),
  postalCode: Type.Optional(Nullable(Type.String({ maxLength: 20 }))),
  country: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' }),
  phone: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
});

export const CheckoutBody = obj({
  cartId: Id,
  shipToLocationId: Type.Optional(Id),
  newAddress: Type.Optional(NewAddress),
  shippingMethodId: Id,
  poNumber: Type.Optional(Type.String({ maxLength: 60 })),
  requestedDeliveryDate: Type.Optional(Type.String({ format: 'date', maxLength: 10, description: 'YYYY-MM-DD, today or later' })),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
  paymentMethod: PaymentMethod,
  card: Type.Optional(CardSchema),
});

/** A refused checkout: the problem+json fields plus what went wrong per line or with credit. */
export const CheckoutProblem = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  detail: Type.String(),
  code: Type.String(),
  field: Type.Optional(Type.String()),
  errors: Type.Optional(Type.Array(Type.Object({ field: Type.String(), message: Type.String() }))),
  instance: Type.Optional(Type.String()),
  lines: Type.Optional(
    Type.Array(
      Type.Object({
        lineId: Type.Optional(Type.String()),
        lineNo: Type.Optional(Type.Integer()),
        sku: Type.String(),
        problems: Type.Optional(Type.Array(Problem)),
        requested: Type.Optional(Type.Integer()),
        available: Type.Optional(Type.Integer()),
      }),
      { description: 'The cart lines at fault (CHECKOUT_CART_INVALID, CHECKOUT_STOCK_SHORT)' },
    ),
  ),
  problems: Type.Optional(Type.Array(Problem, { description: 'Problems of the cart as a whole' })),
  available: Type.Optional(Type.Integer({ description: 'Available credit, minor units (CREDIT_LIMIT_EXCEEDED)' })),
  total: Type.Optional(Type.Integer()),
  currency: Type.Optional(Type.String()),
  declineCode: Type.Optional(Type.String({ description: 'Why the card was refused (CARD_DECLINED, CARD_INVALID)' })),
});
