/** The catalog module's public face: the only file other modules import. */
export { catalogRoutes } from './catalog.routes.ts';
export { brands, categories, inventory, products, variants, warehouses } from './catalog.tables.ts';
export type { ProductStatus, VariantStatus } from './catalog.tables.ts';
export { searchProducts, storeProduct, categoryTree, SEARCH_PAGE_SIZE } from './catalog-store.service.ts';
export type { ProductSearchInput, ProductSearchResult, ProductCard, SearchOptions, StoreProduct } from './catalog-store.service.ts';
