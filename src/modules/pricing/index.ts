import type { FastifyInstance } from 'fastify';
import { pricingAdminRoutes, type PricingDeps } from './pricing.routes.ts';
import { entriesAdminRoutes } from './entries-admin.routes.ts';
/** Public face of the pricing module: the pure resolution engine and its types. */
export type * from './domain/types.ts';
export { SPECIFICITY } from './domain/types.ts';
export { buildPriceIndex, contextCandidates } from './domain/price-index.ts';
export type { PriceIndex, IndexedList, ContextCandidates, ListCandidate, PriceListHeader } from './domain/price-index.ts';
export type { EntryStore } from './domain/entry-store.ts';
export { resolvePrice, resolveWithCandidates } from './domain/resolve.ts';
export type { ResolveInput } from './domain/resolve.ts';
export { priceCart } from './domain/cart.ts';
export type { CartLineInput, PricedCart } from './domain/cart.ts';
export { validateQuantityRules, checkQuantity } from './domain/quantity-rules.ts';
export type { RuleProblem } from './domain/quantity-rules.ts';
export { validatePriceList, validateDerivations, validateContractPrice } from './domain/validate.ts';
export { adjustPrice, divHalfEven } from './domain/rounding.ts';
export { formatAmount } from './domain/format.ts';
export { contractPrices, priceListEntries, priceLists, priceListTargets } from './pricing.tables.ts';
export { priceForCompany, resolveForStaff } from './pricing.service.ts';
export type { PricingRequest } from './pricing.service.ts';

/** All pricing routes; register after auth. */
export async function pricingRoutes(app: FastifyInstance, deps: PricingDeps): Promise<void> {
  await app.register(async (scope) => pricingAdminRoutes(scope, deps));
  await app.register(entriesAdminRoutes);
}
export { exportEntriesCsv, importEntriesCsv } from './entries-csv.service.ts';
export type { EntriesImportResult, EntriesImportOptions } from './entries-csv.service.ts';
export { loadForCompany } from './pricing.repo.ts';
export type { LoadScope, Loaded } from './pricing.repo.ts';
export { storefrontPrices, storePricer, buyerPrice, minimumQuantity, StorePricer } from './storefront-prices.ts';
export type { StoreResolution } from './storefront-prices.ts';
export { previewCart } from './storefront-cart.service.ts';
export type { CartPreviewView } from './storefront-cart.service.ts';
export { storefrontPricingRoutes, type StorefrontPricingDeps } from './storefront-cart.routes.ts';
/** The channel pricing writes notify, and the process price cache of a database handle (for tools and tests that must drop it at once). */
export { PRICING_CHANNEL, priceCacheFor } from './storefront-cache.ts';
