import { Type, type TProperties } from 'typebox';

/** TypeBox schemas of the tax admin API. */
const closed = { additionalProperties: false } as const;
const Obj = <T extends TProperties>(props: T) => Type.Object(props, closed);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Country = Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' });
const Region = Type.String({ maxLength: 100, description: 'A region or state of the country; null or empty = the whole country' });
const TaxClass = Type.String({ pattern: '^[A-Za-z0-9_-]{1,40}$', description: "The product tax class (variants carry one; 'standard' by default)" });
const RateBp = Type.Integer({ minimum: 0, maximum: 10_000, description: 'Basis points: 500 = 5%' });
const Label = Type.String({ minLength: 1, maxLength: 100, description: 'Shown on orders and invoices, e.g. "VAT 5%"' });
const When = Type.String({ maxLength: 40, description: 'Date (YYYY-MM-DD, midnight UTC) or date-time' });
const Timestamp = Type.String({ format: 'date-time' });

export const IdParams = Obj({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const TaxRatesQuery = Obj({
  country: Type.Optional(Country),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
});

export const TaxRateCreate = Obj({
  country: Country,
  region: Type.Optional(Nullable(Region)),
  taxClass: TaxClass,
  rateBp: RateBp,
  label: Label,
  validFrom: Type.Optional(Nullable(When)),
  validTo: Type.Optional(Nullable(When)),
});

export const TaxRatePatch = Obj({
  country: Type.Optional(Country),
  region: Type.Optional(Nullable(Region)),
  taxClass: Type.Optional(TaxClass),
  rateBp: Type.Optional(RateBp),
  label: Type.Optional(Label),
  validFrom: Type.Optional(Nullable(When)),
  validTo: Type.Optional(Nullable(When)),
});

export const TaxRate = Obj({
  id: Type.String(),
  country: Type.String(),
  region: Nullable(Type.String()),
  taxClass: Type.String(),
  rateBp: Type.Integer(),
  label: Type.String(),
  validFrom: Nullable(Timestamp),
  validTo: Nullable(Timestamp),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const ExemptionBody = Obj({
  certificateNumber: Type.String({ minLength: 1, maxLength: 100 }),
  expiresOn: Type.String({ format: 'date', description: 'The certificate exempts orders through this day (UTC)' }),
});

export const TaxExemption = Obj({
  companyId: Type.String(),
  vatId: Nullable(Type.String({ description: "The company's VAT / tax id (edit it on the company)" })),
  exemption: Nullable(Obj({ certificateNumber: Type.String(), expiresOn: Type.String({ format: 'date' }), valid: Type.Boolean({ description: 'Not expired today' }) })),
});
