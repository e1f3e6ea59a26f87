import type { Db } from '../../db/client.ts';
import { authChanged, authEpoch } from '../../lib/auth-epoch.ts';
import type { ResolvedBuyerSession, ResolvedStaffSession } from './auth.repo.ts';

/** The notification channel database triggers use for auth-relevant writes (migration 0017). */
export const AUTH_CHANNEL = 'precis_auth';

// A notification lost with a dropped LISTEN connection must not keep someone signed in for long.
const TTL_MS = 10_000;
const MAX_ENTRIES = 20_000;

interface Entry<T> {
  readonly value: T;
  readonly epoch: number;
  readonly cachedAt: number;
  readonly expiresAt: number;
}

/**
 * Resolved sessions by token hash, for the process. Every request with a cookie resolves its
 * session; on a personalised listing that query was a fifth of the work. Entries are dropped by
 * the auth epoch (local writes, other processes' notifications), by a short TTL and by the
 * session's own expiry. A lookup that overlapped a bump is not stored, so a read that saw the old
 * state cannot outlive the change.
 */
export class SessionCache<T extends { expiresAt: Date }> {
  private readonly entries = new Map<string, Entry<T>>();

  async resolve(key: string, now: Date, load: () => Promise<T | null>): Promise<T | null> {
    const wall = Date.now();
    const hit = this.entries.get(key);
    if (hit && hit.epoch === authEpoch() && wall - hit.cachedAt < TTL_MS && hit.expiresAt > now.getTime()) return hit.value;
    if (hit) this.entries.delete(key);
    const startedAt = authEpoch();
    const value = await load();
    if (value && startedAt === authEpoch()) {
      if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { value, epoch: startedAt, cachedAt: wall, expiresAt: value.expiresAt.getTime() });
    }
    return value;
  }
}

// Several apps (tests) may share this process, each on its own database.
interface Caches {
  readonly buyer: SessionCache<ResolvedBuyerSession>;
  readonly staff: SessionCache<ResolvedStaffSession>;
}
const caches = new WeakMap<Db, Caches>();
const listening = new WeakSet<Db>();

/** The caches for `db`; without a LISTEN subscription (`listenForAuthChanges`) nothing is cached. */
export function sessionCachesFor(db: Db): Caches | null {
  if (!listening.has(db)) return null;
  let found = caches.get(db);
  if (!found) caches.set(db, (found = { buyer: new SessionCache<ResolvedBuyerSession>(), staff: new SessionCache<ResolvedStaffSession>() }));
  return found;
}

/** Subscribes to auth-relevant writes made by any process; returns the unsubscribe. */
export async function listenForAuthChanges(
  db: Db,
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>,
): Promise<() => Promise<void>> {
  const off = await listen(AUTH_CHANNEL, () => authChanged());
  listening.add(db);
  return async () => {
    listening.delete(db);
    caches.delete(db);
    await off();
  };
}
