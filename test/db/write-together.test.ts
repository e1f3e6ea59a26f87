import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { writeTogether } from '../../src/db/write-together.ts';
import { createTestDatabase } from '../harness.ts';
import { unique } from '../helpers/unique.ts';

let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await database.exec(`
    create sequence wt_no start 100;
    create table wt_parent (id text primary key, number text not null unique, open boolean not null default true);
    create table wt_child (parent_id text not null references wt_parent (id), n int not null check (n > 0), primary key (parent_id, n));
    create table wt_log (parent_id text not null, note text not null);
  `);
});
afterAll(async () => drop());

const count = async (table: string) => (await database.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;

describe('writeTogether: several writes as one statement', () => {
  it('writes a parent and its children together, shares a drawn number, and lets parts read each other through returning', async () => {
    const [p, seed] = [unique('p'), unique('seed')];
    await database.query(`insert into wt_parent (id, number) values ($1, $1)`, [seed]);
    const r = await writeTogether<{ number: string; closed: number }>(
      database.db,
      [
        ['no', sql`select 'P-' || nextval('wt_no')::text as number`],
        ['parent', sql`insert into wt_parent (id, number) values (${p}, (select number from no))`],
        ['children', sql`insert into wt_child (parent_id, n) select ${p}, g from generate_series(1, 3) g`],
        ['closed', sql`update wt_parent set open = false where id = ${seed} and open returning id`],
        ['log', sql`insert into wt_log (parent_id, note) select id, 'closed with ' || (select number from no) from closed`],
      ],
      sql`select (select number from no) as number, (select count(*)::int from closed) as closed`,
    );
    expect(r).toEqual({ number: expect.stringMatching(/^P-\d+$/), closed: 1 });
    // The number was drawn once: the parent and the log line carry the same one.
    expect(await database.query('select id, number from wt_parent where id = $1', [p])).toEqual([{ id: p, number: r.number }]);
    expect(await database.query('select parent_id, note from wt_log where parent_id = $1', [seed])).toEqual([{ parent_id: seed, note: `closed with ${r.number}` }]);
    expect(await database.query('select count(*)::int as n from wt_child where parent_id = $1', [p])).toEqual([{ n: 3 }]);
  });

  it('writes nothing at all when any part fails (a CHECK at the end of the statement)', async () => {
    const before = [await count('wt_parent'), await count('wt_child'), await count('wt_log')];
    const p = unique('p');
    await expect(
      writeTogether(
        database.db,
        [
          ['parent', sql`insert into wt_parent (id, number) values (${p}, ${p})`],
          ['log', sql`insert into wt_log (parent_id, note) values (${p}, 'written')`],
          ['children', sql`insert into wt_child (parent_id, n) values (${p}, 1), (${p}, 0)`],
        ],
        sql`select 1 as one`,
      ),
    ).rejects.toThrow();
    expect([await count('wt_parent'), await count('wt_child'), await count('wt_log')]).toEqual(before);
  });

  it("hands a part's answer over the parts' returning rows to its receiver, leaving the caller's row as asked", async () => {
    const p = unique('p');
    let got: unknown;
    const r = await writeTogether<{ one: number }>(
      database.db,
      [
        ['no', sql`select 'P-' || nextval('wt_no')::text as number`],
        ['parent', sql`insert into wt_parent (id, number) values (${p}, (select number from no)) returning *`],
        ['children', sql`insert into wt_child (parent_id, n) select ${p}, g from generate_series(1, 2) g returning *`, {
          value: sql`select json_build_object('parent', (select row_to_json(x) from parent x), 'ns', (select json_agg(c.n order by c.n) from children c))`,
          receive: (v) => (got = typeof v === 'string' ? JSON.parse(v) : v),
        }],
      ],
      sql`select 1 as one`,
    );
    expect(r).toEqual({ one: 1 });
    expect(got).toEqual({ parent: { id: p, number: expect.stringMatching(/^P-\d+$/), open: true }, ns: [1, 2] });
  });
});
