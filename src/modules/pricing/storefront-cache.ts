import type { Db } from '../../db/client.ts';
import { TwoGenerationMap } from '../../lib/two-generation-map.ts';
import type { ContractPrice, PriceEntry, PriceListTarget, VariantFacts } from './domain/types.ts';
import type { PriceIndex, PriceListHeader } from './domain/price-index.ts';

/**
 * Storefront price data kept in process memory, so that a warm personalised listing runs no
 * query for prices at all: each buyer company's context (currency, ancestors, groups), every list header with its targets, every list's entry for a variant (by
 * variant: shared by all companies, whichever lists reach them) and a company's contract prices.
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
 * Prices as the storefront displays them, per subject (`company|strategy`) and then per variant.
 * Two levels, not one `subject|strategy|variant` key: a listing looks up ~150 variants for one
 * subject, and building and hashing a long concatenated key for each was a visible share of a warm
 * request. Bounded by entries, not subjects, with the same two-generation scheme: a subject's whole
 * memo moves to the young generation when it is used again.
 */
export class DisplayedPrices {
  private young = new Map<string, Map<string, unknown>>();
  private old = new Map<string, Map<string, unknown>>();
  private youngEntries = 0;
  constructor(private readonly perGeneration: number) {}

  /** The memo of one subject: variant id → its displayed price (null: nothing prices it). */
  of(subject: string): Map<string, unknown> {
    const hit = this.young.get(subject);
    if (hit !== undefined) return hit;
    const memo = this.old.get(subject) ?? new Map<string, unknown>();
    this.old.delete(subject);
    this.young.set(subject, memo);
    this.count(memo.size);
    return memo;
  }

  /** Stores one price in a subject's memo (from `of`). */
  set(memo: Map<string, unknown>, variantId: string, price: unknown): void {
    memo.set(variantId, price);
    this.count(1);
  }

  private count(n: number): void {
    this.youngEntries += n;
    if (this.youngEntries >= this.perGeneration) {
      this.old = this.young;
      this.young = new Map();
      this.youngEntries = 0;
    }
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
    this.youngEntries = 0;
  }
}

/** An index built for some variants, reusable for any subset of them until `until` (epoch ms). */
export interface BuiltInputs {
  readonly variantIds: ReadonlySet<string>;
  /** The next moment a list becomes valid: the lists chosen at build time may change then. */
  readonly until: number;
  readonly index: PriceIndex;
  readonly facts: ReadonlyMap<string, VariantFacts>;
}

/** Tables whose writes change a company's pricing context, not prices (0010_pricing_subjects_notify.sql). */
const SUBJECT_TABLES: ReadonlySet<string> = new Set(['companies', 'customer_group_members']);

/** A buyer company's pricing context (the loader's `Subject` for a company). */
export interface SubjectShape {
  readonly kind: 'company';
  readonly companyId: string;
  /** Nearest first. */
  readonly ancestors: readonly string[];
  readonly groupIds: readonly string[];
  readonly currency: string;
}

/** Every price list (no entries) with its targets, and how lists reach companies. */
export interface Headers {
  readonly lists: ReadonlyMap<string, PriceListHeader>;
  /** `company|id`, `group|id`, `channel|code` → the lists targeting it. */
  readonly byTarget: ReadonlyMap<string, readonly { listId: string; includeDescendants: boolean }[]>;
  /** Base lists and lists for everyone: they reach every company. */
  readonly universal: readonly string[];
}

export class PriceCache {
  /** Bumped by every invalidation; loads begun under an older generation are not stored. */
  generation = 0;
  private bornAt = Date.now();
  headers: Promise<Headers> | null = null;
  /** Variant id → list id → that list's own entry (an empty map: no list prices it). */
  readonly entries = new TwoGenerationMap<ReadonlyMap<string, PriceEntry>>(20_000);
  /** Company id → variant id → its contract prices (every one the company has). */
  readonly contracts = new TwoGenerationMap<ReadonlyMap<string, readonly ContractPrice[]>>(5_000);
  /**
   * Buyer companies' pricing context (currency, ancestors, groups), by company id; dropped by
   * writes to companies or group memberships (`invalidateSubjects`).
   */
  readonly subjects = new TwoGenerationMap<SubjectShape>(20_000);
  subjectGeneration = 0;
  /** Variant facts for derived lists' scopes; dropped by catalog writes (`invalidateFacts`). */
  readonly facts = new TwoGenerationMap<VariantFacts>(50_000);
  factsGeneration = 0;
  /**
   * Prices as the storefront displays them, per subject and variant: a warm listing or product
   * page costs map lookups. Derived from everything above, so every invalidation drops it;
   * display only — carts price afresh through the engine.
   */
  readonly displayed = new DisplayedPrices(150_000);
  /**
   * The engine's inputs last built for a subject and strategy (`storefront-loader.ts`
   * `pricingInputs`): a cart re-priced on every change asks for the same variants again and again,
   * and rebuilding their index was most of a 500-line re-validation's pricing time. Derived from
   * everything above, so every invalidation drops it.
   */
  readonly built = new TwoGenerationMap<BuiltInputs>(500);

  /** A number that changes whenever anything `displayed` depends on may have changed. */
  get displayGeneration(): string {
    return `${this.generation}.${this.subjectGeneration}.${this.factsGeneration}`;
  }

  /** Drops everything (a pricing write committed somewhere). */
  invalidate(): void {
    this.generation++;
    this.bornAt = Date.now();
    this.headers = null;
    this.entries.clear();
    this.contracts.clear();
    this.displayed.clear();
    this.built.clear();
  }

  /** Drops the companies' contexts (a company moved or changed currency, or group memberships changed). */
  invalidateSubjects(): void {
    this.subjectGeneration++;
    this.subjects.clear();
    this.displayed.clear();
    this.built.clear();
  }

  /** Drops the variant facts (a catalog write: categories, brands or tags may have moved). */
  invalidateFacts(): void {
    this.factsGeneration++;
    this.facts.clear();
    this.displayed.clear();
    this.built.clear();
  }

  /** Invalidates first when the contents are older than the TTL. */
  fresh(now = Date.now()): this {
    if (now - this.bornAt > TTL_MS) {
      this.invalidate();
      this.invalidateSubjects();
      this.invalidateFacts();
    }
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
 * Subscribes the cache of `db` to pricing writes made by any process, and its variant facts to
 * catalog writes (`catalogChannel`); writes to companies and group memberships drop only the companies' contexts; returns the unsubscribe. Call once per application (the
 * storefront pricing routes do).
 */
export async function listenForPricingWrites(
  db: Db,
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>,
  catalogChannel: string,
): Promise<() => Promise<void>> {
  // The payload names the table written (see the trigger function of migration 0010).
  const offPricing = await listen(PRICING_CHANNEL, (table) => {
    if (SUBJECT_TABLES.has(table)) priceCacheFor(db).invalidateSubjects();
    else priceCacheFor(db).invalidate();
  });
  const offCatalog = await listen(catalogChannel, () => priceCacheFor(db).invalidateFacts());
  return async () => {
    await offPricing();
    await offCatalog();
  };
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
