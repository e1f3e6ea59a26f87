import { sql } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import type { Db } from '../../db/client.ts';
import type { FacetRow } from './domain/facets.ts';

/**
 * Recent storefront answers kept in process memory: whole listing responses (a repeated popular
 * listing costs no query at all) and the facets of a match set (paging through a listing then
 * costs one page query instead of aggregating thousands of rows again).
 *
 * Both are dropped by every catalog write: at once in the writing process, and in every other
 * process through `NOTIFY precis_catalog`, sent after the write commits and heard by
 * `listenForCatalogWrites` (the catalog routes subscribe on start). A listing read that started
 * before an invalidation is not stored, so a write cannot be undone by a slow read finishing
 * after it. TTLs bound staleness should a notification ever be missed.
 */
export const CATALOG_CHANNEL = 'precis_catalog';

/** A Map used as an LRU: insertion order doubles as recency (least recent first). */
class LruTtl<V> {
  private readonly entries = new Map<string, { at: number; value: V }>();
  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get(key: string, now: number): V | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    this.entries.delete(key);
    if (now - hit.at > this.ttlMs) return undefined;
    this.entries.set(key, hit);
    return hit.value;
  }

  set(key: string, value: V, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { at: now, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  clear(): void {
    this.entries.clear();
  }
}

const facets = new LruTtl<FacetRow[]>(500, 30_000);
const listings = new LruTtl<unknown>(2_000, 60_000);
let enabled = true;
/** Bumped by every invalidation; a listing computed across a bump is not stored. */
let generation = 0;

/** `CATALOG_CACHE=off` turns both caches off (benchmarks of the uncached path). */
export function setCatalogCacheEnabled(on: boolean): void {
  enabled = on;
  invalidateSearchCache();
}

// Several apps (tests) may share this process, each on its own database: keys carry the database.
const dbIds = new WeakMap<object, number>();
let nextDbId = 1;
function dbScope(db: Db): number {
  let id = dbIds.get(db);
  if (id === undefined) dbIds.set(db, (id = nextDbId++));
  return id;
}

export function cachedFacets(key: string, now = Date.now()): FacetRow[] | undefined {
  return enabled ? facets.get(key, now) : undefined;
}

export function storeFacets(key: string, rows: FacetRow[], now = Date.now()): void {
  if (enabled) facets.set(key, rows, now);
}

/**
 * A listing answer from the cache, or computed by `load` and stored. `key` must name everything
 * the answer depends on besides the database; `null` means "not cacheable".
 */
export async function cachedListing<T>(db: Db, key: string | null, load: () => Promise<T>): Promise<T> {
  if (!enabled || key === null) return load();
  const fullKey = `${dbScope(db)}|${key}`;
  const hit = listings.get(fullKey, Date.now()) as T | undefined;
  if (hit !== undefined) return hit;
  const startedAt = generation;
  const value = await load();
  if (generation === startedAt) listings.set(fullKey, value, Date.now());
  return value;
}

/** Drops every cached listing and facet set in this process. */
export function invalidateSearchCache(): void {
  generation++;
  facets.clear();
  listings.clear();
}

/**
 * Awaits a catalog write, then drops the caches here and tells other processes to drop theirs
 * (also when it failed: a partial bulk write may have landed). `ctx` must be outside the write's
 * transaction so the notification goes out after the commit.
 */
export async function afterWrite<T>(ctx: Pick<Ctx, 'db' | 'log'>, write: Promise<T>): Promise<T> {
  try {
    return await write;
  } finally {
    invalidateSearchCache();
    try {
      await ctx.db.execute(sql`select pg_notify(${CATALOG_CHANNEL}, '')`);
    } catch (err) {
      // Other processes still expire their entries by TTL; the write itself succeeded or failed on its own.
      ctx.log.warn({ err }, 'catalog cache notification failed');
    }
  }
}

/** Subscribes this process's caches to catalog writes made by any process; returns the unsubscribe. */
export async function listenForCatalogWrites(listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>): Promise<() => Promise<void>> {
  return listen(CATALOG_CHANNEL, () => invalidateSearchCache());
}
