import type { Database } from '../db/client.ts';
import { hashPassword, systemCtx } from '../modules/accounts/index.ts';
import { reevaluateAll, refreshMetrics } from '../modules/segments/index.ts';
import type { PricingSize } from './generate-pricing.ts';
import { DEMO_PASSWORD } from './demo.ts';
import { seedCheckoutSettings } from './demo-checkout-settings.ts';
import { seedDemoCarts } from './demo-carts.ts';
import { seedDemoGroupTerms } from './demo-group-terms.ts';
import { seedDemoShipments } from './demo-shipments.ts';
import { seedDemoOrders } from './demo-orders.ts';
import { seedDemoReturns } from './demo-returns.ts';
import { DEFAULT_SEED, generateDataset, type ScaleName } from './generate.ts';
import { clearSeededTables, hasData, loadDataset, type LoadProgress, type LoadSummary } from './load.ts';
import { generateOrderHistory, loadDemoSpendGroup, loadOrderHistory, ORDER_HISTORY_SCALES } from './order-history.ts';

export { DEMO_PASSWORD, demoSignIns, type DemoSignIn } from './demo.ts';
export { SCALES, PRICING_SCALES, DEFAULT_SEED, generateDataset, type ScaleName } from './generate.ts';
export type { PricingSize } from './generate-pricing.ts';
export { hasData, type LoadProgress, type LoadSummary } from './load.ts';

export interface SeedOptions {
  scale: ScaleName;
  seed?: string;
  /** Empty the seeded tables first (and everything that references them). */
  force?: boolean;
  onProgress?: LoadProgress;
  /** Pricing sizes other than the scale's (benchmarks of other shapes). */
  pricing?: PricingSize;
}

export interface SeedResult extends LoadSummary {
  readonly generateMs: number;
}

/** Thrown when the database already has data and `force` was not given. */
export class DatabaseNotEmptyError extends Error {}

/**
 * Generates the demo data set for `scale` and loads it. Every generated user's password is the
 * demo password, hashed once here and shared.
 */
export async function seedDatabase(database: Database, opts: SeedOptions): Promise<SeedResult> {
  if (await hasData(database)) {
    if (!opts.force) throw new DatabaseNotEmptyError('The database already has data; use --force to replace it');
    await clearSeededTables(database);
  }
  const t0 = Date.now();
  const [data, passwordHash] = await Promise.all([Promise.resolve().then(() => generateDataset(opts.scale, opts.seed ?? DEFAULT_SEED, opts.pricing)), hashPassword(DEMO_PASSWORD)]);
  const generateMs = Date.now() - t0;
  const summary = await loadDataset(database, data, { passwordHash, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  // Tax rates, shipping methods, and payment terms + a credit account for every company.
  const checkout = await seedCheckoutSettings(database, data.companies, opts.seed ?? DEFAULT_SEED);
  // Purchase history dated back from today, so spend windows (spend_90d…) find recent buyers; then
  // every company's metrics, which spend rules read.
  opts.onProgress?.({ stage: 'order history', done: 0, total: 0 });
  const orders = generateOrderHistory(data, ORDER_HISTORY_SCALES[opts.scale], opts.seed ?? DEFAULT_SEED);
  const orderCount = await loadOrderHistory(database, orders, new Date());
  await refreshMetrics(systemCtx(database.db));
  await loadDemoSpendGroup(database, opts.seed ?? DEFAULT_SEED);
  // Rule groups get their members the way the running system gives them: by evaluating the rules.
  opts.onProgress?.({ stage: 'group membership', done: 0, total: 0 });
  await reevaluateAll(systemCtx(database.db));
  await seedDemoCarts(database); // carts and lists of the named demo buyers (after membership: visibility reads groups)
  await seedDemoOrders(database); // the named buyers' order history, placed through the real checkout
  await seedDemoShipments(database); // after the demo orders: ships, delivers and tracks the oldest few
  await seedDemoReturns(database); // after shipments: one open return request on a delivered order
  await seedDemoGroupTerms(database); // payment terms on the demo's key-account and construction groups
  return { ...summary, rows: { ...summary.rows, 'order history': orderCount, 'credit accounts': checkout.creditAccounts }, generateMs };
}
