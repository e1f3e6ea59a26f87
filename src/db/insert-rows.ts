import { getTableColumns, getTableName, is, SQL, StringChunk, type InferInsertModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './client.ts';
import { arrayLiteral } from './sql-arrays.ts';

/**
 * Many rows in one INSERT whose text does not depend on the row count: every column travels as
 * one `text[]` parameter, `unnest` turns the arrays back into rows and each value is cast to its
 * column's type. Drizzle's multi-row `values (…), (…)` sends one parameter per cell (700 for an
 * order's 50 lines), builds each of them through its SQL builder (the largest Node cost of a
 * checkout) and changes its text with the row count, so PostgreSQL never reuses its plan. Column
 * names and types come from the module's Drizzle table, so a renamed column fails at type-check time.
 */

type Cell = string | number | boolean | Date | null | undefined | readonly unknown[] | Record<string, unknown>;
type Column = { name: string; getSQLType(): string };

/** A value as the text PostgreSQL casts to the column's type; null and undefined are NULL. */
export function cellText(value: Cell, json: boolean): string | null {
  if (value === null || value === undefined) return null;
  if (json) return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  // A text[] column: its elements as text (null/undefined as NULL), the whole array as one value.
  if (Array.isArray(value)) return arrayLiteral(value.map((v: unknown) => (v === null || v === undefined ? null : String(v))));
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/**
 * The statement for `keys` of `table` around its parameters — `head`, then one `text[]` per column,
 * then `tail` — and how to turn rows into those parameters (one array of texts per column).
 */
export function unnestInsert<T extends PgTable>(table: T, keys: readonly string[]): { head: string; tail: string; params(rows: readonly Partial<InferInsertModel<T>>[]): (string | null)[][] } {
  const columns = getTableColumns(table) as Record<string, Column>;
  const cols = keys.map((k) => columns[k] as Column);
  const select = cols.map((c, i) => `u.c${i}::${c.getSQLType()}`).join(', ');
  const head = `insert into "${getTableName(table)}" (${cols.map((c) => `"${c.name}"`).join(', ')}) select ${select} from unnest(`;
  const tail = `) as u(${cols.map((_, i) => `c${i}`).join(', ')})`;
  // jsonb values are JSON even when they are arrays (tiers), unlike text[] columns.
  const json = cols.map((c) => c.getSQLType() === 'jsonb');
  return { head, tail, params: (rows) => keys.map((k, i) => rows.map((r) => cellText((r as Record<string, Cell>)[k], json[i] as boolean))) };
}

/** The columns the rows set: every key of any row that is a column of `table` (a row without it gives NULL there; columns no row sets take their defaults). */
export function rowKeys<T extends PgTable>(table: T, rows: readonly Partial<InferInsertModel<T>>[]): string[] {
  const columns = getTableColumns(table);
  const keys = new Set<string>();
  for (const r of rows) for (const k of Object.keys(r as object)) if (k in columns) keys.add(k);
  return [...keys];
}

/** `unnestInsert`'s pieces per table and column list, as the SQL chunks between the parameters. */
interface UnnestShape {
  head: StringChunk;
  tail: StringChunk;
  keys: readonly string[];
  json: readonly boolean[];
}
const unnestShapes = new WeakMap<PgTable, Map<string, UnnestShape>>();
const TEXT_ARRAY_SEP = new StringChunk('::text[], ');

function unnestShape(table: PgTable, keys: readonly string[]): UnnestShape {
  let byKeys = unnestShapes.get(table);
  if (!byKeys) unnestShapes.set(table, (byKeys = new Map()));
  const id = keys.join(',');
  let shape = byKeys.get(id);
  if (!shape) {
    const { head, tail } = unnestInsert(table, keys);
    const columns = getTableColumns(table) as Record<string, Column>;
    shape = { head: new StringChunk(head), tail: new StringChunk(`::text[]${tail}`), keys, json: keys.map((k) => columns[k]!.getSQLType() === 'jsonb') };
    byKeys.set(id, shape);
  }
  return shape;
}

/**
 * The INSERT of `rows` into `table` (at least one row), to run alone or as a part of a larger statement.
 * Built as one flat list of text pieces and parameters (the text pieces cached per table and columns):
 * Drizzle turns nested `sql` fragments into text by testing every piece against each of its entity
 * classes, which cost more than the rows themselves on a checkout.
 */
export function insertRowsSql<T extends PgTable>(table: T, rows: readonly Partial<InferInsertModel<T>>[]): SQL {
  const { head, tail, keys, json } = unnestShape(table, rowKeys(table, rows));
  const chunks: unknown[] = [head];
  keys.forEach((k, i) => {
    if (i > 0) chunks.push(TEXT_ARRAY_SEP);
    // Each column's values go as one array literal (both drivers pass the text on unchanged).
    chunks.push(arrayLiteral(rows.map((r) => cellText((r as Record<string, Cell>)[k], json[i] as boolean))));
  });
  chunks.push(tail);
  return new SQL(chunks as SQL['queryChunks']);
}

/** A row for `insertValuesSql`: a value per column, or an SQL expression the statement computes. */
export type ValuesRow<T extends PgTable> = { [K in keyof InferInsertModel<T>]?: InferInsertModel<T>[K] | SQL };

/**
 * `insert into "table" (…) values (…), (…)` for a few rows whose cells may be SQL expressions (a
 * number drawn in the same statement, a name read from another table): each value travels as text
 * cast to its column's type, as in `insertRowsSql`, so the text and parameters are the same on both
 * drivers. A column some rows leave out takes its default there, as with Drizzle's insert. Built
 * flat like `insertRowsSql`, instead of through Drizzle's insert builder (a third of a checkout's
 * statement-building time went to the order row's 27 columns).
 */
export function insertValuesSql<T extends PgTable>(table: T, rows: readonly ValuesRow<T>[]): SQL {
  const keys = rowKeys(table, rows as readonly Partial<InferInsertModel<T>>[]);
  const columns = getTableColumns(table) as Record<string, Column>;
  const cols = keys.map((k) => columns[k] as Column);
  const chunks: unknown[] = [new StringChunk(`insert into "${getTableName(table)}" (${cols.map((c) => `"${c.name}"`).join(', ')}) values `)];
  rows.forEach((row, r) => {
    chunks.push(new StringChunk(r === 0 ? '(' : '), ('));
    cols.forEach((c, i) => {
      const v = (row as Record<string, unknown>)[keys[i] as string];
      const sep = i === 0 ? '' : ', ';
      if (v === undefined) chunks.push(new StringChunk(`${sep}default`));
      else if (is(v, SQL)) chunks.push(new StringChunk(sep), v);
      else {
        const type = c.getSQLType();
        chunks.push(new StringChunk(sep), cellText(v as Cell, type === 'jsonb'), new StringChunk(`::${type}`));
      }
    });
  });
  chunks.push(new StringChunk(')'));
  return new SQL(chunks as SQL['queryChunks']);
}

/** Inserts `rows` into `table` with one statement on ctx's database or transaction (see above). */
export async function insertRows<T extends PgTable>(db: Db, table: T, rows: readonly Partial<InferInsertModel<T>>[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(insertRowsSql(table, rows));
}
