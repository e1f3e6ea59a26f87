/**
 * Checkout over HTTP: 16 signed-in buyers of different companies place orders on account from
 * 50-line carts at the same time. Each checkout is one transaction — cart locked and re-validated,
 * re-priced, shipping quoted, tax, 50 inventory rows locked and reserved, credit reserved, order
 * rows, events, outbox — and only the POST /api/store/checkout is timed (carts are filled before).
 * The issue's target: p99 ≤ 150 ms at 16 concurrent buyers.
 *
 *   BENCH_DATABASE_URL=postgres://…/precis_bench npx tsx bench/checkout.ts [--reuse] [--scale large]
 *     [--buyers 16] [--lines 50] [--orders 320] [--runs 2] [--statements]
 *
 * Without --reuse it (re)loads the data set first (bench/load.ts); `--scale small` is a quick check.
 * It then makes its own checkout data on that database: a credit account on Net 30 with a large
 * limit for each buyer's company, a ship-to location where missing, a bench courier per currency
 * serving those countries, and backorders on the SKUs it orders (so thousands of orders never run
 * out of stock).
 */
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import type { ScaleName } from '../src/seed/index.ts';
import { newId } from '../src/lib/ids.ts';
import { cpuPerRequest, sampleCpu, sampleThreads, threadsPerRequest } from './cpu-usage.ts';
import { freePort, median, startProcess } from './processes.ts';
import { DEFAULT_BENCH_URL, drainOutbox, loadScale } from './load.ts';
import { call, concurrent, fmt, headers, query, signIn, type Run, type Session } from './orders-kit.ts';

const { values: opts } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    scale: { type: 'string', default: 'large' },
    buyers: { type: 'string', default: '16' },
    lines: { type: 'string', default: '50' },
    orders: { type: 'string', default: '320' },
    runs: { type: 'string', default: '2' },
    // Needs the pg_stat_statements extension (shared_preload_libraries): the statements of each run.
    statements: { type: 'boolean', default: false },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
const nBuyers = Number(opts.buyers);
const nLines = Number(opts.lines);
const log = (line: string) => console.log(line);

interface Buyer { email: string; companyId: string; session?: Session; skus: string[]; shipTo: string; method: string }

/** Buyers allowed to order, one per company, spread over the data set. */
async function pickBuyers(n: number): Promise<{ email: string; companyId: string }[]> {
  const rows = await query<{ email: string; company_id: string }>(
    url,
    `select distinct on (m.company_id) u.email, m.company_id from company_users u join company_memberships m on m.user_id = u.id
       join companies co on co.id = m.company_id
      where co.status = 'active' and u.status = 'active' and m.role in ('admin', 'buyer')
        and not exists (select 1 from company_membership_locations r where r.user_id = u.id and r.company_id = m.company_id)
      order by m.company_id, u.id limit $1`,
    [n * 10],
  );
  const step = Math.max(1, Math.floor(rows.length / n));
  return rows.filter((_, i) => i % step === 0).slice(0, n).map((r) => ({ email: r.email, companyId: r.company_id }));
}

/** Credit accounts, ship-to locations, a courier per currency and backorderable stock for the bench. */
async function prepare(companyIds: string[], skus: string[]): Promise<void> {
  await query(url, `insert into credit_accounts (company_id, payment_terms, credit_limit, currency)
      select id, 'net30', 1000000000000000, currency from companies where id = any($1)
      on conflict (company_id) do update set payment_terms = 'net30', credit_limit = 1000000000000000, over_limit_action = 'block', po_required = false`, [companyIds]);
  const missing = await query<{ id: string; country: string }>(url, `select c.id, c.country from companies c where c.id = any($1)
      and not exists (select 1 from company_locations l where l.company_id = c.id and l.is_ship_to)`, [companyIds]);
  for (const c of missing) {
    await query(url, `insert into company_locations (id, company_id, name, line1, city, country, is_ship_to, is_default) values ($1, $2, 'Bench depot', '1 Bench Road', 'Bench City', $3, true, false)`, [newId('location'), c.id, c.country]);
  }
  await query(url, `delete from shipping_methods where name like 'Bench courier %'`);
  const zones = await query<{ currency: string; countries: string[] }>(url, `select currency, array_agg(distinct country) as countries from companies where id = any($1) group by currency`, [companyIds]);
  for (const z of zones) {
    const id = newId('shippingMethod');
    await query(url, `insert into shipping_methods (id, name, carrier, currency, est_days_min, est_days_max, position) values ($1, $2, 'Bench', $3, 1, 3, -1)`, [id, `Bench courier ${z.currency}`, z.currency]);
    await query(url, `insert into shipping_method_zones (method_id, country) select $1, unnest($2::text[])`, [id, z.countries]);
    await query(url, `insert into shipping_rate_bands (method_id, max_grams, amount) values ($1, 100000000, 1000)`, [id]);
  }
  const [wh] = await query<{ id: string }>(url, 'select id from warehouses order by id limit 1');
  if (!wh) throw new Error('the data set has no warehouse');
  await query(url, `insert into inventory (variant_id, warehouse_id, on_hand, reserved, backorder)
      select v.id, $2, 0, 0, true from variants v where v.sku = any($1) and not exists (select 1 from inventory i where i.variant_id = v.id)`, [skus, wh.id]);
  await query(url, `update inventory set backorder = true where variant_id in (select id from variants where sku = any($1))`, [skus]);
}

interface CartBody { id: string; lines: { sku: string; problems: unknown[] }[] }

/** The first `n` SKUs this buyer can order at quantity 1 without a problem (a probe cart, then deleted). */
async function goodSkus(base: string, s: Session, candidates: string[], n: number): Promise<string[]> {
  const cart = await call<CartBody>(base, s, 'POST', '/api/store/carts', { name: 'Bench probe', makeCurrent: false });
  const filled = (await call<{ cart: CartBody }>(base, s, 'POST', '/api/store/quick-order/add', { cartId: cart.id, lines: candidates.map((sku) => ({ sku, quantity: 1 })) })).cart;
  await fetch(`${base}/api/store/carts/${cart.id}`, { method: 'DELETE', headers: headers(s) });
  return filled.lines.filter((l) => l.problems.length === 0).map((l) => l.sku).slice(0, n);
}

async function fillCart(base: string, b: Buyer, i: number): Promise<string> {
  const cart = await call<CartBody>(base, b.session!, 'POST', '/api/store/carts', { name: `Bench checkout ${i}`, makeCurrent: false });
  await call(base, b.session!, 'POST', '/api/store/quick-order/add', { cartId: cart.id, lines: b.skus.map((sku) => ({ sku, quantity: 1 })) });
  return cart.id;
}

/**
 * Where PostgreSQL's time went in the run just measured (request path and consumers together):
 * statements by total execution time, with calls and milliseconds per order.
 */
async function printStatements(orders: number): Promise<void> {
  const rows = await query<{ calls: number; ms: number; q: string }>(
    url,
    `select calls::int, total_exec_time::float8 as ms, left(regexp_replace(query, '\\s+', ' ', 'g'), 110) as q
       from pg_stat_statements where query not like '%pg_stat_statements%' order by total_exec_time desc limit 25`,
  );
  const total = rows.reduce((a, r) => a + r.ms, 0);
  log(`    statements (top 25: ${(total / orders).toFixed(1)} ms per order; calls per order, ms per order, statement):`);
  for (const r of rows) log(`    ${(r.calls / orders).toFixed(2).padStart(6)} ${(r.ms / orders).toFixed(2).padStart(6)}  ${r.q}`);
}

async function main(): Promise<void> {
  log(`# Checkout benchmark ${new Date().toISOString()}`);
  log(`${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const load = await loadScale(url, opts.scale as ScaleName, { reuse: opts.reuse, log });
  log(load.reused ? 'Reused the loaded data set.' : `Loaded the ${opts.scale} data set in ${((load.generateMs + load.loadMs) / 1000).toFixed(0)} s.`);

  const picked = await pickBuyers(nBuyers);
  if (picked.length < nBuyers) log(`  warning: only ${picked.length} buyers of distinct companies found`);
  const candidates = (await query<{ sku: string }>(url, `select v.sku from variants v join products p on p.id = v.product_id where v.status = 'active' and p.status = 'active' order by v.id limit $1`, [nLines * 3 * nBuyers])).map((r) => r.sku);
  await prepare(picked.map((b) => b.companyId), candidates);

  // A real mail server in its own process: every order sends its confirmation email, as in
  // production (a refused send would be retried over and over and skew the figures).
  const smtpPort = await freePort();
  const smtp = await startProcess('bench/smtp-sink.ts', { SMTP_SINK_PORT: String(smtpPort) }, `http://127.0.0.1:${smtpPort + 1}/`);
  const appPort = await freePort();
  const base = `http://127.0.0.1:${appPort}`;
  // The baseline, in the same run: a bare Fastify route doing the least a 50-line order must do.
  const floorPort = await freePort();
  const floor = await startProcess('bench/checkout-floor.ts', { DATABASE_URL: url, PORT: String(floorPort), FLOOR_BUYERS: String(nBuyers), FLOOR_LINES: String(nLines) }, `http://127.0.0.1:${floorPort}/ready`);
  const app = await startProcess('src/main.ts', { DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(appPort), SEED_ON_START: 'never', LOG_LEVEL: 'warn', SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, LOGIN_IP_LIMIT_PER_MINUTE: '100000' }, `${base}/readyz`, 120_000);
  try {
    const buyers: Buyer[] = [];
    for (const [i, p] of picked.entries()) {
      const session = await signIn(base, p.email);
      // Each company buys its own assortment (rotated), so buyers share some rows but do not all queue on the same 50.
      const offset = (i * nLines * 3) % candidates.length;
      const skus = await goodSkus(base, session, [...candidates.slice(offset), ...candidates.slice(0, offset)].slice(0, nLines * 6), nLines);
      if (skus.length < nLines) {
        log(`  skipping ${p.email}: only ${skus.length} orderable SKUs`);
        continue;
      }
      const probe = await call<{ id: string }>(base, session, 'POST', '/api/store/carts', { name: 'Bench options', makeCurrent: false });
      await call(base, session, 'POST', '/api/store/quick-order/add', { cartId: probe.id, lines: skus.slice(0, 1).map((sku) => ({ sku, quantity: 1 })) });
      const o = await call<{ selectedLocationId: string | null; selectedShippingMethodId: string | null }>(base, session, 'GET', `/api/store/checkout/options?cartId=${probe.id}`);
      await fetch(`${base}/api/store/carts/${probe.id}`, { method: 'DELETE', headers: headers(session) });
      if (!o.selectedLocationId || !o.selectedShippingMethodId) {
        log(`  skipping ${p.email}: no ship-to or shipping method`);
        continue;
      }
      buyers.push({ ...p, session, skus, shipTo: o.selectedLocationId, method: o.selectedShippingMethodId });
    }
    if (!buyers.length) throw new Error('no buyer could check out');
    log(`${buyers.length} buyers of ${new Set(buyers.map((b) => b.companyId)).size} companies, ${nLines}-line carts.`);

    const perRun = Number(opts.orders);
    const runs: Run[] = [];
    const floorRuns: Run[] = [];
    let firstFailure = '';
    for (let r = 0; r <= Number(opts.runs); r++) {
      const warm = r === 0;
      // A server that has run a while: PostgreSQL keeps a statement's generic plan only after five
      // executions on a connection, and until then plans it afresh (the order's write statement
      // ≈ 7 ms more per execution). Ten orders per buyer run each text ≥ 5 times on each of the
      // pool's (up to 20) connections.
      const count = warm ? buyers.length * 10 : perRun;
      const carts: { b: Buyer; cartId: string }[] = [];
      for (let i = 0; i < count; i++) {
        const b = buyers[i % buyers.length]!;
        carts.push({ b, cartId: await fillCart(base, b, i) });
      }
      const jobs = carts.map(({ b, cartId }) => () =>
        fetch(`${base}/api/store/checkout`, {
          method: 'POST',
          headers: headers(b.session!, { 'idempotency-key': `bench-${cartId}` }),
          body: JSON.stringify({ cartId, shipToLocationId: b.shipTo, shippingMethodId: b.method, paymentMethod: 'account', poNumber: `BENCH-${cartId.slice(-6)}` }),
        }),
      );
      if (opts.statements && !warm) await query(url, 'select pg_stat_statements_reset()');
      const cpuBefore = sampleCpu(app.pid);
      const threadsBefore = sampleThreads(app.pid);
      const t0 = process.hrtime.bigint() / 1000n; // monotonic µs, the clock of V8's CPU profiles
      const result = await concurrent(buyers.length, jobs, (status, body) => (firstFailure ||= `${status} ${body.slice(0, 300)}`));
      // Outbox consumers (metrics, emails) run after the responses: wait for them so their CPU counts.
      await drainOutbox(url);
      log(`  ${warm ? 'warm-up' : `run ${r}`}: ${fmt(result)}; ${cpuPerRequest(cpuBefore, sampleCpu(app.pid), count)}`);
      if (process.env.BENCH_CPU_PROF) log(`  profile window (µs): ${t0} ${process.hrtime.bigint() / 1000n}`);
      if (!warm) log(`    server threads, ms per order: ${threadsPerRequest(threadsBefore, sampleThreads(app.pid), count)}`);
      if (!warm) runs.push(result);
      if (opts.statements && !warm) await printStatements(count);
      // The baseline right after, under the same conditions: as many orders, as many buyers at once.
      const floorJobs = carts.map((_, i) => () => fetch(`http://127.0.0.1:${floorPort}/floor`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ buyer: i % buyers.length }) }));
      const floorCpu = sampleCpu(floor.pid);
      const floorResult = await concurrent(buyers.length, floorJobs, (status, body) => (firstFailure ||= `baseline ${status} ${body.slice(0, 300)}`));
      log(`  ${warm ? 'warm-up' : `run ${r}`} baseline: ${fmt(floorResult)}; ${cpuPerRequest(floorCpu, sampleCpu(floor.pid), count)}`);
      if (!warm) floorRuns.push(floorResult);
    }
    if (firstFailure) log(`  first failure: ${firstFailure}`);
    const m = (f: (x: Run) => number, of = runs) => median(of.map(f)).toFixed(1);
    log(`\n| checkout, ${nLines}-line cart, ${buyers.length} concurrent buyers (median of ${runs.length} runs) | median | p90 | p99 | failed |`);
    log('|---|---:|---:|---:|---:|');
    log(`| POST /api/store/checkout (on account) | ${m((x) => x.p50)} ms | ${m((x) => x.p90)} ms | ${m((x) => x.p99)} ms | ${runs.reduce((a, x) => a + x.failed, 0)} |`);
    log(`| baseline: bare Fastify + pg, stock locked, order + ${nLines} lines + reservations in one statement (4 round trips) | ${m((x) => x.p50, floorRuns)} ms | ${m((x) => x.p90, floorRuns)} ms | ${m((x) => x.p99, floorRuns)} ms | ${floorRuns.reduce((a, x) => a + x.failed, 0)} |`);
    log(`\nTarget p99 ≤ 150 ms. Load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
    const pending = await drainOutbox(url);
    log(pending ? `  warning: ${pending} outbox events still pending after 2 min` : 'Every order event dispatched (emails delivered to the sink).');
  } finally {
    app.kill('SIGTERM');
    floor.kill('SIGTERM');
    smtp.kill('SIGTERM');
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
