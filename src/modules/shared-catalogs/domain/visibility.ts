import { isEmptySelector, type CatalogRules, type ProductFacts, type Selector } from './types.ts';

/**
 * The visibility decided by the catalogs reaching a caller, compiled to a description the SQL
 * renderer turns into one predicate over products:
 * - `all`: every active product (no catalog reaches the caller, or one of them selects everything);
 * - `union`: a product is visible when some part selects it: `include` (null = everything) and not
 *   `exclude` (null = nothing excluded).
 */
export type VisibilityPredicate =
  | { readonly kind: 'all' }
  | { readonly kind: 'union'; readonly parts: readonly { readonly include: Selector | null; readonly exclude: Selector | null }[] };

/** Compiles the rules of the catalogs that reach a caller; none reaching = the public catalog. */
export function compileVisibility(catalogs: readonly CatalogRules[]): VisibilityPredicate {
  if (!catalogs.length) return { kind: 'all' };
  const parts = catalogs.map((c) => ({
    include: isEmptySelector(c.include) ? null : normalise(c.include),
    exclude: isEmptySelector(c.exclude) ? null : normalise(c.exclude),
  }));
  // A catalog selecting everything makes the union everything: the public cache can serve it.
  if (parts.some((p) => !p.include && !p.exclude)) return { kind: 'all' };
  return { kind: 'union', parts };
}

function normalise(s: Selector): Selector {
  const uniq = (xs: readonly string[]) => [...new Set(xs)].sort();
  return { categoryIds: uniq(s.categoryIds), productIds: uniq(s.productIds), brandIds: uniq(s.brandIds), tags: uniq(s.tags) };
}

/** True when the selector picks the product (any listed category, product, brand or tag). */
export function selects(s: Selector, p: ProductFacts): boolean {
  return (
    s.productIds.includes(p.id) ||
    (p.brandId !== null && s.brandIds.includes(p.brandId)) ||
    p.categoryIds.some((c) => s.categoryIds.includes(c)) ||
    p.tags.some((t) => s.tags.includes(t))
  );
}

/**
 * The reference definition, written straight from the rules (no compilation): a product is visible
 * when it is active and either no catalog reaches the caller or some reaching catalog selects it —
 * everything (no include rule) or what its include rules select — and none of that catalog's
 * exclude rules selects it.
 */
export function isVisible(p: ProductFacts, catalogs: readonly CatalogRules[]): boolean {
  if (p.status !== 'active') return false;
  if (!catalogs.length) return true;
  return catalogs.some((c) => (isEmptySelector(c.include) || selects(c.include, p)) && !selects(c.exclude, p));
}

/** Evaluates a compiled predicate on one product (what the SQL rendering must agree with). */
export function evaluatePredicate(pred: VisibilityPredicate, p: ProductFacts): boolean {
  if (p.status !== 'active') return false;
  if (pred.kind === 'all') return true;
  return pred.parts.some((part) => (!part.include || selects(part.include, p)) && !(part.exclude && selects(part.exclude, p)));
}
