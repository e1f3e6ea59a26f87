import { generateAccounts } from './generate-accounts.ts';
import { generateCatalog } from './generate-catalog.ts';
import { createRng } from './prng.ts';
import type { SeedDataset, SeedScale } from './types.ts';

/** The named data-set sizes: `small` for the demo and tests, `large` for benchmarks. */
export const SCALES = {
  small: { products: 2_000, variants: 6_000, companies: 150, salesReps: 6 },
  large: { products: 33_334, variants: 100_000, companies: 10_000, salesReps: 40 },
} as const satisfies Record<string, SeedScale>;
export type ScaleName = keyof typeof SCALES;

export const DEFAULT_SEED = 'precis-demo';

/** Generates the whole demo data set; pure: the same seed and scale always give the same data. */
export function generateDataset(scale: ScaleName | SeedScale, seed: string = DEFAULT_SEED): SeedDataset {
  const size = typeof scale === 'string' ? SCALES[scale] : scale;
  const rng = createRng(seed);
  const catalog = generateCatalog(rng.fork('catalog'), size.products, size.variants);
  const accounts = generateAccounts(rng.fork('accounts'), size.companies, size.salesReps);
  return { seed, ...catalog, ...accounts };
}
