import { splitAttrTerm } from './search-query.ts';

/** One aggregate row from the facet query: a category, a brand, an attribute term, or the total. */
export interface FacetRow {
  readonly kind: 'category' | 'brand' | 'attribute' | 'total';
  readonly key: string | null;
  readonly label: string | null;
  readonly count: number;
}

export interface Facets {
  categories: { id: string; name: string; count: number }[];
  brands: { id: string; name: string; count: number }[];
  attributes: { name: string; values: { value: string; count: number }[] }[];
}

export interface FacetLimits {
  readonly maxAttributes: number;
  readonly maxValuesPerAttribute: number;
}

const DEFAULT_LIMITS: FacetLimits = { maxAttributes: 30, maxValuesPerAttribute: 50 };

const byCountThenName = <T extends { count: number }>(label: (t: T) => string) => (a: T, b: T) =>
  b.count - a.count || label(a).localeCompare(label(b));

/**
 * Shapes the facet query's rows for the API: most frequent first, attributes grouped by name and
 * capped so a catalog with thousands of attribute values still answers a small document.
 */
export function shapeFacets(rows: readonly FacetRow[], limits: FacetLimits = DEFAULT_LIMITS): { facets: Facets; total: number } {
  let total = 0;
  const categories: Facets['categories'] = [];
  const brands: Facets['brands'] = [];
  const attrs = new Map<string, { value: string; count: number }[]>();
  for (const r of rows) {
    if (r.kind === 'total') total = r.count;
    else if (r.kind === 'category' && r.key) categories.push({ id: r.key, name: r.label ?? r.key, count: r.count });
    else if (r.kind === 'brand' && r.key) brands.push({ id: r.key, name: r.label ?? r.key, count: r.count });
    else if (r.kind === 'attribute' && r.key) {
      const term = splitAttrTerm(r.key);
      if (!term) continue;
      const list = attrs.get(term.name) ?? [];
      list.push({ value: term.value, count: r.count });
      attrs.set(term.name, list);
    }
  }
  categories.sort(byCountThenName((c) => c.name));
  brands.sort(byCountThenName((b) => b.name));
  const attributes = [...attrs.entries()]
    .map(([name, values]) => ({
      name,
      values: values.sort(byCountThenName((v) => v.value)).slice(0, limits.maxValuesPerAttribute),
      weight: values.reduce((s, v) => s + v.count, 0),
    }))
    .sort((a, b) => b.weight - a.weight || a.name.localeCompare(b.name))
    .slice(0, limits.maxAttributes)
    .map(({ name, values }) => ({ name, values }));
  return { facets: { categories, brands, attributes }, total };
}
