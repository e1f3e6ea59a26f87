import { getTableColumns, sql } from 'drizzle-orm';
import { bigint, boolean, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { insertRows, insertValuesSql } from '../../src/db/insert-rows.ts';
import { createTestDatabase } from '../harness.ts';

const probe = pgTable('insert_rows_probe', {
  id: integer('id').primaryKey(),
  label: text('label'),
  amount: bigint('amount', { mode: 'number' }).notNull(),
  flag: boolean('flag').notNull().default(false),
  tags: text('tags').array(),
  data: jsonb('data'),
  at: timestamp('at', { withTimezone: true }),
  note: text('note').notNull().default('none'),
});

let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await database.exec(`create table insert_rows_probe (id int primary key, label text, amount bigint not null, flag boolean not null default false,
    tags text[], data jsonb, at timestamptz, note text not null default 'none')`);
});
afterAll(async () => drop());

const anyText = fc.string({ unit: 'binary', maxLength: 12 }).map((s) => s.replace(/\u0000/g, ''));
const row = (id: number) =>
  fc.record({
    id: fc.constant(id),
    label: fc.option(anyText, { nil: null }),
    amount: fc.integer({ min: -1e12, max: 1e12 }),
    flag: fc.boolean(),
    // NULL elements too (PostgreSQL arrays allow them; the Drizzle type does not say so).
    tags: fc.option(fc.array(fc.option(anyText, { nil: null }), { maxLength: 3 }).map((a) => a as string[]), { nil: null }),
    data: fc.option(fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as unknown), { nil: null }),
    at: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), { nil: null }),
  });

describe('insertRows (one unnest statement for many rows)', () => {
  it('stores every value exactly as given — quotes, backslashes, commas, braces, unicode, NULL, jsonb, arrays, instants — on either database', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => row(i + 1)))), async (rows) => {
        await database.db.execute(sql`delete from insert_rows_probe`);
        await insertRows(database.db, probe, rows);
        // jsonb read as text: Drizzle's node-postgres mapping parses a jsonb string value twice ("0" → 0).
        const { data: _data, ...columns } = getTableColumns(probe);
        const back = await database.db.select({ ...columns, data: sql<string | null>`${probe.data}::text` }).from(probe).orderBy(probe.id);
        expect(back.map((b) => ({ ...b, data: b.data === null ? null : (JSON.parse(b.data) as unknown) }))).toEqual(rows.map((r) => ({ ...r, note: 'none' })));
      }),
      { numRuns: 40 },
    );
  });

  it('leaves the columns no row sets to their defaults, and gives NULL where only some rows set one', async () => {
    await database.db.execute(sql`delete from insert_rows_probe`);
    await insertRows(database.db, probe, [{ id: 1, amount: 5 }, { id: 2, amount: 6, label: 'set' }]);
    const back = await database.db.select({ id: probe.id, label: probe.label, flag: probe.flag, note: probe.note }).from(probe).orderBy(probe.id);
    expect(back).toEqual([{ id: 1, label: null, flag: false, note: 'none' }, { id: 2, label: 'set', flag: false, note: 'none' }]);
  });
});

describe('insertValuesSql (a few rows, cells may be SQL)', () => {
  it('stores every value exactly as insertRows does, on either database', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => row(i + 1)))), async (rows) => {
        await database.db.execute(sql`delete from insert_rows_probe`);
        await database.db.execute(insertValuesSql(probe, rows));
        const { data: _data, ...columns } = getTableColumns(probe);
        const back = await database.db.select({ ...columns, data: sql<string | null>`${probe.data}::text` }).from(probe).orderBy(probe.id);
        expect(back.map((b) => ({ ...b, data: b.data === null ? null : (JSON.parse(b.data) as unknown) }))).toEqual(rows.map((r) => ({ ...r, note: 'none' })));
      }),
      { numRuns: 25 },
    );
  });

  it('computes SQL cells in the statement and gives a column a row leaves out its default', async () => {
    await database.db.execute(sql`delete from insert_rows_probe`);
    await database.db.execute(insertValuesSql(probe, [{ id: 1, amount: sql`40 + 2`, label: sql`upper(${'it\'s "x"'})` }, { id: 2, amount: 7, note: 'given' }]));
    const back = await database.db.select({ id: probe.id, label: probe.label, amount: probe.amount, flag: probe.flag, note: probe.note }).from(probe).orderBy(probe.id);
    expect(back).toEqual([{ id: 1, label: 'IT\'S "X"', amount: 42, flag: false, note: 'none' }, { id: 2, label: null, amount: 7, flag: false, note: 'given' }]);
  });
});
