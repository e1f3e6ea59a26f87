import type { Ctx } from '../../http/context.ts';
import type { SearchOptions } from './catalog-store.service.ts';

/** Integer minor units of an ISO 4217 currency. */
export interface MoneyShape {
  amount: number;
  currency: string;
}

/**
 * What the caller pays for one variant, as the storefront shows it (see `BuyerPrice` in
 * catalog-store.schemas.ts): the unit price at the variant's minimum order quantity, the base
 * list price and the saving against it, what kind of price it is, the tier table and the rules.
 */
export interface BuyerPrice {
  unitPrice: MoneyShape;
  /** The quantity this unit price is for: the minimum order quantity, else 1. */
  quantity: number;
  basePrice: MoneyShape | null;
  saving: { amount: MoneyShape; percent: number } | null;
  kind: 'contract' | 'volume' | 'list' | 'base';
  /** "Your contract price (ref C-17)", "Volume price from 100", "Your price", "List price". */
  label: string;
  contractRef: string | null;
  /** For `volume`: the tier's minimum quantity. */
  tierMinQty: number | null;
  tiers: { minQty: number; unitPrice: MoneyShape }[];
  quantityRules: { min: number | null; max: number | null; increment: number | null } | null;
}

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
  prices(ctx: Ctx, variantIds: readonly string[]): Promise<ReadonlyMap<string, BuyerPrice>>;
}

/** Everything visible, nothing priced: the catalog on its own (tests of the catalog module alone). */
export const OPEN_STOREFRONT: StorefrontHooks = {
  visibility: async () => ({}),
  prices: async () => new Map(),
};
