/**
 * Segment re-evaluation with purchase metrics, on PostgreSQL, through the real services:
 *  - the scheduled full run (`segments.reevaluate`: every company's metrics recomputed from its
 *    order history, then every group re-evaluated) for 10,000 companies against 200 rule groups,
 *    most of them over metrics (target ≤ 10 s);
 *  - one company after an order (the `order.placed` outbox handler: record the order, recompute that
 *    company's metrics, re-evaluate its groups), target ≤ 20 ms.
 *
 *   SEGMENTS_BENCH_URL=postgres://postgres:postgres@127.0.0.1:5432/precis_segments_bench npx tsx bench/segments-metrics.ts
 *     [--companies 10000] [--rules 200] [--orders 20] [--events 200] [--reuse] [--events-only]
 *
 * Builds its own database (dropped and recreated unless --reuse): companies in 3-level trees, a
 * catalog of 2,000 variants in 40 categories, `orders` orders per company on average over two years
 * (3 lines each), 200 rule groups from templates over attributes and metrics. Data come from
 * PostgreSQL's random() after setseed, so runs are comparable.
 */
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { inTx } from '../src/http/context.ts';
import { systemCtx } from '../src/modules/accounts/index.ts';
import { compileRule, refreshAllAndReevaluate, segmentsEventHandlers } from '../src/modules/segments/index.ts';

const { values: opt } = parseArgs({
  options: {
    companies: { type: 'string', default: '10000' },
    rules: { type: 'string', default: '200' },
    orders: { type: 'string', default: '20' },
    events: { type: 'string', default: '200' },
    reuse: { type: 'boolean', default: false },
    'events-only': { type: 'boolean', default: false },
  },
});
const COMPANIES = Number(opt.companies);
const RULES = Number(opt.rules);
const ORDERS = Number(opt.orders);
const EVENTS = Number(opt.events);
const url = process.env.SEGMENTS_BENCH_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/precis_segments_bench';

const NOW = new Date('2026-11-27T02:00:00Z');
let now = NOW;
const clock = { now: () => now };

async function recreate(): Promise<void> {
  const target = new URL(url);
  const name = target.pathname.slice(1);
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new pg.Client({ connectionString: admin.toString() });
  await c.connect();
  await c.query(`drop database if exists ${name} with (force)`);
  await c.query(`create database ${name}`);
  await c.end();
}

async function generate(database: Database): Promise<void> {
  const t0 = performance.now();
  await database.exec(`
    select setseed(0.42);
    insert into brands (id, name, slug) select 'brd_b' || i, 'Brand ' || i, 'brand-' || i from generate_series(1, 12) i;
    insert into categories (id, parent_id, name, slug, path, depth)
      select 'cat_r' || i, null, 'Root ' || i, 'root-' || i, 'cat_r' || i || '/', 0 from generate_series(1, 8) i;
    insert into categories (id, parent_id, name, slug, path, depth)
      select 'cat_c' || i, 'cat_r' || (1 + i % 8), 'Child ' || i, 'child-' || i, 'cat_r' || (1 + i % 8) || '/cat_c' || i || '/', 1 from generate_series(1, 32) i;
    insert into products (id, slug, name, brand_id, category_id, status)
      select 'prd_p' || i, 'product-' || i, 'Product ' || i, 'brd_b' || (1 + i % 12), 'cat_c' || (1 + i % 32), 'active' from generate_series(1, 1000) i;
    insert into variants (id, product_id, sku) select 'var_v' || i, 'prd_p' || (1 + i % 1000), 'SKU-' || i from generate_series(1, 2000) i;
    insert into companies (id, parent_id, path, depth, legal_name, industry, country, region, currency, tags, created_at)
      select 'cmp_' || lpad(i::text, 26, '0'),
        case when i <= ${Math.round(COMPANIES * 0.05)} then null when i <= ${Math.round(COMPANIES * 0.3)} then 'cmp_' || lpad((1 + i % ${Math.round(COMPANIES * 0.05)})::text, 26, '0')
             else 'cmp_' || lpad((${Math.round(COMPANIES * 0.05)} + 1 + i % ${Math.round(COMPANIES * 0.25)})::text, 26, '0') end,
        '{}', 0, 'Company ' || i,
        (array['construction','mining','retail','hospitality','agriculture','energy'])[1 + floor(random() * 6)::int],
        (array['PK','AE','SA','BD','EG'])[1 + floor(random() * 5)::int],
        'r' || floor(random() * 8)::int,
        (array['PKR','PKR','PKR','USD','AED'])[1 + floor(random() * 5)::int],
        case when random() < 0.3 then array['vip'] else '{}' end,
        timestamptz '2020-01-01' + random() * interval '6 years'
      from generate_series(1, ${COMPANIES}) i order by i;
    insert into purchase_orders (id, company_id, source, external_ref, ordered_at, currency, total, status)
      select 'pho_o' || n, c.id, 'erp', 'SO-' || n, timestamptz '${NOW.toISOString()}' - random() * interval '730 days', c.currency, 0,
        case when random() < 0.03 then 'cancelled' else 'delivered' end
      from (select row_number() over () as n, c.id, c.currency from companies c, generate_series(1, ${ORDERS * 2}) k where random() < 0.5) c;
    insert into purchase_order_lines (order_id, line_no, variant_id, sku, category_id, category_slug, brand_slug, quantity, amount)
      select o.id, l, v.id, v.sku, p.category_id, cat.slug, b.slug, q, q * (500 + floor(random() * 200000))::bigint
      from purchase_orders o cross join generate_series(1, 3) l
      cross join lateral (select 1 + floor(random() * 2000)::int as vi, 1 + floor(random() * 50)::int as q offset 0) r
      join variants v on v.id = 'var_v' || r.vi join products p on p.id = v.product_id join categories cat on cat.id = p.category_id join brands b on b.id = p.brand_id;
    update purchase_orders o set total = s.t from (select order_id, sum(amount) t from purchase_order_lines group by order_id) s where s.order_id = o.id;
    insert into purchase_open_quotes (quote_id, company_id, opened_at) select 'quo_' || id, id, timestamptz '${NOW.toISOString()}' - interval '3 days' from companies where random() < 0.2;
    insert into purchase_overdue_invoices (invoice_id, company_id, currency, amount, due_at) select 'inv_' || id, id, currency, 1000000, timestamptz '${NOW.toISOString()}' - interval '10 days' from companies where random() < 0.1;
    analyze;
  `);
  const [n] = await database.query<{ orders: number; lines: number }>('select (select count(*)::int from purchase_orders) orders, (select count(*)::int from purchase_order_lines) lines');
  console.log(`  generated ${COMPANIES.toLocaleString('en')} companies, ${n!.orders.toLocaleString('en')} orders, ${n!.lines.toLocaleString('en')} lines in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

/** Rule templates: most read metrics (spend, counts, average, dates, categories, brands, quotes, overdue). */
function rules(count: number): string[] {
  const ind = ['construction', 'mining', 'retail', 'hospitality', 'agriculture', 'energy'];
  const cc = ['PK', 'AE', 'SA', 'BD', 'EG'];
  const templates = [
    (i: number) => `industry = "${ind[i % 6]}" and spend_90d >= ${(i % 7) * 20000 + 5000}.00 PKR`,
    (i: number) => `country = "${cc[i % 5]}" and order_count_365d >= ${(i % 10) + 3}`,
    (i: number) => `categories_bought contains "child-${(i % 32) + 1}" and spend_lifetime > ${(i % 5) * 100000}.00 PKR`,
    (i: number) => `brands_bought contains "brand-${(i % 12) + 1}" and last_order_at >= date("2026-${String((i % 9) + 1).padStart(2, '0')}-01")`,
    (i: number) => `average_order_value >= ${(i % 6) * 5000 + 1000}.00 PKR or spend_30d >= ${(i % 4) * 1000 + 500}.00 USD`,
    (i: number) => `open_quote_count >= 1 and tags contains "vip" and order_count_90d >= ${i % 3}`,
    (i: number) => `overdue_invoice_amount > 0.00 ${['PKR', 'USD', 'AED'][i % 3]} or (depth >= 1 and spend_365d < ${(i % 5) * 10000 + 1000}.00 PKR)`,
    (i: number) => `descendant_of("cmp_${String((i % Math.max(1, Math.round(COMPANIES * 0.05))) + 1).padStart(26, '0')}") and first_order_at < date("2025-0${(i % 9) + 1}-01")`,
  ];
  return Array.from({ length: count }, (_, i) => templates[i % templates.length]!(i));
}

async function insertGroups(database: Database): Promise<void> {
  const list = rules(RULES);
  for (let i = 0; i < list.length; i++) {
    const r = compileRule(list[i]!);
    if (!r.ok) throw new Error(`${list[i]}: ${r.errors[0]?.message}`);
    await database.query('insert into customer_groups (id, name, rule_source, rule_ast) values ($1, $2, $3, $4::jsonb)', [`grp_bench${String(i).padStart(4, '0')}`, `Bench group ${i}`, list[i], JSON.stringify(r.ast)]);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function main(): Promise<void> {
  console.log(`segments-metrics: ${COMPANIES} companies × ${RULES} rule groups, ~${ORDERS} orders per company (Node ${process.version}, ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)})`);
  if (!opt.reuse) await recreate();
  const database = await openDatabase({ url, poolSize: 4 });
  try {
    await migrate(database);
    if (!opt.reuse) {
      await generate(database);
      await insertGroups(database);
    }
    const ctx = () => systemCtx(database.db, { clock });
    const cpuMs = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    const full = async (label: string) => {
      const t0 = performance.now();
      const c0 = cpuMs();
      const r = await refreshAllAndReevaluate(ctx());
      const ms = performance.now() - t0;
      const cpu = cpuMs() - c0;
      const [m] = await database.query<{ n: number }>('select count(*)::int n from customer_group_members');
      console.log(`  full run, ${label.padEnd(44)} ${(ms / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} s Node CPU  (${r.companies} companies, +${r.joined} / −${r.left}, ${m!.n.toLocaleString('en')} memberships)`);
      return ms;
    };
    const steady: number[] = [];
    if (!opt['events-only']) {
      await full('first (every membership is new):');
      now = new Date(NOW.getTime() + 86_400_000);
      for (let d = 0; d < 3; d++) {
        steady.push(await full(`next night (+${d + 1} day, windows moved):`));
        now = new Date(now.getTime() + 86_400_000);
      }
      await database.exec('vacuum analyze');
    } else now = new Date(NOW.getTime() + 5 * 86_400_000);
    // The floor under every figure on a shared machine: one trivial round trip to the server.
    const trips: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      await database.query('select 1');
      trips.push(performance.now() - t0);
    }

    // One order at a time through the order.placed handler, each in its own transaction (as the outbox does).
    const handler = segmentsEventHandlers['order.placed'][0];
    const ids = await database.query<{ id: string; currency: string }>('select id, currency from companies order by id');
    const per: number[] = [];
    const perCpu: number[] = [];
    let joined = 0;
    for (let i = 0; i < EVENTS; i++) {
      const c = ids[(i * 7919) % ids.length]!;
      const event = {
        id: `evt_bench_${i}`,
        type: 'order.placed',
        aggregateId: `ord_bench_${i}`,
        payload: { companyId: c.id, orderNumber: `B-${i}`, placedAt: now.toISOString(), currency: c.currency, total: 5_000_000_00, lines: [{ variantId: `var_v${1 + (i % 2000)}`, sku: `SKU-${1 + (i % 2000)}`, quantity: 10, amount: 5_000_000_00 }] },
      };
      const t0 = performance.now();
      const c0 = cpuMs();
      await inTx(ctx(), async (tx) => handler(tx, event));
      per.push(performance.now() - t0);
      perCpu.push(cpuMs() - c0);
      joined += 0;
    }
    const [log] = await database.query<{ n: number }>("select count(*)::int n from customer_group_membership_log where at = $1", [now.toISOString()]);
    console.log(`  one company after an order (record + metrics + ${RULES} groups), ${EVENTS} orders: median ${median(per.slice(10)).toFixed(1)} ms, p95 ${pct(per.slice(10), 0.95).toFixed(1)} ms, max ${Math.max(...per.slice(10)).toFixed(1)} ms (${log!.n + joined} joins/leaves logged); Node CPU median ${median(perCpu.slice(10)).toFixed(1)} ms`);
    console.log(`  one trivial round trip (select 1), median ${median(trips).toFixed(2)} ms, p95 ${pct(trips, 0.95).toFixed(2)} ms; load average ${loadavg()[0]!.toFixed(1)}`);
    if (steady.length) console.log(`  full run, steady nights: median ${(median(steady) / 1000).toFixed(2)} s`);
  } finally {
    await database.close();
  }
}

await main();
