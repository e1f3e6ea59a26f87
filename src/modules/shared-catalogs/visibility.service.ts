import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import type { SearchOptions } from '../catalog/index.ts';
import type { CatalogRules } from './domain/types.ts';
import { compileVisibility, type VisibilityPredicate } from './domain/visibility.ts';
import { cachedReach, type Reaching } from './reach-cache.ts';
import { buyableVariantIds, reachingCatalogVersions, reachingCatalogVersionsJson, rulesOf } from './shared-catalogs.repo.ts';
import { visibilitySql } from './visibility-sql.ts';

/**
 * Per-request visibility: the active catalogs reaching the caller with their versions — from the
 * reach cache (reach-cache.ts, dropped on catalog, company and membership writes) or one small
 * query — then their rules from an in-process cache keyed by (id, version). Every catalog change
 * bumps its version in the transaction of the change, so rules can never be served stale.
 */

export interface ResolvedVisibility {
  /** The active catalogs reaching the caller, by id. */
  readonly catalogIds: readonly string[];
  readonly predicate: VisibilityPredicate;
  /** The predicate as SQL over products `p`; null = every active product. */
  readonly sql: SQL | null;
  /** Names exactly what `sql` selects: `id@version` of each reaching catalog. */
  readonly key: string;
}

const MAX_CACHED = 5_000;
const rulesCache = new Map<string, { version: number; rules: CatalogRules }>();

async function rulesFor(ctx: Ctx, reaching: readonly { id: string; version: number }[]): Promise<CatalogRules[]> {
  const missing = reaching.filter((c) => rulesCache.get(c.id)?.version !== c.version).map((c) => c.id);
  const loaded = new Map<string, { version: number; rules: CatalogRules }>();
  if (missing.length) {
    if (rulesCache.size + missing.length > MAX_CACHED) rulesCache.clear();
    for (const l of await rulesOf(ctx.db, missing)) {
      loaded.set(l.id, l);
      // Stored under the version read with the rules: a concurrent change can only make it newer.
      rulesCache.set(l.id, { version: l.version, rules: l.rules });
    }
  }
  // A catalog deleted between the two reads has no rules to load: it no longer reaches anyone.
  return reaching.flatMap((c) => {
    const hit = loaded.get(c.id) ?? rulesCache.get(c.id);
    return hit ? [hit.rules] : [];
  });
}

/** The visibility of a company (or, with `null`, of a caller without one: the public catalog). */
export async function resolveVisibility(ctx: Ctx, companyId: string | null): Promise<ResolvedVisibility> {
  return visibilityOf(ctx, await cachedReach(ctx.db, companyId, () => reachingCatalogVersions(ctx.db, companyId)));
}

async function visibilityOf(ctx: Ctx, reaching: Reaching): Promise<ResolvedVisibility> {
  const predicate = compileVisibility(await rulesFor(ctx, reaching));
  return {
    catalogIds: reaching.map((c) => c.id),
    predicate,
    sql: visibilitySql(predicate),
    key: reaching.map((c) => `${c.id}@${c.version}`).join(','),
  };
}

/**
 * The condition "the company may buy this variant", as SQL over variants `v` joined to products
 * `p`: both active and the product visible through the company's catalogs — what
 * `invisibleVariantIds` checks, for a query that already joins the variants (a cart's lines) to
 * ask in the same statement instead of a second one.
 */
export async function buyableCondition(ctx: Ctx, companyId: string | null): Promise<SQL> {
  return buyableSql(await resolveVisibility(ctx, companyId));
}

const buyableSql = (v: ResolvedVisibility): SQL => sql`(v.status = 'active' and p.status = 'active' and ${v.sql ?? sql`true`})`;

/**
 * `buyableCondition` for a statement that confirms it: built from the catalogs last seen reaching
 * the company in this process (read once when none were seen), with `reach`, SQL answering the
 * catalogs reaching it now (json) for the same statement to read. `confirm` takes that answer:
 * null when the condition was built from exactly those catalogs and versions (it was right for the
 * statement's snapshot), else the condition for what was read — the caller then reads again with
 * it. The guess is never trusted alone, so a transaction gets what a fresh read would give it in
 * one round trip instead of two.
 */
export interface BuyableProbe {
  readonly condition: SQL;
  readonly reach: SQL;
  confirm(reached: unknown): Promise<SQL | null>;
}

const MAX_SEEN = 20_000;
const lastSeenReach = new Map<string, Reaching>();

function remember(key: string, reaching: Reaching): void {
  if (lastSeenReach.size >= MAX_SEEN) lastSeenReach.clear();
  lastSeenReach.set(key, reaching);
}

const sameReach = (a: Reaching, b: Reaching) => a.length === b.length && a.every((c, i) => c.id === b[i]!.id && c.version === b[i]!.version);

export async function buyableProbe(ctx: Ctx, companyId: string | null): Promise<BuyableProbe> {
  const key = companyId ?? '*';
  let guess = lastSeenReach.get(key);
  if (!guess) remember(key, (guess = await reachingCatalogVersions(ctx.db, companyId)));
  const assumed = guess;
  const condition = buyableSql(await visibilityOf(ctx, assumed));
  return {
    condition,
    reach: reachingCatalogVersionsJson(companyId),
    async confirm(reached) {
      const now = (reached ?? []) as Reaching;
      if (sameReach(assumed, now)) return null;
      remember(key, now);
      return buyableSql(await visibilityOf(ctx, now));
    },
  };
}

/** The company whose catalog a caller sees: a buyer's; nobody's for anonymous visitors, staff and API keys. */
function companyOf(ctx: Ctx): string | null {
  return ctx.actor.kind === 'buyer' ? ctx.actor.companyId : null;
}

/**
 * The storefront's visibility hook (`StorefrontHooks.visibility`): the caller's catalogs as a SQL
 * predicate over products `p` with a key naming it for the listing caches; `{}` when the caller
 * sees every active product (no catalog reaches it, or one of them selects everything).
 */
export async function storefrontVisibility(ctx: Ctx): Promise<SearchOptions> {
  const v = await resolveVisibility(ctx, companyOf(ctx));
  return v.sql ? { visibility: v.sql, visibilityKey: `ctl:${v.key}` } : {};
}

/**
 * The variants a company may not buy: unknown ids, inactive variants, variants of products that are
 * not active, and those the company's catalogs hide. `companyId = null` checks the public catalog.
 * Carts, quick order, reorder and the cart preview refuse these lines.
 */
export async function invisibleVariantIds(ctx: Ctx, companyId: string | null, variantIds: readonly string[]): Promise<Set<string>> {
  const unique = [...new Set(variantIds)];
  if (!unique.length) return new Set();
  const v = await resolveVisibility(ctx, companyId);
  const buyable = new Set(await buyableVariantIds(ctx.db, unique, v.sql));
  return new Set(unique.filter((id) => !buyable.has(id)));
}
