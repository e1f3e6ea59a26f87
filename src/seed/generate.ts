import { generateAccounts } from './generate-accounts.ts';
import { generateCatalog } from './generate-catalog.ts';
import { generatePricing, type PricingSize } from './generate-pricing.ts';
import { createRng } from './prng.ts';
import type { SeedDataset, SeedScale } from './types.ts';

/** The named data-set sizes: `small` for the demo and tests, `large` for benchmarks. */
export const SCALES = {
  small: { products: 2_000, variants: 6_000, companies: 150, salesReps: 6 },
  large: { products: 33_334, variants: 100_000, companies: 10_000, salesReps: 40 },
} as const satisfies Record<string, SeedScale>;

/**
 * Pricing sizes per scale. `large` is the benchmark book: 1,000 lists, 2,000,000 prices of which
 * 300,000 are contract prices, 500 groups (200 rule-based).
 */
export const PRICING_SCALES = {
  small: { groups: 12, ruleGroups: 6, lists: 40, entries: 50_000, tieredShare: 0.25, contracts: 600 },
  large: { groups: 500, ruleGroups: 200, lists: 1_000, entries: 1_700_000, tieredShare: 0.25, contracts: 300_000 },
} as const satisfies Record<ScaleName, PricingSize>;
export type ScaleName = keyof typeof SCALES;

export const DEFAULT_SEED = 'precis-demo';

/** Generates the whole demo data set; pure: the same seed and scale always give the same data. */
export function generateDataset(scale: ScaleName | SeedScale, seed: string = DEFAULT_SEED, pricingSize?: PricingSize): SeedDataset {
  const size = typeof scale === 'string' ? SCALES[scale] : scale;
  const pricing = pricingSize ?? (typeof scale === 'string' ? PRICING_SCALES[scale] : PRICING_SCALES.small);
  const rng = createRng(seed);
  const catalog = generateCatalog(rng.fork('catalog'), size.products, size.variants);
  const accounts = generateAccounts(rng.fork('accounts'), size.companies, size.salesReps);
  return { seed, ...catalog, ...accounts, ...generatePricing(rng.fork('pricing'), pricing, catalog, accounts.companies) };
}
