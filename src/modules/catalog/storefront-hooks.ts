import type { Ctx } from '../../http/context.ts';
import type { SearchOptions } from './catalog-store.service.ts';

/**
 * What the storefront's catalog routes ask of other modules, injected at the composition root
 * (src/http/routes.ts) because those modules depend on the catalog, not the other way round:
 * - `visibility`: what the caller may see (the shared catalogs that reach its company) as a SQL
 *   predicate over products alias `p` plus a key naming it for the listing caches; `{}` = every
 *   active product (the public catalog).
 * - `prices`: the caller's prices for some variants (pricing module); variants missing from the map
 *   show no price.
 */
export interface StorefrontHooks {
  visibility(ctx: Ctx): Promise<SearchOptions>;
  prices(ctx: Ctx, variantIds: readonly string[]): Promise<ReadonlyMap<string, unknown>>;
}

/** Everything visible, nothing priced: the catalog on its own (tests of the catalog module alone). */
export const OPEN_STOREFRONT: StorefrontHooks = {
  visibility: async () => ({}),
  prices: async () => new Map(),
};
