import { sql, type SQL } from 'drizzle-orm';
import { textArray } from '../../db/sql-arrays.ts';
import type { Selector } from './domain/types.ts';
import type { VisibilityPredicate } from './domain/visibility.ts';

/**
 * Renders a compiled visibility predicate as one SQL condition over products alias `p` (the
 * contract of the catalog module's `SearchOptions.visibility`). Lists travel as one array
 * parameter each, so the statement's shape does not grow with the number of ids. A category
 * selects its subtree: categories whose materialised path (`cat_a/cat_b/`) names it — evaluated at
 * query time, so moving a category moves what it selects.
 */
export function visibilitySql(pred: VisibilityPredicate): SQL | null {
  if (pred.kind === 'all') return null;
  const parts = pred.parts.map((part) => {
    const conds: SQL[] = [];
    if (part.include) conds.push(selectorSql(part.include));
    if (part.exclude) conds.push(sql`not ${selectorSql(part.exclude)}`);
    return sql`(${sql.join(conds, sql` and `)})`;
  });
  return sql`(${sql.join(parts, sql` or `)})`;
}

function selectorSql(s: Selector): SQL {
  const any: SQL[] = [];
  if (s.productIds.length) any.push(sql`p.id = any(${textArray(s.productIds)})`);
  if (s.brandIds.length) any.push(sql`coalesce(p.brand_id = any(${textArray(s.brandIds)}), false)`);
  if (s.tags.length) any.push(sql`p.tags && ${textArray(s.tags)}`);
  if (s.categoryIds.length) {
    any.push(sql`coalesce(p.category_id in (select c.id from categories c where string_to_array(c.path, '/') && ${textArray(s.categoryIds)}), false)`);
  }
  return any.length ? sql`(${sql.join(any, sql` or `)})` : sql`false`;
}
