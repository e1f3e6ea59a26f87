import { SQL, sql, StringChunk } from 'drizzle-orm';
import type { Db } from './client.ts';

/**
 * One part of a combined write: a name other parts and the final select may refer to, and a
 * data-modifying statement (insert, update or delete, with `returning` where something reads it).
 */
export type WritePart = readonly [name: string, statement: SQL, answer?: WriteAnswer];

/**
 * A value a part hands back from the statement without a read of its own: an SQL expression over
 * the parts' `returning` rows (evaluated after every write, in the statement's one snapshot), and the
 * function that receives it once the statement has run. The caller's answer row does not show it.
 */
export interface WriteAnswer {
  readonly value: SQL;
  readonly receive: (value: unknown) => void;
}

/**
 * Several writes as ONE statement — `with a as (…), b as (…) select …` — so they cost one round trip
 * instead of one each (on a checkout, a dozen). PostgreSQL runs every data-modifying part exactly
 * once and to completion whether or not anything reads it, all against the same snapshot: a part
 * sees another's rows only through that part's `returning` (reference it by name), never by reading
 * the table. Foreign keys and CHECKs are verified at the end of the statement, so an order and its
 * lines can go in together. Any failure fails the whole statement. Answers the `select`'s one row
 * (by default none worth reading: the writes are all the caller wants).
 */
export async function writeTogether<R extends Record<string, unknown>>(db: Db, parts: readonly WritePart[], select: SQL = NOTHING): Promise<R> {
  const res = (await db.execute(writeTogetherSql(parts, select))) as unknown as { rows: R[] };
  const row = res.rows[0]!;
  answersOf(parts).forEach((a, i) => {
    const key = `answer_${i}`;
    const value = row[key];
    delete row[key];
    a.receive(value);
  });
  return row;
}

const NOTHING = sql`select 1 as done`;

const answersOf = (parts: readonly WritePart[]): WriteAnswer[] => parts.flatMap((p) => (p[2] ? [p[2]] : []));

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
  const answers = answersOf(parts);
  if (!answers.length) chunks.push(new StringChunk(' '), ...flat(select));
  else {
    // The caller's select becomes one more part, and the answers are added to its row.
    chunks.push(new StringChunk(', "write_answer" as ('), ...flat(select), new StringChunk(') select w.*'));
    answers.forEach((a, i) => chunks.push(new StringChunk(', ('), ...flat(a.value), new StringChunk(`) as "answer_${i}"`)));
    chunks.push(new StringChunk(' from "write_answer" w'));
  }
  return new SQL(chunks as SQL['queryChunks']);
}

const CLOSE = new StringChunk(')');

/** A fragment's own pieces, to splice into the outer one (unless it asks for its parameters inline). */
const flat = (s: SQL): readonly unknown[] => ((s as unknown as { shouldInlineParams?: boolean }).shouldInlineParams ? [s] : s.queryChunks);
