/** The catalog module's public face: the only file other modules import. */
export { catalogRoutes } from './catalog.routes.ts';
export { brands, categories, inventory, products, variants, warehouses } from './catalog.tables.ts';
export type { ProductStatus, VariantStatus } from './catalog.tables.ts';
export { searchProducts, storeProduct, categoryTree, SEARCH_PAGE_SIZE } from './catalog-store.service.ts';
export type { ProductSearchInput, ProductSearchResult, ProductCard, SearchOptions, StoreProduct } from './catalog-store.service.ts';
export { importProductsCsv, importInventoryCsv } from './csv-import.service.ts';
export type { CsvInput, ImportOptions, ImportResult, ImportError } from './csv-import.service.ts';
export { exportProductsCsv, exportInventoryCsv } from './csv-export.service.ts';
export { setInventoryLevels } from './inventory.service.ts';
export type { LevelInput, LevelsResult } from './inventory.service.ts';
export { getProduct, productsForSync } from './catalog-admin.service.ts';
export type { AdminProduct, AdminVariant } from './catalog-admin.service.ts';
export { OPEN_STOREFRONT } from './storefront-hooks.ts';
export type { BuyerPrice, MoneyShape, StorefrontHooks } from './storefront-hooks.ts';
export { variantFacts } from './variant-facts.ts';
export type { VariantFactsRow } from './variant-facts.ts';
export { CATALOG_CHANNEL } from './search-cache.ts';
