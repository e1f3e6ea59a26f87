import { Type } from 'typebox';

export const MoneySchema = Type.Object(
  { amount: Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, description: 'Minor units' }), currency: Type.String({ pattern: '^[A-Z]{3}$' }) },
  { additionalProperties: false },
);

/**
 * Card details in a request body. Kept loose on purpose: the provider checks the number (Luhn),
 * the expiry and the CVC and answers with a 402/422 naming the field, as a card form expects.
 */
export const CardSchema = Type.Object(
  {
    number: Type.Optional(Type.String({ maxLength: 30, description: 'Card number, spaces allowed (test: 4242 4242 4242 4242)' })),
    token: Type.Optional(Type.String({ minLength: 1, maxLength: 100, description: "A provider token instead of the number (test: 'tok_visa')" })),
    expMonth: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
    expYear: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2200 })),
    cvc: Type.Optional(Type.String({ maxLength: 4 })),
    name: Type.Optional(Type.String({ maxLength: 120, description: 'Name on the card' })),
  },
  { additionalProperties: false },
);

export const PaymentSchema = Type.Object(
  {
    id: Type.String(),
    companyId: Type.Union([Type.String(), Type.Null()]),
    provider: Type.String(),
    providerRef: Type.Union([Type.String(), Type.Null()]),
    reference: Type.String(),
    method: Type.Union([Type.Literal('card'), Type.Literal('bank_transfer'), Type.Literal('cash'), Type.Literal('cheque'), Type.Literal('other')]),
    status: Type.Union([Type.Literal('authorized'), Type.Literal('captured'), Type.Literal('partially_refunded'), Type.Literal('refunded')]),
    pays: Type.Object({ kind: Type.Union([Type.Literal('order'), Type.Literal('invoices')]), id: Type.Union([Type.String(), Type.Null()]) }, { additionalProperties: false }),
    amount: MoneySchema,
    refunded: MoneySchema,
    card: Type.Union([Type.Object({ brand: Type.String(), last4: Type.String() }, { additionalProperties: false }), Type.Null()]),
    externalRef: Type.Union([Type.String(), Type.Null()]),
    note: Type.Union([Type.String(), Type.Null()]),
    receivedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);

export const PaymentDetailSchema = Type.Object(
  {
    ...PaymentSchema.properties,
    refunds: Type.Array(Type.Object({ id: Type.String(), amount: MoneySchema, reason: Type.Union([Type.String(), Type.Null()]), at: Type.String({ format: 'date-time' }) }, { additionalProperties: false })),
  },
  { additionalProperties: false },
);

export const PaymentParams = Type.Object({ paymentId: Type.String({ maxLength: 64 }) }, { additionalProperties: false });

export const RefundBody = Type.Object(
  { amount: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, description: 'Minor units to give back' }), reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
