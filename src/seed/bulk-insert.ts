import type { InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Connection } from '../db/client.ts';
import { rowKeys, unnestInsert } from '../db/insert-rows.ts';

/**
 * Inserts many rows on a dedicated connection in batches, each one `unnest` statement
 * (`src/db/insert-rows.ts`): a handful of parameters whatever the batch size, the same on PGlite and
 * PostgreSQL and several times faster than multi-row VALUES.
 */
export async function bulkInsert<T extends PgTable>(
  conn: Connection,
  table: T,
  rows: readonly Partial<InferInsertModel<T>>[],
  opts: { batchSize?: number; onBatch?: (inserted: number) => void } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const keys = rowKeys(table, rows);
  const { head, tail, params } = unnestInsert(table, keys);
  const text = `${head}${keys.map((_, i) => `$${i + 1}::text[]`).join(', ')}${tail}`;
  const size = opts.batchSize ?? 5000;
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    await conn.query(text, params(batch));
    opts.onBatch?.(batch.length);
  }
}
