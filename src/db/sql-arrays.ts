import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** `{"a","b"}`: a text[] literal, one parameter however many values (both drivers take it as is). */
export function textArrayLiteral(values: Iterable<string>): string {
  return `{${[...values].map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}

/**
 * `column = any($1::text[])`: membership in a list as ONE parameter. Drizzle's `inArray` sends one
 * parameter per value, and PostgreSQL plans an `in ($1 … $200)` list afresh on every execution —
 * 2–3 ms of planning for a re-evaluation's 200 group ids, more than the query itself.
 */
export function anyText(column: AnyColumn, values: Iterable<string>): SQL {
  return sql`${column} = any(${textArrayLiteral(values)}::text[])`;
}
