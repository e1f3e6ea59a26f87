import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import type { FacetRow } from './domain/facets.ts';
import type { ParsedSearch } from './domain/search-query.ts';
import { textArray } from '../../db/sql-arrays.ts';
import { rows } from './sql-rows.ts';

/**
 * Product search on PostgreSQL. Candidates come from index-backed sources united by id — the
 * weighted tsvector (GIN) searched with the text as typed OR with typo corrections found by
 * trigram similarity in the word lexicon (GIN trgm on `search_words`), and a SKU prefix (btree on
 * lower(sku) text_pattern_ops) — so the OR never degrades into one scan comparing every name.
 * Filters and an optional visibility predicate narrow the set; one query pages it, one more
 * computes the total and every facet over the same set.
 */

export interface SearchCriteria {
  readonly search: ParsedSearch | null;
  /** A `to_tsquery` text with typo corrections (see fuzzyTsQuery), ORed with the typed query. */
  readonly fuzzy?: string | null | undefined;
  /** Category id or slug; its whole subtree matches. */
  readonly category?: string | undefined;
  /** Brand id or slug. */
  readonly brand?: string | undefined;
  /** Attribute terms, one group per attribute name: any term of a group, every group. */
  readonly attrGroups: readonly (readonly string[])[];
  /**
   * Who may see what (per-company catalogs): a boolean SQL condition over the products alias `p`,
   * e.g. sql`p.id in (select product_id from catalog_visible where company_id = ${id})`. Absent = public.
   */
  readonly visibility?: SQL | undefined;
}

export type SearchSort = 'relevance' | 'name';

export interface SearchPageArgs {
  readonly sort: SearchSort;
  readonly limit: number;
  /** Keyset: the last row's [rank, id] (relevance) or [name, id] (name). */
  readonly after?: readonly [number, string] | readonly [string, string] | undefined;
}

export interface CardRow {
  id: string;
  slug: string;
  name: string;
  rank: number;
  image_url: string | null;
  brand_id: string | null;
  brand_name: string | null;
  category_id: string | null;
  category_name: string | null;
  variant_count: number;
  skus: string[];
  /** Every active variant, for pricing the card (not shown). */
  variant_ids: string[];
  in_stock: boolean;
}

const CONFIG = sql.raw(`'precis_simple'`);

function tsQuery(s: ParsedSearch, fuzzy: string | null | undefined): SQL | null {
  const web = s.websearch ? sql`websearch_to_tsquery(${CONFIG}, ${s.websearch})` : null;
  const pre = s.prefix ? sql`to_tsquery(${CONFIG}, ${`${s.prefix}:*`})` : null;
  const typed = web && pre ? sql`(${web} && ${pre})` : (web ?? pre);
  const corrected = fuzzy ? sql`to_tsquery(${CONFIG}, ${fuzzy})` : null;
  if (typed && corrected) return sql`(${typed} || ${corrected})`;
  return typed ?? corrected;
}

/**
 * The CTE `m(id, name, category_id, brand_id, attr_terms, rank)` of matching, visible, active
 * products. Facets need no rank: `withRank = false` saves scoring thousands of rows.
 */
function matched(c: SearchCriteria, withRank = true): SQL {
  const where: SQL[] = [sql`p.status = 'active'`];
  if (c.category) {
    where.push(sql`p.category_id in (select d.id from categories r join categories d on d.path like r.path || '%' where r.id = ${c.category} or r.slug = ${c.category})`);
  }
  if (c.brand) where.push(sql`p.brand_id in (select b.id from brands b where b.id = ${c.brand} or b.slug = ${c.brand})`);
  for (const group of c.attrGroups) where.push(sql`p.attr_terms && ${toTextArray(group)}`);
  if (c.visibility) where.push(sql`(${c.visibility})`);
  const filters = sql.join(where, sql` and `);

  const s = c.search;
  if (!s) {
    return sql`m as (select p.id, p.name, p.category_id, p.brand_id, p.attr_terms, 0::float8 as rank from products p where ${filters})`;
  }
  const tsq = tsQuery(s, c.fuzzy);
  const cols = sql`p.id, p.name, p.category_id, p.brand_id, p.attr_terms`;
  const score = (bonus: number) =>
    withRank ? sql`round((${tsq ? sql`ts_rank(p.search_doc, ${tsq})` : sql`0`} + ${bonus})::numeric, 6)::float8` : sql`0::float8`;
  // Each source reads products directly with every filter applied, so the planner sees real row
  // counts (a UNION of ids grouped first hides them and invites thousands of index probes).
  const sources: SQL[] = [];
  if (tsq) sources.push(sql`select ${cols}, ${score(0)} as rank from products p where ${filters} and p.search_doc @@ ${tsq}`);
  if (s.skuPattern) {
    // A SKU hit adds 1, above the text scores ts_rank gives in practice, so SKU lookups come first.
    sources.push(
      sql`select ${cols}, ${score(1)} as rank from products p
          where ${filters} and p.id in (select v.product_id from variants v where lower(v.sku) like ${s.skuPattern} and v.status = 'active')`,
    );
  }
  if (!sources.length) return sql`m as (select ${cols}, 0::float8 as rank from products p where false)`;
  if (sources.length === 1) return sql`m as (${sources[0]})`;
  return sql`m0 as (${sql.join(sources, sql` union all `)}),
    m as (select distinct on (id) * from m0 order by id, rank desc)`;
}

function toTextArray(values: readonly string[]): SQL {
  return sql`array[${sql.join(values.map((v) => sql`${v}`), sql`, `)}]::text[]`;
}

/** One page of product cards (fetches `limit + 1` rows so the caller knows if more follow). */
export async function searchPage(db: Db, c: SearchCriteria, page: SearchPageArgs): Promise<CardRow[]> {
  let after = sql`true`;
  let order: SQL;
  if (page.sort === 'relevance') {
    order = sql`m.rank desc, m.id`;
    if (page.after) after = sql`(m.rank < ${page.after[0]}::float8 or (m.rank = ${page.after[0]}::float8 and m.id > ${page.after[1]}))`;
  } else {
    order = sql`m.name, m.id`;
    if (page.after) after = sql`(m.name, m.id) > (${page.after[0]}::text, ${page.after[1]}::text)`;
  }
  return rows<CardRow>(
    db,
    sql`with ${matched(c)}, pg as (select * from m where ${after} order by ${order} limit ${page.limit + 1})
      select m.id, p.slug, m.name, m.rank, p.images[1] as image_url,
        b.id as brand_id, b.name as brand_name, cat.id as category_id, cat.name as category_name,
        (select count(*)::int from variants v where v.product_id = m.id and v.status = 'active') as variant_count,
        array(select v.sku from variants v where v.product_id = m.id and v.status = 'active' order by v.position, v.id limit 3) as skus,
        array(select v.id from variants v where v.product_id = m.id and v.status = 'active' order by v.position, v.id) as variant_ids,
        exists(select 1 from variants v join inventory i on i.variant_id = v.id
               where v.product_id = m.id and v.status = 'active' and (i.on_hand > i.reserved or i.backorder)) as in_stock
      from pg m join products p on p.id = m.id
      left join brands b on b.id = p.brand_id
      left join categories cat on cat.id = p.category_id
      order by ${order}`,
  );
}

/** Total and facet counts (categories, brands, attribute terms) over the same matched set, in one query. */
export async function searchFacets(db: Db, c: SearchCriteria, maxTerms = 2000): Promise<FacetRow[]> {
  return rows<FacetRow>(
    db,
    sql`with ${matched(c, false)}
      select 'total' as kind, null as key, null as label, count(*)::int as count from m
      union all
      select 'category', m.category_id, cat.name, count(*)::int from m join categories cat on cat.id = m.category_id group by m.category_id, cat.name
      union all
      select 'brand', m.brand_id, b.name, count(*)::int from m join brands b on b.id = m.brand_id group by m.brand_id, b.name
      union all
      select * from (select 'attribute', t, null, count(*)::int as n from m, unnest(m.attr_terms) t group by t order by n desc, t limit ${maxTerms}) a`,
  );
}

/**
 * Typo corrections for words that appear nowhere in the catalog: up to three lexicon words with
 * trigram similarity ≥ 0.4, most similar first. One query for all the words.
 */
export async function suggestCorrections(db: Db, words: readonly string[]): Promise<Map<string, string[]>> {
  if (!words.length) return new Map();
  const found = await rows<{ w: string; word: string }>(
    db,
    sql`select q.w, s.word
        from unnest(${textArray([...words])}) as q(w)
        cross join lateral (
          select sw.word from search_words sw
          where sw.word % catalog_norm(q.w) and similarity(sw.word, catalog_norm(q.w)) >= 0.4 and sw.word <> catalog_norm(q.w)
          order by similarity(sw.word, catalog_norm(q.w)) desc, sw.word limit 3
        ) s
        where not exists (select 1 from search_words e where e.word = catalog_norm(q.w))`,
  );
  const out = new Map<string, string[]>();
  for (const r of found) out.set(r.w, [...(out.get(r.w) ?? []), r.word]);
  return out;
}
