import { sql, type SQL } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import type { SearchOptions } from '../catalog/index.ts';
import type { CatalogRules } from './domain/types.ts';
import { compileVisibility, evaluatePredicate, type VisibilityPredicate } from './domain/visibility.ts';
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

/** What the company's right to buy one variant depends on, as `buyableFactsSql` reads it. */
export interface BuyableFacts {
  /** The variant and its product are both active. */
  readonly active: boolean;
  readonly productId: string;
  readonly brandId: string | null;
  readonly tags: readonly string[];
  /** The product category's materialised path (`cat_a/cat_b/`: the category and its ancestors); null without one. */
  readonly categoryPath: string | null;
}

/**
 * Columns over variants `v` joined to products `p` holding a variant's `BuyableFacts`. A statement
 * that reads them with `reachSql` (the catalogs reaching the company, in the same snapshot) lets
 * `buyableJudge` decide buyability in the process: the statement's text is then the same for every
 * company — prepared and planned once per connection — where `buyableCondition` carries the
 * company's rules in its text and is planned again on each execution.
 */
export const buyableFactsSql: SQL = sql`(v.status = 'active' and p.status = 'active') as active, p.id as "productId", p.brand_id as "brandId",
  p.tags, (select c.path from categories c where c.id = p.category_id) as "categoryPath"`;

/** The catalogs reaching a company (`null`: the public catalog) as one json value, for a statement reading `buyableFactsSql`. */
export const reachSql = (companyId: string | null): SQL => reachingCatalogVersionsJson(companyId);

/**
 * Buyability as `buyableCondition` decides it, from facts and the reach `reachSql` read in the same
 * statement (so both are of one snapshot). The catalogs' rules come from the process cache by
 * (id, version), read once when a version is new. `evaluatePredicate` is the reference the SQL
 * rendering is tested against, so both ways agree.
 */
export async function buyableJudge(ctx: Ctx, reached: unknown): Promise<(f: BuyableFacts) => boolean> {
  const predicate = compileVisibility(await rulesFor(ctx, (reached ?? []) as Reaching));
  return (f) =>
    f.active &&
    evaluatePredicate(predicate, { id: f.productId, status: 'active', brandId: f.brandId, tags: f.tags ?? [], categoryIds: f.categoryPath ? f.categoryPath.split('/').filter(Boolean) : [] });
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
