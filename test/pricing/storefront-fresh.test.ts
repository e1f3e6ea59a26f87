import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { openDatabase, type Database, type Db } from '../../src/db/client.ts';
import { createTestApp, memoryMailer, type TestApp } from '../harness.ts';
import { cards, pricedStore } from './storefront-fixture.ts';

/** Counts the SQL statements run through a Drizzle handle (every query goes through prepareQuery). */
function countQueries(db: Db): { texts: string[]; stop: () => void } {
  const session = (db as unknown as { session: { prepareQuery: (q: { sql: string }, ...rest: unknown[]) => unknown } }).session;
  const original = session.prepareQuery;
  const texts: string[] = [];
  session.prepareQuery = function (this: unknown, q: { sql: string }, ...rest: unknown[]) {
    texts.push(q.sql);
    return original.call(this, q, ...rest);
  };
  return { texts, stop: () => void (session.prepareQuery = original) };
}

describe('storefront prices stay current across server processes', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof pricedStore>>;
  let second: App;
  let secondDb: Database | null = null;
  // A fresh store per test, not per file: each test changes the prices or memberships the next
  // attempt starts from, so CI's retry of a failed test could not pass on the first attempt's state.
  beforeEach(async () => {
    t = await createTestApp();
    s = await pricedStore(t);
    // A second application on the same database: its own connection pool and LISTEN connection on
    // PostgreSQL; with PGlite (one in-process database) the same handle, notified in process.
    if (t.database.kind === 'postgres') {
      const [row] = await t.database.query<{ name: string }>('select current_database() as name');
      const name = row!.name;
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${name}`;
      secondDb = await openDatabase({ url: url.toString(), poolSize: 4 });
    }
    second = await buildApp({ config: t.config, database: secondDb ?? t.database, mailer: memoryMailer(), webDir: '/nonexistent' });
    await second.ready();
  });
  afterEach(async () => {
    await second.close();
    await secondDb?.close();
    secondDb = null;
    await t.close();
  });

  it('shows a price entry changed through one instance on listings of the other within a second', async () => {
    const other = { ...t, app: second };
    expect((await cards(other, s.builder, 'Pricing Hammer')).get('Pricing Hammer')!.price!.unitPrice.amount).toBe(8_800);
    const put = await s.call(s.admin, 'PUT', `/api/admin/price-lists/${s.groupListId}/entries`, { items: [{ sku: 'SFP-1', unitPrice: 8_500 }] });
    expect(put.statusCode, put.body).toBe(200);
    const start = Date.now();
    let seen = 0;
    while (Date.now() - start < 1_000) {
      seen = (await cards(other, s.builder, 'Pricing Hammer')).get('Pricing Hammer')!.price!.unitPrice.amount;
      if (seen === 8_500) break;
      await new Promise((r) => setTimeout(r, 10));
    }
    expect(seen).toBe(8_500);
    expect(Date.now() - start).toBeLessThan(1_000);
  });

  it("applies a company's new group membership on the other instance within a second", async () => {
    const other = { ...t, app: second };
    const price = async () => (await cards(other, s.outsider, 'Pricing Hammer')).get('Pricing Hammer')!.price!.unitPrice.amount;
    expect(await price()).toBe(10_000);
    const joined = await s.call(s.admin, 'POST', `/api/admin/customer-groups/${s.group.id}/static-members/${s.outsider.company.id}`);
    expect(joined.statusCode, joined.body).toBeLessThan(300);
    // The group list's price of the fixture (8,800), as the builder, a member, sees it.
    const start = Date.now();
    let seen = await price();
    while (seen !== 8_800 && Date.now() - start < 1_000) {
      await new Promise((r) => setTimeout(r, 10));
      seen = await price();
    }
    expect(seen).toBe(8_800);
  });

  it('also picks up a new contract price and a list going to draft', async () => {
    const other = { ...t, app: second };
    const eventually = async (expected: number) => {
      const start = Date.now();
      let seen = 0;
      while (Date.now() - start < 1_000) {
        seen = (await cards(other, s.builder, 'Pricing Hammer')).get('Pricing Hammer')!.price!.unitPrice.amount;
        if (seen === expected) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      expect(seen).toBe(expected);
    };
    await s.ok('POST', `/api/admin/companies/${s.builder.company.id}/contract-prices`, { sku: 'SFP-1', currency: 'PKR', unitPrice: 7_000, reference: 'C-10', validTo: '2999-01-01T00:00:00Z' });
    await eventually(7_000);
    await s.ok('PATCH', `/api/admin/price-lists/${s.groupListId}`, { status: 'draft' });
    // The builder's contract (7,000) beats the group list either way, so only the outsider — priced
    // by that list until it went to draft — shows when the other instance has heard of it.
    const outsiderPrice = async () => (await cards(other, s.outsider, 'Pricing Hammer')).get('Pricing Hammer')!.price!.unitPrice.amount;
    const start = Date.now();
    let seen = await outsiderPrice();
    while (seen !== 10_000 && Date.now() - start < 1_000) {
      await new Promise((r) => setTimeout(r, 10));
      seen = await outsiderPrice();
    }
    expect(seen).toBe(10_000);
    await eventually(7_000);
  });

  it('runs no query for prices on a warm personalised listing', async () => {
    await cards(t, s.builder, 'Pricing');
    const counter = countQueries(t.database.db);
    try {
      await cards(t, s.builder, 'Pricing');
    } finally {
      counter.stop();
    }
    // Neither price data nor the company's pricing context (record, group memberships) is read.
    const pricing = counter.texts.filter((q) => /price_list|contract_prices|from "companies"|from "customer_group_members"/.test(q));
    expect(pricing).toEqual([]);
    // What remains is the request's own: the session and the company's catalogs (2 when this was written).
    expect(counter.texts.length).toBeLessThanOrEqual(4);
  });
});
