/**
 * Order history over HTTP: a buyer of a company with 10,000 orders opens their order history (the
 * newest 25), pages on with the cursor, filters by status and searches a PO number. Requests run
 * one after another, so the median is a single request's latency. The target: the order
 * history page median ≤ 20 ms.
 *
 *   BENCH_DATABASE_URL=postgres://…/precis_bench npx tsx bench/order-history.ts [--reuse] [--scale large]
 *     [--orders 10000] [--requests 300] [--runs 3]
 *
 * Without --reuse it (re)loads the data set first (bench/load.ts). It then gives one company
 * `--orders` orders of its own (three lines each, spread over two years; rows marked 'bench' in
 * notes are replaced on every run), besides whatever orders the data set already has.
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { ScaleName } from '../src/seed/index.ts';
import { freePort, median, startProcess } from './processes.ts';
import { DEFAULT_BENCH_URL, loadScale } from './load.ts';
import { concurrent, fmt, headers, query, signIn, type Run } from './orders-kit.ts';

const { values: opts } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    scale: { type: 'string', default: 'large' },
    orders: { type: 'string', default: '10000' },
    requests: { type: 'string', default: '300' },
    runs: { type: 'string', default: '3' },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
const log = (line: string) => console.log(line);

/** One company's orders, generated in SQL: ids and numbers unique, statuses mixed, PO numbers on most. */
async function generate(companyId: string, userId: string, n: number): Promise<void> {
  await query(url, `delete from orders where company_id = $1 and notes = 'bench'`, [companyId]);
  const [v] = await query<{ id: string; sku: string }>(url, `select id, sku from variants order by id limit 1`);
  await query(
    url,
    `with o as (
       insert into orders (id, number, company_id, placed_by, status, currency, subtotal, shipping_total, tax_total, total, payment_method, payment_terms, po_number, notes, ship_to, placed_at, created_at, updated_at)
       select 'ord_' || substr(md5($1 || g::text), 1, 26), 'SO-B' || substr(md5($1), 1, 6) || '-' || g, $1, $2,
              (array['placed','confirmed','partially_shipped','shipped','delivered','delivered','delivered','cancelled'])[1 + g % 8],
              c.currency, 30000 + g % 1000, 1000, 4500, 35500 + g % 1000, 'account', 'net30',
              case when g % 5 = 0 then null else 'PO-' || g end, 'bench',
              jsonb_build_object('locationId', null, 'name', 'Bench depot', 'line1', '1 Bench Road', 'line2', null, 'city', 'Bench City', 'region', null, 'postalCode', null, 'country', c.country, 'phone', null),
              now() - (g || ' hours')::interval * 1.75, now(), now()
         from generate_series(1, $3::int) g, companies c where c.id = $1
       returning id)
     insert into order_lines (order_id, line_no, variant_id, sku, name, quantity, unit_price, line_total)
     select o.id, l, $4, $5, 'Bench item', 1, 10000, 10000 from o, generate_series(1, 3) l`,
    [companyId, userId, n, v?.id ?? null, v?.sku ?? 'BENCH-1'],
  );
  await query(url, 'analyze orders');
  await query(url, 'analyze order_lines');
}

async function main(): Promise<void> {
  log(`# Order history benchmark ${new Date().toISOString()}`);
  log(`${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const load = await loadScale(url, opts.scale as ScaleName, { reuse: opts.reuse, log });
  log(load.reused ? 'Reused the loaded data set.' : `Loaded the ${opts.scale} data set in ${((load.generateMs + load.loadMs) / 1000).toFixed(0)} s.`);

  const [buyer] = await query<{ email: string; user_id: string; company_id: string }>(
    url,
    `select u.email, u.id as user_id, m.company_id from company_users u join company_memberships m on m.user_id = u.id join companies co on co.id = m.company_id
      where co.status = 'active' and u.status = 'active' and m.role = 'buyer' order by m.company_id, u.id limit 1`,
  );
  if (!buyer) throw new Error('no buyer in the data set');
  const t0 = performance.now();
  await generate(buyer.company_id, buyer.user_id, Number(opts.orders));
  const [count] = await query<{ n: string }>(url, 'select count(*)::text as n from orders where company_id = $1', [buyer.company_id]);
  log(`Company ${buyer.company_id}: ${Number(count?.n).toLocaleString('en')} orders (generated in ${((performance.now() - t0) / 1000).toFixed(1)} s).`);

  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  const app = await startProcess('src/main.ts', { DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(appPort), SEED_ON_START: 'never', LOG_LEVEL: 'warn', LOGIN_IP_LIMIT_PER_MINUTE: '100000' }, `${base}/readyz`, 120_000);
  try {
    const s = await signIn(base, buyer.email);
    const get = (p: string) => () => fetch(`${base}${p}`, { headers: headers(s) });
    const first = (await (await get('/api/store/orders?limit=25')()).json()) as { items: unknown[]; nextCursor: string | null };
    if (first.items.length !== 25 || !first.nextCursor) throw new Error('the first page is not a full page with a cursor');
    // A cursor 40 pages deep: keyset pagination should cost the same as the first page.
    let deep = first.nextCursor;
    for (let i = 0; i < 40 && deep; i++) deep = ((await (await get(`/api/store/orders?limit=25&cursor=${deep}`)()).json()) as { nextCursor: string | null }).nextCursor ?? deep;
    const n = Number(opts.requests);
    const targets = [
      { name: 'first page (25 newest)', path: '/api/store/orders?limit=25' },
      { name: 'page 41 by cursor', path: `/api/store/orders?limit=25&cursor=${deep}` },
      { name: 'filter status=shipped', path: '/api/store/orders?limit=25&status=shipped' },
      { name: 'search PO "PO-777"', path: '/api/store/orders?limit=25&q=PO-777' },
    ];
    const results: { name: string; runs: Run[] }[] = [];
    for (const t of targets) {
      await concurrent(1, Array.from({ length: Math.min(50, n) }, () => get(t.path)));
      const runs: Run[] = [];
      for (let i = 0; i < Number(opts.runs); i++) {
        const r = await concurrent(1, Array.from({ length: n }, () => get(t.path)));
        log(`  ${t.name} run ${i + 1}: ${fmt(r)}`);
        runs.push(r);
      }
      results.push({ name: t.name, runs });
    }
    log(`\n| order history, ${Number(count?.n).toLocaleString('en')} orders (${n} sequential, median of ${opts.runs} runs) | median | p90 | p99 | failed |`);
    log('|---|---:|---:|---:|---:|');
    for (const r of results) {
      const m = (f: (x: Run) => number) => median(r.runs.map(f)).toFixed(2);
      log(`| ${r.name} | ${m((x) => x.p50)} ms | ${m((x) => x.p90)} ms | ${m((x) => x.p99)} ms | ${r.runs.reduce((a, x) => a + x.failed, 0)} |`);
    }
    log(`\nTarget: median ≤ 20 ms. Load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
  } finally {
    app.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
