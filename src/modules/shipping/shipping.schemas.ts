import { Type, type TProperties } from 'typebox';

/** TypeBox schemas of the shipping admin API. */
const closed = { additionalProperties: false } as const;
const Obj = <T extends TProperties>(props: T) => Type.Object(props, closed);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Minor = Type.Integer({ minimum: 0, maximum: 1e15, description: "Minor units of the method's currency" });
const Timestamp = Type.String({ format: 'date-time' });

export const IdParams = Obj({ id: Type.String({ minLength: 1, maxLength: 64 }) });

const Zone = Obj({
  country: Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' }),
  region: Type.String({ maxLength: 100, description: "A region of the country, or '' for the whole country" }),
});
const Band = Obj({ maxGrams: Type.Integer({ minimum: 1, maximum: 100_000_000, description: 'Parcels up to this weight…' }), amount: Minor });
const Days = Obj({ min: Type.Integer({ minimum: 0, maximum: 365 }), max: Type.Integer({ minimum: 0, maximum: 365 }) });
const Zones = Type.Array(Zone, { maxItems: 500, description: 'Replaces the zone' });
const Bands = Type.Array(Band, { maxItems: 100, description: 'Replaces the weight bands; the smallest band that holds the parcel applies' });
const Name = Type.String({ minLength: 1, maxLength: 200 });
const Currency = Type.String({ pattern: '^[A-Z]{3}$' });
const FreeThreshold = Nullable(Type.Integer({ minimum: 0, maximum: 1e15, description: 'Subtotal at or above which shipping is free; null = never' }));

export const MethodCreate = Obj({
  name: Name,
  carrier: Name,
  currency: Currency,
  freeThreshold: Type.Optional(FreeThreshold),
  estimatedDays: Days,
  active: Type.Optional(Type.Boolean()),
  position: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
  zones: Zones,
  bands: Bands,
});

export const MethodPatch = Obj({
  name: Type.Optional(Name),
  carrier: Type.Optional(Name),
  currency: Type.Optional(Currency),
  freeThreshold: Type.Optional(FreeThreshold),
  estimatedDays: Type.Optional(Days),
  active: Type.Optional(Type.Boolean()),
  position: Type.Optional(Type.Integer({ minimum: -1_000_000, maximum: 1_000_000 })),
  zones: Type.Optional(Zones),
  bands: Type.Optional(Bands),
});

export const Method = Obj({
  id: Type.String(),
  name: Type.String(),
  carrier: Type.String(),
  currency: Type.String(),
  freeThreshold: Nullable(Type.Integer()),
  estimatedDays: Obj({ min: Type.Integer(), max: Type.Integer() }),
  active: Type.Boolean(),
  position: Type.Integer(),
  zones: Type.Array(Obj({ country: Type.String(), region: Type.String() })),
  bands: Type.Array(Obj({ maxGrams: Type.Integer(), amount: Type.Integer() })),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
