import { sql } from 'drizzle-orm';
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
import { priceCacheFor, targetKey, type Headers, type PriceCache } from './storefront-cache.ts';

/** Who the storefront prices for: a buyer's company, or the public (anonymous visitors, staff, API keys). */
export type Subject =
  | { readonly kind: 'company'; readonly companyId: string; readonly ancestors: readonly string[]; readonly groupIds: readonly string[]; readonly currency: string }
  | { readonly kind: 'public' };

/** Everything the engine needs to price some variants for one subject. */
export interface PricingInputs {
  readonly index: PriceIndex;
  /** Null when nothing can price for this subject (no base list for the public). */
  readonly context: PricingContext | null;
  readonly facts: ReadonlyMap<string, VariantFacts>;
}

/** `{"a","b"}`: one text parameter for a whole list, encoded the same by both drivers. */
function textArray(values: Iterable<string>): string {
  return `{${[...values].map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

async function rows<T>(ctx: Ctx, query: ReturnType<typeof sql>): Promise<T[]> {
  return ((await ctx.db.execute(query)) as unknown as { rows: T[] }).rows;
}

/** The caller's pricing subject: two small queries for a buyer (company record, group memberships). */
export async function subjectOf(ctx: Ctx): Promise<Subject> {
  if (ctx.actor.kind !== 'buyer') return { kind: 'public' };
  const companyId = ctx.actor.companyId;
  const [company, groupIds] = await Promise.all([getCompanyRecord(ctx, companyId), groupsOfCompany(ctx, companyId)]);
  if (!company) return { kind: 'public' };
  return { kind: 'company', companyId, ancestors: company.path.slice(0, -1).reverse(), groupIds, currency: company.currency };
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

/**
 * The lists that can reach the subject — as the loader's SQL (pricing.repo loadForCompany) picks
 * them: base lists, lists for everyone, its groups, itself, ancestors' lists passed down — plus,
 * recursively, the lists derived lists are based on. The public gets the base lists only.
 */
export function reachingLists(h: Headers, s: Subject): string[] {
  const out = new Set<string>();
  if (s.kind === 'public') {
    for (const [id, l] of h.lists) if (l.kind === 'base') out.add(id);
    return [...out];
  }
  for (const id of h.universal) out.add(id);
  for (const t of h.byTarget.get(`company|${s.companyId}`) ?? []) out.add(t.listId);
  for (const a of s.ancestors) for (const t of h.byTarget.get(`company|${a}`) ?? []) if (t.includeDescendants) out.add(t.listId);
  for (const g of s.groupIds) for (const t of h.byTarget.get(`group|${g}`) ?? []) out.add(t.listId);
  for (const id of [...out]) {
    let l = h.lists.get(id);
    for (let depth = 0; l?.derived != null && depth < MAX_DERIVATION_DEPTH; depth++) {
      out.add(l.derived.baseListId);
      l = h.lists.get(l.derived.baseListId);
    }
  }
  return [...out].filter((id) => h.lists.has(id));
}

interface EntryRow { listId: string; variantId: string; unitPrice: number | string; tiers: PriceTier[]; qtyMin: number | null; qtyMax: number | null; qtyIncrement: number | null }

const entryOf = (r: EntryRow): PriceEntry => {
  const rules = { ...(r.qtyMin !== null ? { min: r.qtyMin } : {}), ...(r.qtyMax !== null ? { max: r.qtyMax } : {}), ...(r.qtyIncrement !== null ? { increment: r.qtyIncrement } : {}) };
  return { variantId: r.variantId, unitPrice: Number(r.unitPrice), tiers: r.tiers, ...(Object.keys(rules).length > 0 ? { qtyRules: rules } : {}) };
};

const pairKey = (a: string, b: string): string => `${a}\u0001${b}`;

/** Entries of `listIds` for `variantIds` by list; one query for whatever the cache lacks. */
async function entriesOf(ctx: Ctx, cache: PriceCache | null, listIds: readonly string[], variantIds: readonly string[]): Promise<Map<string, PriceEntry[]>> {
  const out = new Map<string, PriceEntry[]>(listIds.map((l) => [l, []]));
  const missing = new Set<string>();
  const missLists = new Set<string>();
  const missVariants = new Set<string>();
  for (const l of listIds) {
    const into = out.get(l)!;
    for (const v of variantIds) {
      const key = pairKey(l, v);
      const hit = cache?.entries.get(key);
      if (hit === undefined) { missing.add(key); missLists.add(l); missVariants.add(v); } else if (hit !== null) into.push(hit);
    }
  }
  if (missing.size === 0) return out;
  const gen = cache?.generation;
  const found = await rows<EntryRow>(ctx, sql`
    select ${priceListEntries.listId} as "listId", ${priceListEntries.variantId} as "variantId", ${priceListEntries.unitPrice}::float8 as "unitPrice",
           ${priceListEntries.tiers} as tiers, ${priceListEntries.qtyMin} as "qtyMin", ${priceListEntries.qtyMax} as "qtyMax", ${priceListEntries.qtyIncrement} as "qtyIncrement"
      from ${priceListEntries}
     where ${priceListEntries.listId} = any(${textArray(missLists)}::text[]) and ${priceListEntries.variantId} = any(${textArray(missVariants)}::text[])`);
  const byKey = new Map(found.map((r) => [pairKey(r.listId, r.variantId), entryOf(r)]));
  const store = cache !== null && cache.generation === gen;
  for (const l of missLists) {
    for (const v of missVariants) {
      const key = pairKey(l, v);
      const e = byKey.get(key) ?? null;
      if (store) cache.entries.set(key, e);
      if (e !== null && missing.has(key)) out.get(l)!.push(e);
    }
  }
  return out;
}

interface ContractRow { variantId: string; currency: string; unitPrice: number | string; tiers: PriceTier[]; reference: string; validTo: string | Date }

/** The company's contract prices for the variants; one query for whatever the cache lacks. */
async function contractsOf(ctx: Ctx, cache: PriceCache | null, companyId: string, variantIds: readonly string[]): Promise<ContractPrice[]> {
  const out: ContractPrice[] = [];
  const missing: string[] = [];
  for (const v of variantIds) {
    const hit = cache?.contracts.get(pairKey(companyId, v));
    if (hit === undefined) missing.push(v);
    else out.push(...hit);
  }
  if (missing.length === 0) return out;
  const gen = cache?.generation;
  const found = await rows<ContractRow>(ctx, sql`
    select ${contractPrices.variantId} as "variantId", ${contractPrices.currency} as currency, ${contractPrices.unitPrice}::float8 as "unitPrice",
           ${contractPrices.tiers} as tiers, ${contractPrices.reference} as reference, ${contractPrices.validTo} as "validTo"
      from ${contractPrices}
     where ${contractPrices.companyId} = ${companyId} and ${contractPrices.variantId} = any(${textArray(missing)}::text[])`);
  const byVariant = new Map<string, ContractPrice[]>(missing.map((v) => [v, []]));
  for (const r of found) {
    byVariant.get(r.variantId)?.push({
      companyId, variantId: r.variantId, currency: r.currency, unitPrice: Number(r.unitPrice), tiers: r.tiers, reference: r.reference, validTo: new Date(r.validTo),
    });
  }
  const store = cache !== null && cache.generation === gen;
  for (const [v, list] of byVariant) {
    if (store) cache.contracts.set(pairKey(companyId, v), list);
    out.push(...list);
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
  const inTx = (ctx as { inTransaction?: boolean }).inTransaction === true;
  const cache = inTx ? null : priceCacheFor(ctx.db).fresh();
  const headers = await headersOf(ctx, cache);
  const at = ctx.clock.now();
  const listIds = reachingLists(headers, subject);
  let context: PricingContext | null;
  if (subject.kind === 'company') {
    context = { companyId: subject.companyId, ancestors: subject.ancestors, groupIds: subject.groupIds, channel: null, currency: subject.currency, at, strategy };
  } else {
    // The public currency: that of the usable base list with the highest priority (then id).
    const t = at.getTime();
    const bases = listIds.map((id) => headers.lists.get(id)!)
      .filter((l) => l.status === 'active' && (l.validFrom == null || t >= l.validFrom.getTime()) && (l.validTo == null || t < l.validTo.getTime()));
    bases.sort((a, b) => b.priority - a.priority || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    context = bases[0] ? { companyId: '', ancestors: [], groupIds: [], channel: null, currency: bases[0].currency, at, strategy } : null;
  }
  const ids = [...new Set(variantIds)];
  const needsFacts = listIds.some((id) => {
    const scope = headers.lists.get(id)?.derived?.scope;
    return scope !== undefined && ((scope.categoryIds?.length ?? 0) > 0 || (scope.brandIds?.length ?? 0) > 0 || (scope.tags?.length ?? 0) > 0);
  });
  const [entries, contracts, factRows] = await Promise.all([
    context === null || ids.length === 0 ? new Map<string, PriceEntry[]>() : entriesOf(ctx, cache, listIds, ids),
    subject.kind === 'company' && ids.length > 0 ? contractsOf(ctx, cache, subject.companyId, ids) : Promise.resolve([]),
    needsFacts && ids.length > 0 ? variantFacts(ctx, { ids }) : Promise.resolve([]),
  ]);
  const lists: PriceList[] = listIds.map((id) => ({ ...headers.lists.get(id)!, entries: entries.get(id) ?? [] }));
  const facts = new Map(ids.map((id) => [id, noFacts(id)]));
  for (const f of factRows) facts.set(f.variantId, { variantId: f.variantId, categoryIds: f.categoryIds, brandId: f.brandId, tags: f.tags });
  return { index: buildPriceIndex(lists, contracts), context, facts };
}
