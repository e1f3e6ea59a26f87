/**
 * Our pricing on the shape of Medusa's published pricing benchmark: 20,000 variants, 200 group
 * price lists holding 668,000 list prices, a customer in 2 groups; price 48 and 500 variants for
 * that customer, in process, through the same path the storefront and carts use (database
 * loader + engine), on PostgreSQL. Medusa v2.21's pricing module, measured on a machine of this
 * kind: 48 prices in 14.5 ms median (p99 37 ms), 500 prices in 53 ms median.
 *
 *   BENCH_DATABASE_URL=postgres://…/precis_bench_medusa npx tsx bench/medusa-shape.ts [--reuse] [--runs 300]
 *
 * A `select 1` round trip on the same pool is reported as the floor any database-backed call pays.
 */
import { loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemCtx, hashPassword } from '../src/modules/accounts/index.ts';
import { priceForCompany, storePricer, priceListEntries, priceLists, priceListTargets } from '../src/modules/pricing/index.ts';
import { customerGroupMembers, customerGroups, customerGroupStaticMembers } from '../src/modules/segments/index.ts';
import { bulkInsert } from '../src/seed/bulk-insert.ts';
import { generateDataset } from '../src/seed/generate.ts';
import { clearSeededTables, hasData, loadDataset } from '../src/seed/load.ts';
import { createRng } from '../src/seed/prng.ts';
import { idMaker } from '../src/seed/ids.ts';
import { ensureDatabase } from './load.ts';

const { values: opts } = parseArgs({ options: { reuse: { type: 'boolean', default: false }, runs: { type: 'string', default: '300' } } });
const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/precis_bench_medusa';
const RUNS = Number(opts.runs);
const GROUPS = 200;
const PRICES_PER_LIST = 3_340; // 200 × 3,340 = 668,000 list prices
const CUSTOMERS = 50;

const pct = (xs: number[], p: number) => {
  const s = xs.slice().sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] as number;
};

async function load(database: Awaited<ReturnType<typeof openDatabase>>): Promise<void> {
  if (await hasData(database)) await clearSeededTables(database);
  const t0 = performance.now();
  // The catalog and companies of our generator at 20,000 variants; pricing: base lists only.
  const data = generateDataset({ products: 6_667, variants: 20_000, companies: 1_000, salesReps: 10 }, 'medusa-shape', { groups: 0, ruleGroups: 0, lists: 0, entries: 0, tieredShare: 0, contracts: 0 });
  const bases = data.priceLists.filter((l) => l.kind === 'base');
  const baseIds = new Set(bases.map((l) => l.id));
  await loadDataset(database, { ...data, groups: [], priceLists: bases, priceEntries: data.priceEntries.filter((e) => baseIds.has(e.listId)), contracts: [] }, { passwordHash: await hashPassword('not-used-here') });
  // Medusa's shape on top: 200 customer groups, one USD price list each with 3,340 prices; 50 US customers in 2 groups each.
  const rng = createRng('medusa-shape-lists');
  const id = idMaker(rng);
  const usd = data.companies.filter((c) => c.currency === 'USD').slice(0, CUSTOMERS);
  const groups = Array.from({ length: GROUPS }, (_, i) => ({ id: id('group'), name: `Medusa-shape group ${i + 1}` }));
  const members = usd.flatMap((c) => rng.sample(groups, 2).map((g) => ({ groupId: g.id, companyId: c.id })));
  const lists = groups.map((g, i) => ({ id: id('priceList'), name: `Group list ${i + 1}`, currency: 'USD', status: 'active' as const, priority: 0, kind: 'standard' as const, groupId: g.id }));
  const entries = lists.flatMap((l) => rng.sample(data.variants, PRICES_PER_LIST).map((v) => ({ listId: l.id, variantId: v.id, unitPrice: Math.max(1, Math.round(v.priceCents * (0.8 + rng.next() * 0.15))) })));
  await database.withConnection(async (conn) => {
    await bulkInsert(conn, customerGroups, groups.map((g) => ({ id: g.id, name: g.name })));
    await bulkInsert(conn, customerGroupStaticMembers, members);
    await bulkInsert(conn, customerGroupMembers, members.map((m) => ({ ...m, reason: 'static member' })));
    await bulkInsert(conn, priceLists, lists.map(({ groupId: _g, ...l }) => l));
    await bulkInsert(conn, priceListTargets, lists.map((l) => ({ listId: l.id, type: 'group' as const, targetId: l.groupId, includeDescendants: false })));
    await bulkInsert(conn, priceListEntries, entries, { batchSize: 20_000 });
    await conn.exec('analyze');
  });
  console.log(`Loaded in ${((performance.now() - t0) / 1000).toFixed(0)} s: ${data.variants.length.toLocaleString('en')} variants, ${lists.length} group lists with ${entries.length.toLocaleString('en')} prices, ${usd.length} customers in 2 groups each.`);
}

async function main(): Promise<void> {
  await ensureDatabase(url);
  const database = await openDatabase({ url, poolSize: 4 });
  try {
    await migrate(database);
    const [row] = await database.query<{ n: number }>("select count(*)::int as n from price_lists where name like 'Group list %'");
    if (!opts.reuse || !row?.n) await load(database);
    const ctx = systemCtx(database.db);
    const customers = (await database.query<{ company_id: string }>('select distinct company_id from customer_group_members')).map((r) => r.company_id);
    const variantIds = (await database.query<{ id: string }>('select id from variants')).map((r) => r.id);
    const rng = createRng('medusa-shape-run');
    // The storefront's (and carts') path: the buyer's company, through the process-wide price cache.
    const buyerCtx = (companyId: string) => ({ ...ctx, actor: { kind: 'buyer' as const, userId: 'usr_bench', companyId, email: 'bench@precis.local', permissions: new Set<string>(), sessionId: 'ses_bench' } });
    const time = async (n: number, cached: boolean) => {
      const samples: number[] = [];
      for (let i = 0; i < RUNS + 30; i++) {
        const companyId = rng.pick(customers);
        const lines = rng.sample(variantIds, n).map((variantId) => ({ variantId, quantity: 1 }));
        const t = performance.now();
        const priced = cached
          ? (await storePricer(buyerCtx(companyId), lines.map((l) => l.variantId), 'lowest')).cart(lines)
          : await priceForCompany(ctx, { companyId, strategy: 'lowest' }, lines);
        const ms = performance.now() - t;
        if (priced?.lines.length !== n || priced.unpriced.length > 0) throw new Error('not every line was priced');
        if (i >= 30) samples.push(ms);
      }
      return samples;
    };
    const floor: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await database.query('select 1');
      floor.push(performance.now() - t);
    }
    // Warm: every variant's entries (shared by all companies) and every customer's context, as a
    // running storefront would have them; the uncached loader below reads the database every call.
    for (let i = 0; i < variantIds.length; i += 1_000) await storePricer(buyerCtx(customers[0] as string), variantIds.slice(i, i + 1_000), 'lowest');
    for (const c of customers) await storePricer(buyerCtx(c), variantIds.slice(0, 1), 'lowest');
    console.log(`\n| path | prices per call | median | p99 | Medusa v2.21 median (p99) |`);
    console.log('|---|---:|---:|---:|---:|');
    for (const cached of [true, false]) {
      for (const [n, medusa] of [[48, '14.5 ms (37 ms)'], [500, '53 ms']] as const) {
        const s = await time(n, cached);
        const path = cached ? 'storefront/cart pricer (process cache warm)' : 'uncached loader (priceForCompany, 8 queries)';
        console.log(`| ${path} | ${n} | ${pct(s, 50).toFixed(2)} ms | ${pct(s, 99).toFixed(2)} ms | ${medusa} |`);
      }
    }
    console.log(`| select 1 (floor) | | ${pct(floor, 50).toFixed(2)} ms | ${pct(floor, 99).toFixed(2)} ms | |`);
    console.log(`\n${RUNS} calls each after 30 warm-up calls, random customer and variants; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
  } finally {
    await database.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
