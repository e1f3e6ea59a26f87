import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/**
 * Lists as ONE array parameter. Drizzle's `inArray` sends one parameter per value, and PostgreSQL
 * plans an `in ($1 … $200)` list afresh on every execution — 2–3 ms of planning for 200 ids, more
 * than the query itself; a statement whose shape grows with the list also never hits a plan cache.
 * The list travels as a PostgreSQL array literal in one text parameter, which both drivers (PGlite
 * and node-postgres) pass on unchanged — unlike JS arrays, whose encoding differs between them.
 * This is the one place that builds such literals: do not copy it into a module.
 */

/** An element of an array literal: strings are quoted and escaped, `null` is SQL NULL. */
export type ArrayElement = string | number | boolean | null;

/** `{"a","b",3,NULL}`: a PostgreSQL array literal, for any element type the cast then parses. */
export function arrayLiteral(values: Iterable<ArrayElement>): string {
  // One string built in place, and the escaping regex only for the rare element that needs it:
  // a checkout builds 17 of these from 50 lines each, and the per-element replace was most of it.
  let out = '{';
  let first = true;
  for (const v of values) {
    if (first) first = false;
    else out += ',';
    if (v === null) out += 'NULL';
    else if (typeof v === 'number' || typeof v === 'boolean') out += String(v);
    else out += `"${v.includes('"') || v.includes('\\') ? v.replace(ESCAPED, '\\$&') : v}"`;
  }
  return `${out}}`;
}

const ESCAPED = /[\\"]/g;

/** The element types a typed array parameter may be cast to (a closed list: it is spliced into SQL). */
export type ArrayType = 'text' | 'int' | 'bigint' | 'boolean';

/** `$1::<type>[]`: a whole list as one typed array parameter, e.g. for `unnest(…)` or `&&`. */
export function sqlArray(values: Iterable<ArrayElement>, type: ArrayType): SQL {
  return sql`${arrayLiteral(values)}::${sql.raw(type)}[]`;
}

/** `$1::text[]`: a list of strings as one text[] parameter. */
export function textArray(values: Iterable<string>): SQL {
  return sqlArray(values, 'text');
}

/**
 * `column = any($1::text[])`: membership in a list as ONE parameter. `column` is a Drizzle column
 * or any SQL expression (`` sql`lower(v.sku)` `` in raw queries).
 */
export function anyText(column: AnyColumn | SQL, values: Iterable<string>): SQL {
  return sql`${column} = any(${textArray(values)})`;
}
