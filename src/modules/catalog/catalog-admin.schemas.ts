import { Type } from 'typebox';
import { SLUG_PATTERN } from './domain/slug.ts';

/** TypeBox schemas of the staff (admin) and integration catalog endpoints. */

const Obj = <T extends Parameters<typeof Type.Object>[0]>(props: T) => Type.Object(props, { additionalProperties: false });
// Null first: with coerceTypes, a string-first union would turn a JSON null into "".
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([Type.Null(), t]);

export const IdParams = Obj({ id: Type.String({ minLength: 1, maxLength: 64 }) });
export const VariantParams = Obj({ id: Type.String({ minLength: 1, maxLength: 64 }), variantId: Type.String({ minLength: 1, maxLength: 64 }) });

const Slug = Type.String({ minLength: 1, maxLength: 120, pattern: SLUG_PATTERN, description: 'lower-case letters, digits and single hyphens' });
const Name = Type.String({ minLength: 1, maxLength: 300 });
export const Sku = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9][A-Za-z0-9._/-]*$', description: 'Letters, digits, . _ / -; unique ignoring case' });
const Gtin = Type.String({ pattern: '^[0-9]{8,14}$', description: 'GTIN-8/12/13/14 barcode' });
/** Attribute names may not hold `=` or `:` (they delimit filters and stored terms). */
export const Attributes = Type.Record(Type.String({ pattern: '^[^=:;]{1,64}$' }), Type.String({ maxLength: 200 }), {
  maxProperties: 50,
  additionalProperties: false,
  description: 'name → value',
});
const Images = Type.Array(Type.String({ maxLength: 2000, pattern: '^https?://[^\\s|]+$' }), { maxItems: 20 });
const Tags = Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50 });
const ProductStatus = Type.Union([Type.Literal('draft'), Type.Literal('active'), Type.Literal('archived')]);
const VariantStatus = Type.Union([Type.Literal('active'), Type.Literal('inactive')]);
const Timestamp = Type.String({ format: 'date-time' });

const variantFields = {
  gtin: Type.Optional(Nullable(Gtin)),
  name: Type.Optional(Type.String({ maxLength: 300 })),
  uom: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'Unit of measure, e.g. each, box, m' })),
  packSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000 })),
  weightGrams: Type.Optional(Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000 }))),
  attributes: Type.Optional(Attributes),
  taxClass: Type.Optional(Type.String({ minLength: 1, maxLength: 40 })),
  status: Type.Optional(VariantStatus),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
};
export const VariantCreate = Obj({ sku: Sku, ...variantFields });
export const VariantPatch = Obj({ sku: Type.Optional(Sku), ...variantFields });

const productFields = {
  description: Type.Optional(Type.String({ maxLength: 20_000 })),
  brandId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  categoryId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  status: Type.Optional(ProductStatus),
  attributes: Type.Optional(Attributes),
  images: Type.Optional(Images),
  tags: Type.Optional(Tags),
};
export const ProductCreate = Obj({
  slug: Type.Optional(Slug),
  name: Name,
  ...productFields,
  variants: Type.Optional(Type.Array(VariantCreate, { maxItems: 200 })),
});
export const ProductPatch = Obj({ slug: Type.Optional(Slug), name: Type.Optional(Name), ...productFields });

export const AdminVariant = Obj({
  id: Type.String(),
  productId: Type.String(),
  sku: Type.String(),
  gtin: Nullable(Type.String()),
  name: Type.String(),
  uom: Type.String(),
  packSize: Type.Integer(),
  weightGrams: Nullable(Type.Integer()),
  attributes: Type.Record(Type.String(), Type.String()),
  taxClass: Type.String(),
  status: VariantStatus,
  position: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});

export const AdminProduct = Obj({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  description: Type.String(),
  brandId: Nullable(Type.String()),
  categoryId: Nullable(Type.String()),
  status: ProductStatus,
  attributes: Type.Record(Type.String(), Type.String()),
  images: Type.Array(Type.String()),
  tags: Type.Array(Type.String()),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  variants: Type.Array(AdminVariant),
});

export const ProductSummary = Obj({
  id: Type.String(),
  slug: Type.String(),
  name: Type.String(),
  status: ProductStatus,
  brandId: Nullable(Type.String()),
  categoryId: Nullable(Type.String()),
  variantCount: Type.Integer(),
  updatedAt: Timestamp,
});

const Limit = (max: number, dflt: number) => Type.Optional(Type.Integer({ minimum: 1, maximum: max, default: dflt }));
const Cursor = Type.Optional(Type.String({ maxLength: 400 }));

export const ProductListQuery = Obj({
  q: Type.Optional(Type.String({ maxLength: 200, description: 'Name fragment or SKU prefix' })),
  status: Type.Optional(ProductStatus),
  categoryId: Type.Optional(Type.String({ maxLength: 64 })),
  brandId: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Limit(200, 50),
  cursor: Cursor,
});

export const SyncQuery = Obj({
  updatedSince: Type.Optional(Type.String({ format: 'date-time', maxLength: 40 })),
  limit: Limit(200, 50),
  cursor: Cursor,
});

export const CategoryCreate = Obj({
  name: Type.String({ minLength: 1, maxLength: 200 }),
  slug: Type.Optional(Slug),
  parentId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
});
export const CategoryPatch = Obj({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  slug: Type.Optional(Slug),
  parentId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  position: Type.Optional(Type.Integer({ minimum: 0, maximum: 100_000 })),
});
export const AdminCategory = Obj({
  id: Type.String(),
  parentId: Nullable(Type.String()),
  name: Type.String(),
  slug: Type.String(),
  position: Type.Integer(),
  depth: Type.Integer(),
  productCount: Type.Integer({ description: 'Products directly in this category, any status' }),
  childCount: Type.Integer(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export const CategoryListQuery = Obj({
  parentId: Type.Optional(Type.String({ maxLength: 64, description: "A category id, or 'root' for the top level" })),
  limit: Limit(1000, 200),
  cursor: Cursor,
});

export const BrandCreate = Obj({ name: Type.String({ minLength: 1, maxLength: 200 }), slug: Type.Optional(Slug) });
export const BrandPatch = Obj({ name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), slug: Type.Optional(Slug) });
export const AdminBrand = Obj({ id: Type.String(), name: Type.String(), slug: Type.String(), productCount: Type.Integer(), createdAt: Timestamp, updatedAt: Timestamp });
export const BrandListQuery = Obj({ q: Type.Optional(Type.String({ maxLength: 200 })), limit: Limit(200, 50), cursor: Cursor });

const WarehouseCode = Type.String({ pattern: '^[A-Za-z0-9_-]{1,32}$' });
const Country = Type.String({ pattern: '^[A-Z]{2}$', description: 'ISO 3166-1 alpha-2' });
export const WarehouseCreate = Obj({ code: WarehouseCode, name: Type.String({ minLength: 1, maxLength: 200 }), country: Country });
export const WarehousePatch = Obj({ code: Type.Optional(WarehouseCode), name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })), country: Type.Optional(Country) });
export const AdminWarehouse = Obj({ id: Type.String(), code: Type.String(), name: Type.String(), country: Type.String(), createdAt: Timestamp, updatedAt: Timestamp });
export const WarehouseListQuery = Obj({ limit: Limit(200, 50), cursor: Cursor });

export const InventoryListQuery = Obj({
  sku: Type.Optional(Type.String({ maxLength: 64, description: 'SKU prefix' })),
  productId: Type.Optional(Type.String({ maxLength: 64 })),
  warehouseId: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Limit(500, 50),
  cursor: Cursor,
});
export const InventoryLevel = Obj({
  variantId: Type.String(),
  sku: Type.String(),
  productId: Type.String(),
  warehouseId: Type.String(),
  warehouseCode: Type.String(),
  onHand: Type.Integer(),
  reserved: Type.Integer(),
  available: Type.Integer({ description: 'onHand − reserved' }),
  backorder: Type.Boolean(),
  updatedAt: Timestamp,
});
export const InventoryPut = Obj({
  items: Type.Array(
    Obj({
      sku: Sku,
      warehouseCode: WarehouseCode,
      onHand: Type.Integer({ minimum: 0, maximum: 1_000_000_000 }),
      backorder: Type.Optional(Type.Boolean()),
    }),
    { minItems: 1, maxItems: 1000 },
  ),
});
export const ItemErrors = Type.Array(Obj({ index: Type.Integer(), field: Type.String(), message: Type.String() }));
export const InventoryPutResult = Obj({ created: Type.Integer(), updated: Type.Integer(), failed: Type.Integer(), errors: ItemErrors });

export const ImportResult = Obj({
  created: Type.Integer(),
  updated: Type.Integer(),
  failed: Type.Integer(),
  errors: Type.Array(Obj({ row: Type.Integer({ description: 'CSV line number (header = 1)' }), field: Type.String(), message: Type.String() })),
});
