import type { Db } from '../../db/client.ts';
import type { ContractPrice, PriceEntry, PriceListTarget } from './domain/types.ts';
import type { PriceListHeader } from './domain/price-index.ts';

/**
 * Storefront price data kept in process memory, so that a warm personalised listing reads no
 * pricing table at all: every list header with its targets, list entries by (list, variant) and a
 * company's contract prices by variant — absent ones too, so a miss is not asked again.
 *
 * Every write to a pricing table sends `NOTIFY precis_pricing` inside its own transaction (a
 * trigger, migration 0010), so every process drops this cache within moments of the commit
 * (`listenForPricingWrites`; with PGlite the notification is in-process). A load that started
 * before an invalidation is not stored, so a slow read cannot bring back what a write replaced.
 * A TTL bounds staleness should a notification ever be lost (a dropped LISTEN connection).
 */
export const PRICING_CHANNEL = 'precis_pricing';

const TTL_MS = 60_000;

/**
 * A bounded map that forgets the least recently used half at a time: hits in the old generation
 * move to the young one; when the young one is full it becomes the old one. No per-hit reordering.
 */
export class TwoGenerationMap<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  constructor(private readonly perGeneration: number) {}

  get(key: string): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) this.set(key, aged);
    return aged;
  }

  set(key: string, value: V): void {
    this.young.set(key, value);
    if (this.young.size >= this.perGeneration) {
      this.old = this.young;
      this.young = new Map();
    }
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}

/** Every price list (no entries) with its targets, and how lists reach companies. */
export interface Headers {
  readonly lists: ReadonlyMap<string, PriceListHeader>;
  /** `company|id`, `group|id`, `channel|code` → the lists targeting it. */
  readonly byTarget: ReadonlyMap<string, readonly { listId: string; includeDescendants: boolean }[]>;
  /** Base lists and lists for everyone: they reach every company. */
  readonly universal: readonly string[];
}

/** `null` in the entry map = known not to be priced by that list. */
export type CachedEntry = PriceEntry | null;

export class PriceCache {
  /** Bumped by every invalidation; loads begun under an older generation are not stored. */
  generation = 0;
  private bornAt = Date.now();
  headers: Promise<Headers> | null = null;
  readonly entries = new TwoGenerationMap<CachedEntry>(250_000);
  readonly contracts = new TwoGenerationMap<readonly ContractPrice[]>(100_000);

  /** Drops everything (a pricing write committed somewhere). */
  invalidate(): void {
    this.generation++;
    this.bornAt = Date.now();
    this.headers = null;
    this.entries.clear();
    this.contracts.clear();
  }

  /** Invalidates first when the contents are older than the TTL. */
  fresh(now = Date.now()): this {
    if (now - this.bornAt > TTL_MS) this.invalidate();
    return this;
  }
}

// One cache per database handle: several apps (tests) may share a process, each on its own database.
const caches = new WeakMap<Db, PriceCache>();

/** The cache of a database handle (created on first use). */
export function priceCacheFor(db: Db): PriceCache {
  let c = caches.get(db);
  if (c === undefined) caches.set(db, (c = new PriceCache()));
  return c;
}

/**
 * Subscribes the cache of `db` to pricing writes made by any process; returns the unsubscribe.
 * Call once per application (the pricing routes do).
 */
export async function listenForPricingWrites(
  db: Db,
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>,
): Promise<() => Promise<void>> {
  return listen(PRICING_CHANNEL, () => priceCacheFor(db).invalidate());
}

/** The target key used in {@link Headers.byTarget}. */
export function targetKey(t: PriceListTarget): string | null {
  switch (t.type) {
    case 'company': return `company|${t.companyId}`;
    case 'group': return `group|${t.groupId}`;
    case 'channel': return `channel|${t.channel}`;
    default: return null;
  }
}
