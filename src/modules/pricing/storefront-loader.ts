import { sql } from 'drizzle-orm';
import { anyText } from '../../db/sql-arrays.ts';
import type { Ctx } from '../../http/context.ts';
import { getCompanyRecord } from '../accounts/index.ts';
import { variantFacts } from '../catalog/index.ts';
import { groupsOfCompany } from '../segments/index.ts';
import type { ContractPrice, PriceEntry, PriceList, PriceTier, PricingContext, PricingStrategy, VariantFacts } from './domain/types.ts';
import type { PriceListHeader } from './domain/price-index.ts';
import { buildPriceIndex, type PriceIndex } from './domain/price-index.ts';
import { MAX_DERIVATION_DEPTH } from './domain/entries.ts';
import { contractPrices, priceListEntries, priceLists, priceListTargets } from './pricing.tables.ts';
import { listOf } from './pricing.repo.ts';
import { priceCacheFor, targetKey, type Headers, type PriceCache, type SubjectShape } from './storefront-cache.ts';

/** Who the storefront prices for: a buyer's company, or the public (anonymous visitors, staff, API keys). */
export type Subject = SubjectShape | { readonly kind: 'public' };

/** Everything the engine needs to price some variants for one subject. */
export interface PricingInputs {
  readonly index: PriceIndex;
  /** Null when nothing can price for this subject (no base list for the public). */
  readonly context: PricingContext | null;
  readonly facts: ReadonlyMap<string, VariantFacts>;
}

async function rows<T>(ctx: Ctx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

const PUBLIC: Subject = { kind: 'public' };

/**
 * The caller's pricing subject: for a buyer the company's currency, ancestors and groups — from
 * the process cache, else two small queries (company record, group memberships).
 */
export async function subjectOf(ctx: Ctx): Promise<Subject> {
  if (ctx.actor.kind !== 'buyer') return PUBLIC;
  const companyId = ctx.actor.companyId;
  const cache = cacheOf(ctx);
  const hit = cache?.subjects.get(companyId);
  if (hit !== undefined) return hit;
  const gen = cache?.subjectGeneration;
  const [company, groupIds] = await Promise.all([getCompanyRecord(ctx, companyId), groupsOfCompany(ctx, companyId)]);
  if (!company) return PUBLIC;
  const subject: SubjectShape = { kind: 'company', companyId, ancestors: company.path.slice(0, -1).reverse(), groupIds, currency: company.currency };
  if (cache !== null && cache.subjectGeneration === gen) cache.subjects.set(companyId, subject);
  return subject;
}

/**
 * The process cache, or null inside a transaction (it may see writes other requests must not),
 * unless the transaction says it writes no pricing data (`ctx.cacheDb`).
 */
export function cacheOf(ctx: Ctx): PriceCache | null {
  if ((ctx as { inTransaction?: boolean }).inTransaction !== true) return priceCacheFor(ctx.db).fresh();
  return ctx.cacheDb ? priceCacheFor(ctx.cacheDb).fresh() : null;
}

async function loadHeaders(ctx: Ctx): Promise<Headers> {
  const [listRows, targetRows] = await Promise.all([ctx.db.select().from(priceLists), ctx.db.select().from(priceListTargets)]);
  const targetsBy = new Map<string, (typeof targetRows)[number][]>();
  for (const t of targetRows) targetsBy.set(t.listId, [...(targetsBy.get(t.listId) ?? []), t]);
  const lists = new Map<string, PriceListHeader>();
  const byTarget = new Map<string, { listId: string; includeDescendants: boolean }[]>();
  const universal: string[] = [];
  for (const l of listRows) {
    const { entries: _none, ...header } = listOf(l, targetsBy.get(l.id) ?? [], []);
    lists.set(l.id, header);
    if (header.kind === 'base') { universal.push(l.id); continue; }
    for (const t of header.targets) {
      const key = targetKey(t);
      if (key === null) { universal.push(l.id); continue; }
      const arr = byTarget.get(key) ?? [];
      arr.push({ listId: l.id, includeDescendants: t.type === 'company' && t.includeDescendants });
      byTarget.set(key, arr);
    }
  }
  return { lists, byTarget, universal: [...new Set(universal)] };
}

/** Every list header (cached until the next pricing write; concurrent callers share one load). */
async function headersOf(ctx: Ctx, cache: PriceCache | null): Promise<Headers> {
  if (cache === null) return loadHeaders(ctx);
  if (cache.headers === null) {
    // An invalidation while this loads sets `headers` back to null: the next caller reloads.
    const loading = loadHeaders(ctx);
    cache.headers = loading;
    loading.catch(() => {
      if (cache.headers === loading) cache.headers = null;
    });
  }
  return cache.headers;
}

/** Whether a list can price for the context at all: active, in its window, in the currency. */
function usable(l: PriceListHeader, currency: string, t: number): boolean {
  return l.currency === currency && l.status === 'active' && (l.validFrom == null || t >= l.validFrom.getTime()) && (l.validTo == null || t < l.validTo.getTime());
}

/**
 * The lists that can price for the subject in `currency` at `at` — reaching it as the loader's SQL
 * (pricing.repo loadForCompany) picks them: base lists, lists for everyone, its groups, itself,
 * ancestors' lists passed down; the public gets the base lists only — plus, recursively, the lists
 * derived lists are based on (a source of numbers: any status or window, same currency). Lists
 * that cannot win (drafts, out of window, other currencies) are left out: the storefront shows
 * prices, not the trace, which the staff endpoint gives in full.
 */
export function reachingLists(h: Headers, s: Subject, currency: string, at: Date): string[] {
  const t = at.getTime();
  const out = new Set<string>();
  const offer = (id: string) => {
    const l = h.lists.get(id);
    if (l !== undefined && usable(l, currency, t)) out.add(id);
  };
  if (s.kind === 'public') {
    for (const [id, l] of h.lists) if (l.kind === 'base') offer(id);
    return [...out];
  }
  for (const id of h.universal) offer(id);
  for (const tg of h.byTarget.get(`company|${s.companyId}`) ?? []) offer(tg.listId);
  for (const a of s.ancestors) for (const tg of h.byTarget.get(`company|${a}`) ?? []) if (tg.includeDescendants) offer(tg.listId);
  for (const g of s.groupIds) for (const tg of h.byTarget.get(`group|${g}`) ?? []) offer(tg.listId);
  for (const id of [...out]) {
    let l = h.lists.get(id);
    for (let depth = 0; l?.derived != null && depth < MAX_DERIVATION_DEPTH; depth++) {
      const base = h.lists.get(l.derived.baseListId);
      if (base === undefined || base.currency !== currency) break;
      out.add(base.id);
      l = base;
    }
  }
  return [...out];
}

/** The public's currency: that of the usable base list with the highest priority (then id). */
export function publicCurrency(h: Headers, at: Date): string | null {
  const t = at.getTime();
  let best: PriceListHeader | null = null;
  for (const l of h.lists.values()) {
    if (l.kind !== 'base' || !usable(l, l.currency, t)) continue;
    if (best === null || l.priority > best.priority || (l.priority === best.priority && l.id < best.id)) best = l;
  }
  return best?.currency ?? null;
}

interface EntryRow { listId: string; variantId: string; unitPrice: number | string; tiers: PriceTier[]; qtyMin: number | null; qtyMax: number | null; qtyIncrement: number | null }

const entryOf = (r: EntryRow): PriceEntry => {
  const rules = { ...(r.qtyMin !== null ? { min: r.qtyMin } : {}), ...(r.qtyMax !== null ? { max: r.qtyMax } : {}), ...(r.qtyIncrement !== null ? { increment: r.qtyIncrement } : {}) };
  return { variantId: r.variantId, unitPrice: Number(r.unitPrice), tiers: r.tiers, ...(Object.keys(rules).length > 0 ? { qtyRules: rules } : {}) };
};

const NO_ENTRIES: ReadonlyMap<string, PriceEntry> = new Map();

/** Every list's own entry for each variant (list id → entry); one query for the variants the cache lacks. */
async function entriesOf(ctx: Ctx, cache: PriceCache | null, variantIds: readonly string[]): Promise<Map<string, ReadonlyMap<string, PriceEntry>>> {
  const out = new Map<string, ReadonlyMap<string, PriceEntry>>();
  const missing: string[] = [];
  for (const v of variantIds) {
    const hit = cache?.entries.get(v);
    if (hit === undefined) missing.push(v);
    else out.set(v, hit);
  }
  if (missing.length === 0) return out;
  const gen = cache?.generation;
  const found = await rows<EntryRow>(ctx, sql`
    select ${priceListEntries.listId} as "listId", ${priceListEntries.variantId} as "variantId", ${priceListEntries.unitPrice}::float8 as "unitPrice",
           ${priceListEntries.tiers} as tiers, ${priceListEntries.qtyMin} as "qtyMin", ${priceListEntries.qtyMax} as "qtyMax", ${priceListEntries.qtyIncrement} as "qtyIncrement"
      from ${priceListEntries}
     where ${anyText(priceListEntries.variantId, missing)}`);
  const byVariant = new Map<string, Map<string, PriceEntry>>();
  for (const r of found) {
    let m = byVariant.get(r.variantId);
    if (m === undefined) byVariant.set(r.variantId, (m = new Map()));
    m.set(r.listId, entryOf(r));
  }
  const store = cache !== null && cache.generation === gen;
  for (const v of missing) {
    const m = byVariant.get(v) ?? NO_ENTRIES;
    if (store) cache.entries.set(v, m);
    out.set(v, m);
  }
  return out;
}

interface ContractRow { variantId: string; currency: string; unitPrice: number | string; tiers: PriceTier[]; reference: string; validTo: string | Date }

/** All the company's contract prices by variant (cached per company; one query on a miss). */
async function contractsOf(ctx: Ctx, cache: PriceCache | null, companyId: string): Promise<ReadonlyMap<string, readonly ContractPrice[]>> {
  const hit = cache?.contracts.get(companyId);
  if (hit !== undefined) return hit;
  const gen = cache?.generation;
  const found = await rows<ContractRow>(ctx, sql`
    select ${contractPrices.variantId} as "variantId", ${contractPrices.currency} as currency, ${contractPrices.unitPrice}::float8 as "unitPrice",
           ${contractPrices.tiers} as tiers, ${contractPrices.reference} as reference, ${contractPrices.validTo} as "validTo"
      from ${contractPrices} where ${contractPrices.companyId} = ${companyId}`);
  const byVariant = new Map<string, ContractPrice[]>();
  for (const r of found) {
    const c: ContractPrice = { companyId, variantId: r.variantId, currency: r.currency, unitPrice: Number(r.unitPrice), tiers: r.tiers, reference: r.reference, validTo: new Date(r.validTo) };
    const arr = byVariant.get(r.variantId);
    if (arr === undefined) byVariant.set(r.variantId, [c]);
    else arr.push(c);
  }
  if (cache !== null && cache.generation === gen) cache.contracts.set(companyId, byVariant);
  return byVariant;
}

/** Variant facts (categories with ancestors, brand, tags) for derived lists' scopes; cached until a catalog write. */
async function factsOf(ctx: Ctx, cache: PriceCache | null, variantIds: readonly string[]): Promise<VariantFacts[]> {
  const out: VariantFacts[] = [];
  const missing: string[] = [];
  for (const v of variantIds) {
    const hit = cache?.facts.get(v);
    if (hit === undefined) missing.push(v);
    else out.push(hit);
  }
  if (missing.length === 0) return out;
  const gen = cache?.factsGeneration;
  const store = () => cache !== null && cache.factsGeneration === gen;
  for (const f of await variantFacts(ctx, { ids: missing })) {
    const facts: VariantFacts = { variantId: f.variantId, categoryIds: f.categoryIds, brandId: f.brandId, tags: f.tags };
    if (store()) cache!.facts.set(f.variantId, facts);
    out.push(facts);
  }
  return out;
}

const noFacts = (variantId: string): VariantFacts => ({ variantId, categoryIds: [], brandId: null, tags: [] });

/**
 * Loads (mostly from the process cache) what prices `variantIds` for the subject and builds the
 * engine's index and context. Inside a transaction the cache is bypassed: the transaction may
 * see writes other requests must not.
 */
export async function pricingInputs(ctx: Ctx, subject: Subject, variantIds: readonly string[], strategy: PricingStrategy): Promise<PricingInputs> {
  const cache = cacheOf(ctx);
  // Read before anything is loaded: an index built across an invalidation must not be kept.
  const generation = cache?.displayGeneration;
  const headers = await headersOf(ctx, cache);
  const at = ctx.clock.now();
  const currency = subject.kind === 'company' ? subject.currency : publicCurrency(headers, at);
  const context: PricingContext | null = currency === null ? null
    : subject.kind === 'company'
      ? { companyId: subject.companyId, ancestors: subject.ancestors, groupIds: subject.groupIds, channel: null, currency, at, strategy }
      : { companyId: '', ancestors: [], groupIds: [], channel: null, currency, at, strategy };
  const ids = [...new Set(variantIds)];
  // The same subject asking again for variants it was built for (a cart re-validated on each
  // change): reuse that index with a fresh context. Validity windows are checked against the
  // context's time by the engine; only a list becoming valid changes which lists are indexed.
  const builtKey = `${subject.kind === 'company' ? subject.companyId : 'public'}|${strategy}|${currency ?? ''}`;
  const built = context === null ? undefined : cache?.built.get(builtKey);
  if (built !== undefined && at.getTime() < built.until && ids.every((id) => built.variantIds.has(id))) {
    return { index: built.index, context, facts: built.facts };
  }
  const inputs = await buildInputs(ctx, cache, headers, subject, context, ids);
  // Up to a bounded size, keep what was built — unless a pricing, company or catalog write was
  // heard while it loaded (it may hold what that write replaced), or the subject it was built for
  // is not the one the cache now holds (loaded before a membership change).
  const current = cache !== null && cache.displayGeneration === generation && (subject.kind === 'public' || cache.subjects.get(subject.companyId) === subject);
  if (current && context !== null && ids.length <= MAX_BUILT_VARIANTS) {
    cache.built.set(builtKey, { variantIds: new Set(ids), until: nextValidFrom(headers, at), index: inputs.index, facts: inputs.facts });
  }
  return inputs;
}

/** Above this many variants an index is not kept for reuse (memory). */
const MAX_BUILT_VARIANTS = 2_000;

/** The earliest moment after `at` at which some price list becomes valid (Infinity: none). */
function nextValidFrom(headers: Headers, at: Date): number {
  const t = at.getTime();
  let next = Number.POSITIVE_INFINITY;
  for (const l of headers.lists.values()) {
    const from = l.validFrom?.getTime();
    if (from !== undefined && from > t && from < next) next = from;
  }
  return next;
}

async function buildInputs(ctx: Ctx, cache: PriceCache | null, headers: Headers, subject: Subject, context: PricingContext | null, ids: readonly string[]): Promise<PricingInputs> {
  const currency = context?.currency ?? null;
  const at = context?.at ?? ctx.clock.now();
  const listIds = currency === null ? [] : reachingLists(headers, subject, currency, at);
  const needsFacts = listIds.some((id) => {
    const scope = headers.lists.get(id)?.derived?.scope;
    return scope !== undefined && ((scope.categoryIds?.length ?? 0) > 0 || (scope.brandIds?.length ?? 0) > 0 || (scope.tags?.length ?? 0) > 0);
  });
  const none = ids.length === 0 || context === null;
  const [entries, contractMap, factRows] = await Promise.all([
    none ? new Map<string, ReadonlyMap<string, PriceEntry>>() : entriesOf(ctx, cache, ids),
    none || subject.kind !== 'company' ? Promise.resolve(new Map<string, readonly ContractPrice[]>()) : contractsOf(ctx, cache, subject.companyId),
    none || !needsFacts ? Promise.resolve([]) : factsOf(ctx, cache, ids),
  ]);
  const lists: PriceList[] = listIds.map((id) => {
    const own: PriceEntry[] = [];
    for (const v of ids) {
      const e = entries.get(v)?.get(id);
      if (e !== undefined) own.push(e);
    }
    return { ...headers.lists.get(id)!, entries: own };
  });
  const contracts: ContractPrice[] = [];
  for (const v of ids) for (const c of contractMap.get(v) ?? []) contracts.push(c);
  const facts = new Map(ids.map((id) => [id, noFacts(id)]));
  for (const f of factRows) facts.set(f.variantId, f);
  return { index: buildPriceIndex(lists, contracts), context, facts };
}
