import { getTableColumns, getTableName, type InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Connection } from '../db/client.ts';
import { arrayLiteral } from '../db/sql-arrays.ts';

type Cell = string | number | boolean | Date | null | undefined | readonly unknown[] | Record<string, unknown>;

function toText(value: Cell, json: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (json) return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  // A text[] column: its elements as text (null/undefined as NULL), the whole array as one value.
  if (Array.isArray(value)) return arrayLiteral(value.map((v: unknown) => (v === null || v === undefined ? null : String(v))));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * Inserts many rows with one statement per batch: every column travels as one `text[]` parameter,
 * `unnest` turns the arrays back into rows and each value is cast to its column's type. That is a
 * handful of parameters whatever the batch size, so it works the same on PGlite and PostgreSQL and
 * is several times faster than multi-row VALUES. Column names and types come from the Drizzle table
 * of the module that owns it, so a renamed column fails here at type-check time.
 */
export async function bulkInsert<T extends PgTable>(
  conn: Connection,
  table: T,
  rows: readonly Partial<InferInsertModel<T>>[],
  opts: { batchSize?: number; onBatch?: (inserted: number) => void } = {},
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0] as object).filter((k) => k in columns);
  const cols = keys.map((k) => (columns as Record<string, { name: string; getSQLType(): string }>)[k] as { name: string; getSQLType(): string });
  const select = cols.map((c, i) => `u.c${i}::${c.getSQLType()}`).join(', ');
  const unnest = cols.map((_, i) => `$${i + 1}::text[]`).join(', ');
  const aliases = cols.map((_, i) => `c${i}`).join(', ');
  const sql = `insert into "${getTableName(table)}" (${cols.map((c) => `"${c.name}"`).join(', ')}) select ${select} from unnest(${unnest}) as u(${aliases})`;
  // jsonb values are JSON even when they are arrays (tiers), unlike text[] columns.
  const json = cols.map((c) => c.getSQLType() === 'jsonb');
  const size = opts.batchSize ?? 5000;
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    const params = keys.map((k, i) => batch.map((r) => toText((r as Record<string, Cell>)[k], json[i] as boolean)));
    await conn.query(sql, params);
    opts.onBatch?.(batch.length);
  }
}
