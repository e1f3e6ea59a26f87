import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { Ctx } from '../../http/context.ts';

/**
 * Which active catalogs (id@version) reach each company, kept in process memory so that a warm
 * storefront request resolves visibility with no query at all. Dropped, in every process:
 * - on shared-catalog writes: at once in the writing process (`afterCatalogWrite`), elsewhere by
 *   `NOTIFY precis_visibility`, sent after the commit;
 * - on writes to `companies` (moves) and `customer_group_members` (membership): the statement-level
 *   triggers of migration 0010_pricing_subjects_notify.sql send `NOTIFY precis_pricing` with the
 *   table's name inside the writing transaction (delivered on commit), whoever writes.
 * A read that overlapped an invalidation is not stored; a TTL bounds staleness should a
 * notification ever be lost (or a catalog table be written by hand, which notifies nobody). The
 * cache exists only for databases this process listens on (`listenForVisibilityChanges`), so
 * scripts and tests without a listener always read fresh.
 */
export const VISIBILITY_CHANNEL = 'precis_visibility';
const SUBJECT_CHANNEL = 'precis_pricing';
const SUBJECT_TABLES: ReadonlySet<string> = new Set(['companies', 'customer_group_members']);
const TTL_MS = 30_000;
const MAX_ENTRIES = 20_000;

export type Reaching = readonly { readonly id: string; readonly version: number }[];

class ReachCache {
  listeners = 0;
  generation = 0;
  private readonly entries = new Map<string, { at: number; reaching: Reaching }>();

  get(key: string, now: number): Reaching | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (now - hit.at > TTL_MS) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.reaching;
  }

  set(key: string, reaching: Reaching, now: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(key, { at: now, reaching });
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }
}

const caches = new WeakMap<Db, ReachCache>();

/**
 * The reaching catalogs of a company (`null`: callers without one) from the cache, or loaded by
 * `load` and stored when no invalidation happened meanwhile.
 */
export async function cachedReach(db: Db, companyId: string | null, load: () => Promise<Reaching>): Promise<Reaching> {
  const cache = caches.get(db);
  if (!cache || cache.listeners === 0) return load();
  const key = companyId ?? '*';
  const hit = cache.get(key, Date.now());
  if (hit) return hit;
  const startedAt = cache.generation;
  const reaching = await load();
  if (cache.generation === startedAt) cache.set(key, reaching, Date.now());
  return reaching;
}

/**
 * Call after a shared-catalog write has committed (`ctx` outside its transaction): drops this
 * process's cache at once and tells the others.
 */
export async function afterCatalogWrite(ctx: Pick<Ctx, 'db' | 'log'>): Promise<void> {
  caches.get(ctx.db)?.clear();
  try {
    await ctx.db.execute(sql`select pg_notify(${VISIBILITY_CHANNEL}, '')`);
  } catch (err) {
    // Other processes still expire their entries by TTL; the write itself has committed.
    ctx.log.warn({ err }, 'visibility cache notification failed');
  }
}

/**
 * Subscribes this process's reach cache for `db` to catalog, company and membership writes made
 * by any process; returns the unsubscribe. Without a subscription nothing is cached.
 */
export async function listenForVisibilityChanges(
  db: Db,
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>,
): Promise<() => Promise<void>> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ReachCache()));
  const c = cache;
  const offCatalogs = await listen(VISIBILITY_CHANNEL, () => c.clear());
  const offSubjects = await listen(SUBJECT_CHANNEL, (table) => {
    if (SUBJECT_TABLES.has(table)) c.clear();
  });
  c.listeners++;
  c.clear();
  return async () => {
    c.listeners--;
    c.clear();
    await offCatalogs();
    await offSubjects();
  };
}
