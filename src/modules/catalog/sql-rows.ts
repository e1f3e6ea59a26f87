import type { SQL } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';

/** Runs raw SQL through Drizzle and returns its rows; both drivers put them on `.rows`. */
export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = await db.execute(query);
  return (result as unknown as { rows: T[] }).rows;
}
