import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * One part of a combined write: a name other parts and the final select may refer to, and a
 * data-modifying statement (insert, update or delete, with `returning` where something reads it).
 */
export type WritePart = readonly [name: string, statement: SQL];

/**
 * Several writes as ONE statement — `with a as (…), b as (…) select …` — so they cost one round trip
 * instead of one each (on a checkout, a dozen). PostgreSQL runs every data-modifying part exactly
 * once and to completion whether or not anything reads it, all against the same snapshot: a part
 * sees another's rows only through that part's `returning` (reference it by name), never by reading
 * the table. Foreign keys and CHECKs are verified at the end of the statement, so an order and its
 * lines can go in together. Any failure fails the whole statement. Answers the `select`'s one row.
 */
export async function writeTogether<R extends Record<string, unknown>>(db: Db, parts: readonly WritePart[], select: SQL): Promise<R> {
  const ctes = sql.join(parts.map(([name, statement]) => sql`${sql.identifier(name)} as (${statement})`), sql`, `);
  const res = (await db.execute(sql`with ${ctes} ${select}`)) as unknown as { rows: R[] };
  return res.rows[0]!;
}
