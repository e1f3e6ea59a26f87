import { sql, type SQL } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * One part of a combined read: a query answering ONE value (usually one json document, `null` when
 * nothing matches) that the module owning the tables builds, and that module's mapping from the
 * value to its own type. The query goes in as a scalar subquery, so it must answer at most one row
 * of one column.
 */
export interface ReadPart<T> {
  readonly sql: SQL;
  readonly map: (value: unknown) => T;
}

/** What `readTogether` answers for a record of parts: each part's mapped value under its key. */
export type ReadResults<P extends Record<string, ReadPart<unknown>>> = { [K in keyof P]: P[K] extends ReadPart<infer T> ? T : never };

/** A part whose value is already known (nothing to read); it costs no SQL. */
export function readValue<T>(value: T): ReadPart<T> {
  return { sql: sql`null`, map: () => value };
}

/**
 * Several reads as ONE statement — `select (a) as "a", (b) as "b", …` — so a use case that needs
 * facts from many modules (a checkout: cart, credit, ship-to, shipping, tax) pays one round trip
 * instead of one each. Every part sees the same snapshot. PostgreSQL evaluates the select list left
 * to right, so parts that lock rows (`for update` in a part) take their locks in the order given:
 * put them in the order every other path locks those rows. A part that waits for a lock reads the
 * locked row's newest version, but the other parts (and its own other subqueries) read the
 * statement's snapshot, taken before the wait — a part that must see what the lock holder wrote
 * detects the wait itself (e.g. by comparing the locked row with the same row read without lock).
 */
export async function readTogether<P extends Record<string, ReadPart<unknown>>>(db: Db, parts: P): Promise<ReadResults<P>> {
  const names = Object.keys(parts);
  if (names.length === 0) return {} as ReadResults<P>;
  const list = sql.join(names.map((n) => sql`(${parts[n]!.sql}) as ${sql.identifier(n)}`), sql`, `);
  const res = (await db.execute(sql`select ${list}`)) as unknown as { rows: Record<string, unknown>[] };
  const row = res.rows[0]!;
  const out: Record<string, unknown> = {};
  for (const n of names) out[n] = parts[n]!.map(row[n] ?? null);
  return out as ReadResults<P>;
}
