import type { Database } from '../db/client.ts';
import { hashPassword } from '../modules/accounts/index.ts';
import { DEMO_PASSWORD } from './demo.ts';
import { DEFAULT_SEED, generateDataset, SCALES, type ScaleName } from './generate.ts';
import { clearSeededTables, hasData, loadDataset, type LoadProgress, type LoadSummary } from './load.ts';

export { DEMO_PASSWORD, demoSignIns, type DemoSignIn } from './demo.ts';
export { SCALES, DEFAULT_SEED, generateDataset, type ScaleName } from './generate.ts';
export { hasData, type LoadProgress, type LoadSummary } from './load.ts';

export interface SeedOptions {
  scale: ScaleName;
  seed?: string;
  /** Empty the seeded tables first (and everything that references them). */
  force?: boolean;
  onProgress?: LoadProgress;
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
  const [data, passwordHash] = await Promise.all([Promise.resolve().then(() => generateDataset(SCALES[opts.scale], opts.seed ?? DEFAULT_SEED)), hashPassword(DEMO_PASSWORD)]);
  const generateMs = Date.now() - t0;
  const summary = await loadDataset(database, data, { passwordHash, ...(opts.onProgress ? { onProgress: opts.onProgress } : {}) });
  return { ...summary, generateMs };
}
