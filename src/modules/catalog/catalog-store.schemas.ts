import { Type } from 'typebox';

const Id = Type.String({ maxLength: 64 });
const Ref = Type.Union([Type.Object({ id: Id, name: Type.String() }, { additionalProperties: false }), Type.Null()]);

const Money = Type.Object(
  { amount: Type.Integer({ description: 'Minor units (cents, paisa)' }), currency: Type.String({ minLength: 3, maxLength: 3 }) },
  { additionalProperties: false },
);

/**
 * The caller's price for a variant: a signed-in buyer's company price (seller's strategy, company
 * currency), else the base list price. Priced at the minimum order quantity (else 1).
 */
export const BuyerPrice = Type.Object(
  {
    unitPrice: Money,
    quantity: Type.Integer({ minimum: 1, description: 'The quantity the unit price is for: the minimum order quantity, else 1' }),
    basePrice: Type.Union([Money, Type.Null()], { description: 'The base list price at that quantity' }),
    saving: Type.Union([
      Type.Object({ amount: Money, percent: Type.Number({ description: 'Percent off the base price, one decimal' }) }, { additionalProperties: false }),
      Type.Null(),
    ], { description: 'Null when the price is not below the base price' }),
    kind: Type.Union([Type.Literal('contract'), Type.Literal('volume'), Type.Literal('list'), Type.Literal('base')]),
    label: Type.String({ description: '"Your contract price (ref C-17)", "Volume price from 100", "Your price", "List price"' }),
    contractRef: Type.Union([Type.String(), Type.Null()]),
    tierMinQty: Type.Union([Type.Integer(), Type.Null()], { description: 'For a volume price: the tier it comes from' }),
    tiers: Type.Array(Type.Object({ minQty: Type.Integer(), unitPrice: Money }, { additionalProperties: false }), { description: 'Unit price by quantity, from 1' }),
    quantityRules: Type.Union([
      Type.Object(
        { min: Type.Union([Type.Integer(), Type.Null()]), max: Type.Union([Type.Integer(), Type.Null()]), increment: Type.Union([Type.Integer(), Type.Null()]) },
        { additionalProperties: false },
      ),
      Type.Null(),
    ]),
  },
  { additionalProperties: false },
);

export const ProductCard = Type.Object(
  {
    id: Id,
    slug: Type.String(),
    name: Type.String(),
    brand: Ref,
    category: Ref,
    imageUrl: Type.Union([Type.String(), Type.Null()]),
    variantCount: Type.Integer(),
    skus: Type.Array(Type.String(), { description: 'The first few SKUs' }),
    inStock: Type.Boolean(),
    price: Type.Union([BuyerPrice, Type.Null()], { description: "The lowest of the product's variant prices for the caller; null when none is priced" }),
    priceVaries: Type.Boolean({ description: 'True when variants or quantities differ in price (show "from …")' }),
  },
  { additionalProperties: false },
);

const FacetCount = Type.Object({ id: Id, name: Type.String(), count: Type.Integer() }, { additionalProperties: false });

export const ProductSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200, description: 'Words, a SKU prefix, or a misspelt name' })),
    category: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Category id or slug; subcategories included' })),
    brand: Type.Optional(Type.String({ minLength: 1, maxLength: 200, description: 'Brand id or slug' })),
    attr: Type.Optional(Type.Array(Type.String({ minLength: 3, maxLength: 200, pattern: '^[^:=]+:.+$' }), { maxItems: 20, description: 'name:value, repeatable' })),
    sort: Type.Optional(Type.Union([Type.Literal('relevance'), Type.Literal('name')], { default: 'relevance' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 96, default: 48 })),
    cursor: Type.Optional(Type.String({ maxLength: 400 })),
  },
  { additionalProperties: false },
);

export const ProductSearchResult = Type.Object(
  {
    items: Type.Array(ProductCard),
    facets: Type.Object(
      {
        categories: Type.Array(FacetCount),
        brands: Type.Array(FacetCount),
        attributes: Type.Array(
          Type.Object(
            { name: Type.String(), values: Type.Array(Type.Object({ value: Type.String(), count: Type.Integer() }, { additionalProperties: false })) },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false },
    ),
    total: Type.Integer(),
    nextCursor: Type.Union([Type.String(), Type.Null()]),
  },
  { additionalProperties: false },
);

export interface CategoryNodeShape {
  id: string;
  name: string;
  slug: string;
  parentId: string | null;
  productCount: number;
  children: CategoryNodeShape[];
}

/**
 * The recursive tree node, registered once with `app.addSchema` and referenced by `$id`, which both
 * the serialiser and the OpenAPI document follow.
 */
export const CategoryNode = Type.Object(
  {
    id: Id,
    name: Type.String(),
    slug: Type.String(),
    parentId: Type.Union([Id, Type.Null()]),
    productCount: Type.Integer({ description: 'Active products here and in every subcategory' }),
    children: Type.Array(Type.Ref('StoreCategoryNode')),
  },
  { $id: 'StoreCategoryNode', additionalProperties: false },
);

export const StoreProduct = Type.Object(
  {
    id: Id,
    slug: Type.String(),
    name: Type.String(),
    description: Type.String(),
    brand: Ref,
    category: Ref,
    categoryPath: Type.Array(Type.Object({ id: Id, name: Type.String(), slug: Type.String() }, { additionalProperties: false })),
    images: Type.Array(Type.String()),
    attributes: Type.Record(Type.String(), Type.String()),
    variants: Type.Array(
      Type.Object(
        {
          id: Id,
          sku: Type.String(),
          gtin: Type.Union([Type.String(), Type.Null()]),
          name: Type.String(),
          uom: Type.String(),
          packSize: Type.Integer(),
          weightGrams: Type.Union([Type.Integer(), Type.Null()]),
          attributes: Type.Record(Type.String(), Type.String()),
          status: Type.String(),
          available: Type.Integer({ description: 'On hand minus reserved, summed over warehouses' }),
          price: Type.Union([BuyerPrice, Type.Null()], { description: "The caller's price; null when none is priced" }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const IdOrSlugParams = Type.Object({ idOrSlug: Type.String({ minLength: 1, maxLength: 200 }) }, { additionalProperties: false });
