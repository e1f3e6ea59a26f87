import { Type, type TProperties } from 'typebox';
import { PAYMENT_TERMS } from './domain/terms.ts';

/** TypeBox schemas of the credit admin and store API. */
const closed = { additionalProperties: false } as const;
const Obj = <T extends TProperties>(props: T) => Type.Object(props, closed);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Timestamp = Type.String({ format: 'date-time' });

export const IdParams = Obj({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const TermsCode = Type.Union(
  PAYMENT_TERMS.map((c) => Type.Literal(c)),
  { description: "due_on_receipt, net7…net90, or eom: the last day of the month after the invoice's month" },
);
const Terms = Obj({ code: TermsCode, label: Type.String() });
const Action = Type.Union([Type.Literal('block'), Type.Literal('hold')], { description: 'Past the limit an on-account order is refused (block) or placed on credit hold for the credit controller (hold)' });

export const CreditAccountBody = Obj({
  paymentTerms: Type.Optional(Nullable(TermsCode)),
  creditLimit: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 1e15, description: "Minor units of the company's currency; null = no payment on account" }))),
  overLimitAction: Type.Optional(Action),
  poRequired: Type.Optional(Type.Boolean({ description: 'Checkout asks for a PO number' })),
  allowNewShipTo: Type.Optional(Type.Boolean({ description: 'Buyers may ship to a new address at checkout' })),
});

export const CreditAccount = Obj({
  companyId: Type.String(),
  hasAccount: Type.Boolean(),
  paymentTerms: Nullable(TermsCode),
  effectiveTerms: Nullable(Terms),
  termsSource: Type.Union([Type.Literal('company'), Type.Literal('group'), Type.Literal('none')]),
  termsGroupId: Nullable(Type.String()),
  creditLimit: Nullable(Type.Integer()),
  currency: Type.String(),
  overLimitAction: Action,
  poRequired: Type.Boolean(),
  allowNewShipTo: Type.Boolean(),
  exposure: Type.Integer({ description: 'Open on-account orders + unpaid invoices (minor units)' }),
  available: Nullable(Type.Integer({ description: 'Limit − exposure; negative after a forced release past the limit' })),
  onAccount: Type.Boolean(),
  updatedAt: Nullable(Timestamp),
});

export const LedgerEntry = Obj({
  id: Type.String(),
  refKind: Type.Union(['order', 'invoice', 'payment', 'credit_memo', 'adjustment'].map((k) => Type.Literal(k))),
  refId: Type.String(),
  amount: Type.Integer({ description: '+ takes credit, − frees it' }),
  exposureAfter: Type.Integer(),
  reason: Type.String(),
  actorKind: Type.String(),
  actorId: Nullable(Type.String()),
  at: Timestamp,
});

export const GroupTermsBody = Obj({
  paymentTerms: Nullable(TermsCode),
  priority: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000, description: "Among a company's groups the highest priority wins" })),
});

export const GroupTerms = Obj({ groupId: Type.String(), paymentTerms: Nullable(TermsCode), priority: Type.Integer() });

const Money = Obj({ amount: Type.Integer({ description: 'Minor units' }), currency: Type.String() });

export const StoreCredit = Obj({
  onAccount: Type.Boolean({ description: 'The company may order on account' }),
  paymentTerms: Nullable(Terms),
  limit: Nullable(Money),
  used: Money,
  available: Nullable(Money),
  poRequired: Type.Boolean(),
  overLimitAction: Action,
});
