import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { readTogether, readValue } from '../../src/db/read-together.ts';
import { createTestDatabase } from '../harness.ts';
import { unique } from '../helpers/unique.ts';

let database: Database;
let drop: () => Promise<void>;

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await database.exec(`
    create sequence rt_seq start 1;
    create table rt_item (id text primary key, owner text not null, qty int not null);
    create table rt_account (id text primary key, balance bigint not null);
  `);
});
afterAll(async () => drop());

describe('readTogether: several reads as one statement', () => {
  it('answers each part under its name, mapped by its owner; a part that finds nothing answers null', async () => {
    const [owner, acct] = [unique('o'), unique('a')];
    await database.query(`insert into rt_item (id, owner, qty) values ($1, $2, 2), ($3, $2, 5)`, [unique('i'), owner, unique('i')]);
    await database.query(`insert into rt_account (id, balance) values ($1, 700)`, [acct]);
    const r = await readTogether(database.db, {
      items: { sql: sql`select coalesce(json_agg(json_build_object('qty', qty) order by qty), '[]') from rt_item where owner = ${owner}`, map: (v) => (v as { qty: number }[]).map((i) => i.qty) },
      balance: { sql: sql`select balance::text from rt_account where id = ${acct}`, map: (v) => (v === null ? null : Number(v)) },
      missing: { sql: sql`select json_build_object('id', id) from rt_account where id = ${unique('none')}`, map: (v) => v },
      known: readValue('given'),
    });
    expect(r).toEqual({ items: [2, 5], balance: 700, missing: null, known: 'given' });
  });

  it('evaluates the parts in the order given (locks are taken in that order)', async () => {
    const r = await readTogether(database.db, {
      first: { sql: sql`select nextval('rt_seq')`, map: Number },
      second: { sql: sql`select nextval('rt_seq')`, map: Number },
      third: { sql: sql`select nextval('rt_seq')`, map: Number },
    });
    expect(r.second).toBe(r.first + 1);
    expect(r.third).toBe(r.second + 1);
  });

  it('a part may lock its rows: they stay locked until the transaction ends', async () => {
    const acct = unique('a');
    await database.query(`insert into rt_account (id, balance) values ($1, 10)`, [acct]);
    const seen = await database.db.transaction(async (tx) => {
      const r = await readTogether(tx, {
        account: { sql: sql`select json_build_object('balance', a.balance) from (select balance from rt_account where id = ${acct} for update) a`, map: (v) => v as { balance: number } },
      });
      // The row lock is held by this transaction: a no-wait lock on it from the same transaction succeeds, and it is listed as ours.
      const locks = (await tx.execute(sql`select count(*)::int as n from pg_locks where locktype = 'transactionid' and pid = pg_backend_pid()`)) as unknown as { rows: { n: number }[] };
      return { r, txLocks: locks.rows[0]!.n };
    });
    expect(seen.r.account).toEqual({ balance: 10 });
    // A row lock makes the transaction take an xid (row locks are recorded on the row under it).
    expect(seen.txLocks).toBeGreaterThan(0);
  });

  it('answers {} for no parts without a round trip', async () => {
    expect(await readTogether(database.db, {})).toEqual({});
  });
});
