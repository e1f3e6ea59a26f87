import { Type } from 'typebox';

/** TypeBox schemas of the staff endpoints over a list's entries: filter, delete, bulk change, CSV. */

const Obj = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
const Id = Type.String({ minLength: 1, maxLength: 64 });
const Money = Type.Integer({ minimum: 0, maximum: 1e15, description: 'Minor units' });
const Tiers = Type.Array(Obj({ minQty: Type.Integer(), unitPrice: Money }), { maxItems: 50 });

const filterFields = {
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'SKU prefix, or words of the product name (all must appear)' })),
  category: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Category id; its subcategories count too' })),
  brand: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'Brand id' })),
};
export const EntryFilter = Obj(filterFields);

export const EntriesQuery = Obj({
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
  cursor: Type.Optional(Type.String({ maxLength: 200 })),
  ...filterFields,
});

export const EntriesDelete = Obj({
  items: Type.Array(
    Obj({ sku: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })), variantId: Type.Optional(Id) }),
    { minItems: 1, maxItems: 1000 },
  ),
});
export const EntriesDeleteResult = Obj({
  deleted: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(Obj({ index: Type.Integer(), field: Type.String(), message: Type.String() })),
});

export const Rounding = Type.Union([
  Obj({ type: Type.Literal('none') }),
  Obj({ type: Type.Literal('nearest'), step: Type.Integer({ minimum: 1, maximum: 1e9, description: 'Minor units (5 = nearest 0.05)' }) }),
  Obj({ type: Type.Literal('ending'), ending: Type.Integer({ minimum: 0, maximum: 99, description: 'Last two minor digits (99 = end in .99)' }) }),
]);

export const AdjustBody = Obj({
  percent: Type.Number({ minimum: -100, maximum: 1000, description: 'Change in percent: -12 is 12 % cheaper; at most two decimals' }),
  filter: Type.Optional(EntryFilter),
  rounding: Type.Optional(Rounding),
  dryRun: Type.Optional(Type.Boolean({ description: 'Count and show samples without writing' })),
});
const Prices = Obj({ unitPrice: Money, tiers: Tiers });
export const AdjustResult = Obj({
  dryRun: Type.Boolean(),
  changed: Type.Integer({ description: 'Entries whose unit or tier prices change (or would)' }),
  matched: Type.Integer({ description: 'Entries the filter selects' }),
  samples: Type.Array(Obj({ sku: Type.String(), productName: Type.String(), before: Prices, after: Prices }), { maxItems: 10 }),
});

export const CsvImportResult = Obj({
  created: Type.Integer(),
  updated: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(Obj({ row: Type.Integer({ description: 'CSV line number, the header being 1' }), field: Type.String(), message: Type.String() })),
  errorsTruncated: Type.Boolean({ description: 'More rows failed than the errors listed' }),
});
