import { SQL, StringChunk } from 'drizzle-orm';
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
  const res = (await db.execute(writeTogetherSql(parts, select))) as unknown as { rows: R[] };
  return res.rows[0]!;
}

/**
 * The statement `writeTogether` sends. The parts' pieces are spliced into one flat list rather than
 * nested as fragments: Drizzle tests each nested fragment against all of its entity classes on the
 * way to text, and a checkout's statement has a dozen parts.
 */
export function writeTogetherSql(parts: readonly WritePart[], select: SQL): SQL {
  const chunks: unknown[] = [];
  parts.forEach(([name, statement], i) => {
    chunks.push(new StringChunk(`${i === 0 ? 'with ' : ', '}"${name.replace(/"/g, '""')}" as (`), ...flat(statement), CLOSE);
  });
  chunks.push(new StringChunk(' '), ...flat(select));
  return new SQL(chunks as SQL['queryChunks']);
}

const CLOSE = new StringChunk(')');

/** A fragment's own pieces, to splice into the outer one (unless it asks for its parameters inline). */
const flat = (s: SQL): readonly unknown[] => ((s as unknown as { shouldInlineParams?: boolean }).shouldInlineParams ? [s] : s.queryChunks);
