import type { SQL } from 'drizzle-orm';
import type { Ctx } from '../../http/context.ts';
import { decodeCursor, encodeCursor } from '../../http/pagination.ts';
import { AppError, notFound } from '../../lib/errors.ts';
import { buildCategoryTree, type CategoryNode } from './domain/category-tree.ts';
import { shapeFacets, type Facets } from './domain/facets.ts';
import { anyWordTsQuery, correctableWords, fuzzyTsQuery, groupAttrFilters, parseAttrFilter, parseSearch, type AttrFilter } from './domain/search-query.ts';
import { searchFacets, searchPage, suggestCorrections, type SearchCriteria, type SearchSort } from './catalog-search.repo.ts';
import { cachedFacets, cachedListing, storeFacets } from './search-cache.ts';
import { activeProduct, activeVariantsWithStock, categoriesOnPath, categoryRows } from './catalog-store.repo.ts';
import { cardPrice } from './domain/card-price.ts';
import type { BuyerPrice } from './storefront-hooks.ts';

/** The caller's prices for some variants (the storefront's `prices` hook bound to a request). */
export type PriceLookup = (variantIds: readonly string[]) => Promise<ReadonlyMap<string, BuyerPrice>>;

export interface ProductSearchInput {
  q?: string | undefined;
  category?: string | undefined;
  brand?: string | undefined;
  /** `name:value`, repeatable. */
  attr?: readonly string[] | undefined;
  sort?: SearchSort | undefined;
  limit?: number | undefined;
  cursor?: string | undefined;
}

export interface ProductCard {
  id: string;
  slug: string;
  name: string;
  brand: { id: string; name: string } | null;
  category: { id: string; name: string } | null;
  imageUrl: string | null;
  variantCount: number;
  skus: string[];
  inStock: boolean;
  /** The lowest of the product's variant prices for the caller. */
  price: BuyerPrice | null;
  priceVaries: boolean;
}

export interface ProductSearchResult {
  items: ProductCard[];
  facets: Facets;
  total: number;
  nextCursor: string | null;
}

export interface SearchOptions {
  /** Per-company visibility, as a SQL condition over products alias `p` (see SearchCriteria). */
  visibility?: SQL;
  /**
   * Names the visibility for the facet cache (e.g. the catalog set's id); without it, searches with
   * a visibility predicate are never cached, since the predicate's SQL cannot be compared.
   */
  visibilityKey?: string;
}

export const SEARCH_PAGE_SIZE = 48;

/** A cached listing: the shared answer (unpriced) and each card's active variants, for pricing. */
interface Listing {
  result: ProductSearchResult;
  variantIds: readonly (readonly string[])[];
}

/**
 * The storefront's product listing and search: matching products, one page of cards, the total
 * and facets over the whole filtered set. Relevance without a search text falls back to name.
 * Answers are cached (see search-cache.ts): the returned object may be shared, so never mutate it.
 * With `prices`, each card shows the lowest price of its variants — on a copy, since the cached
 * answer is shared by every company that sees the same catalog.
 */
export async function searchProducts(ctx: Ctx, input: ProductSearchInput, opts: SearchOptions = {}, prices?: PriceLookup): Promise<ProductSearchResult> {
  const listing = await cachedListing(ctx.db, listingKey(input, opts), () => runSearch(ctx, input, opts));
  if (!prices || listing.result.items.length === 0) return listing.result;
  const priced = await prices(listing.variantIds.flat());
  if (priced.size === 0) return listing.result;
  const items = listing.result.items.map((card, i) => ({ ...card, ...cardPrice(listing.variantIds[i] ?? [], priced) }));
  return { ...listing.result, items };
}

/**
 * Everything a listing answer depends on, normalised so equivalent requests share an entry; null
 * when a visibility predicate comes without a key naming it (its SQL cannot be compared).
 */
function listingKey(input: ProductSearchInput, opts: SearchOptions): string | null {
  if (opts.visibility && !opts.visibilityKey) return null;
  const text = parseSearch(input.q)?.text ?? '';
  const sort = text && (input.sort ?? 'relevance') === 'relevance' ? 'relevance' : 'name';
  const attrs = [...(input.attr ?? [])].sort();
  return JSON.stringify([text, input.category ?? '', input.brand ?? '', attrs, sort, input.limit ?? SEARCH_PAGE_SIZE, input.cursor ?? '', opts.visibilityKey ?? '']);
}

async function runSearch(ctx: Ctx, input: ProductSearchInput, opts: SearchOptions): Promise<Listing> {
  const search = parseSearch(input.q);
  const attrs: AttrFilter[] = [];
  for (const raw of input.attr ?? []) {
    const f = parseAttrFilter(raw);
    if (!f) throw new AppError('VALIDATION_FAILED', 'attr must look like name:value', 'attr');
    attrs.push(f);
  }
  const sort: SearchSort = search && (input.sort ?? 'relevance') === 'relevance' ? 'relevance' : 'name';
  const limit = input.limit ?? SEARCH_PAGE_SIZE;
  const after = decodeSearchCursor(input.cursor, sort);
  const corrections = search ? await suggestCorrections(ctx.db, correctableWords(search)) : new Map<string, string[]>();
  const attrGroups = groupAttrFilters(attrs);
  const base = { search, category: input.category, brand: input.brand, attrGroups, visibility: opts.visibility };
  const cacheable = !opts.visibility || Boolean(opts.visibilityKey);
  const run = async (criteria: SearchCriteria) => {
    const key = cacheable ? JSON.stringify([search?.text ?? '', criteria.fuzzy ?? '', input.category ?? '', input.brand ?? '', attrGroups, opts.visibilityKey ?? '']) : null;
    const cached = key ? cachedFacets(key) : undefined;
    const [cards, facetRows] = await Promise.all([searchPage(ctx.db, criteria, { sort, limit, after }), cached ?? searchFacets(ctx.db, criteria)]);
    if (key && !cached) storeFacets(key, facetRows);
    return { cards, facetRows };
  };
  let result = await run({ ...base, fuzzy: search ? fuzzyTsQuery(search, corrections) : null });
  // Requiring every word found nothing (on any page, since a cursor means rows followed): show
  // what matches any of the words rather than an empty page.
  const anyWord = search && !result.cards.length ? anyWordTsQuery(search, corrections) : null;
  if (anyWord) result = await run({ ...base, fuzzy: anyWord });
  const { cards, facetRows } = result;
  const page = cards.slice(0, limit);
  const last = page[page.length - 1];
  const nextCursor = cards.length > limit && last ? encodeCursor(sort === 'relevance' ? ['r', last.rank, last.id] : ['n', last.name, last.id]) : null;
  const { facets, total } = shapeFacets(facetRows);
  const answer: ProductSearchResult = {
    items: page.map((r) => ({
      id: r.id,
      slug: r.slug,
      name: r.name,
      brand: r.brand_id ? { id: r.brand_id, name: r.brand_name ?? '' } : null,
      category: r.category_id ? { id: r.category_id, name: r.category_name ?? '' } : null,
      imageUrl: r.image_url,
      variantCount: r.variant_count,
      skus: r.skus,
      inStock: r.in_stock,
      price: null,
      priceVaries: false,
    })),
    facets,
    total,
    nextCursor,
  };
  return { result: answer, variantIds: page.map((r) => r.variant_ids) };
}

function decodeSearchCursor(cursor: string | undefined, sort: SearchSort): [number, string] | [string, string] | undefined {
  const key = decodeCursor(cursor);
  if (!key) return undefined;
  const [tag, value, id] = key;
  if (sort === 'relevance' && tag === 'r' && typeof value === 'number' && typeof id === 'string') return [value, id];
  if (sort === 'name' && tag === 'n' && typeof value === 'string' && typeof id === 'string') return [value, id];
  throw new AppError('BAD_CURSOR', 'The cursor belongs to another search or sort order', 'cursor');
}

/**
 * The whole category tree with counts of the caller's visible active products, subcategories
 * included (`opts` as for searchProducts). Cached like listings: per visibility key, dropped by
 * every catalog write.
 */
export async function categoryTree(ctx: Ctx, opts: SearchOptions = {}): Promise<CategoryNode[]> {
  const key = opts.visibility && !opts.visibilityKey ? null : JSON.stringify(['category-tree', opts.visibilityKey ?? '']);
  return cachedListing(ctx.db, key, async () => buildCategoryTree(await categoryRows(ctx.db, opts.visibility)));
}

export interface StoreProduct {
  id: string;
  slug: string;
  name: string;
  description: string;
  brand: { id: string; name: string } | null;
  category: { id: string; name: string } | null;
  categoryPath: { id: string; name: string; slug: string }[];
  images: string[];
  attributes: Record<string, string>;
  variants: (Awaited<ReturnType<typeof activeVariantsWithStock>>[number] & { price: BuyerPrice | null })[];
}

/** The product page by id or slug; anything not active (or, with a visibility predicate, not visible) is a 404. */
export async function storeProduct(ctx: Ctx, idOrSlug: string, opts: Pick<SearchOptions, 'visibility'> = {}, prices?: PriceLookup): Promise<StoreProduct> {
  const p = await activeProduct(ctx.db, idOrSlug, opts.visibility);
  if (!p) throw notFound('Product');
  const [categoryPath, variants] = await Promise.all([p.category_path ? categoriesOnPath(ctx.db, p.category_path) : Promise.resolve([]), activeVariantsWithStock(ctx.db, p.id)]);
  const priced = prices && variants.length > 0 ? await prices(variants.map((v) => v.id)) : undefined;
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    description: p.description,
    brand: p.brand_id ? { id: p.brand_id, name: p.brand_name ?? '' } : null,
    category: p.category_id ? { id: p.category_id, name: p.category_name ?? '' } : null,
    categoryPath,
    images: p.images,
    attributes: p.attributes,
    variants: variants.map((v) => ({ ...v, price: priced?.get(v.id) ?? null })),
  };
}
