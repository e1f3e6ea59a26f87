/**
 * Add-to-cart on a big cart over HTTP: a signed-in buyer fills a cart with 500 lines (quick order),
 * then adds to it again and again — each add re-validates and re-prices all 500 lines (visibility,
 * quantity rules, stock, price) and answers the whole cart. Requests run one after another, so the
 * median is a single request's latency; a bare Fastify route answering the same cart JSON runs the
 * same way in the same run as the floor. The issue's target: median ≤ 15 ms (Vendure users report
 * ~5 s for 200 lines).
 *
 *   BENCH_DATABASE_URL=postgres://…/precis_bench npx tsx bench/cart-add.ts [--reuse] [--scale large]
 *     [--lines 500] [--requests 400] [--runs 3]
 *
 * Without --reuse it (re)loads the data set first (bench/load.ts); `--scale small` is a quick check.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import type { ScaleName } from '../src/seed/index.ts';
import { freePort, median, startProcess } from './processes.ts';
import { DEFAULT_BENCH_URL, loadScale } from './load.ts';

const { values: opts } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    scale: { type: 'string', default: 'large' },
    lines: { type: 'string', default: '500' },
    requests: { type: 'string', default: '400' },
    runs: { type: 'string', default: '3' },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
const wantLines = Number(opts.lines);
const log = (line: string) => console.log(line);

interface Session { cookie: string; csrf: string }
interface CartBody { id: string; lines: { variantId: string; problems: unknown[] }[]; subtotal: { amount: number; currency: string }; problemLines: number }

async function query<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** A buyer allowed to write carts, of an active company. */
async function buyerEmail(): Promise<string> {
  const [row] = await query<{ email: string }>(
    `select u.email from company_users u join company_memberships m on m.user_id = u.id join companies co on co.id = m.company_id
      where co.status = 'active' and m.role in ('admin', 'buyer') and u.status = 'active' order by m.company_id, u.id limit 1`,
  );
  if (!row) throw new Error('no buyer in the data set');
  return row.email;
}

async function signIn(base: string, email: string): Promise<Session> {
  const res = await fetch(`${base}/api/store/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrf: body.csrfToken };
}

async function call<T>(base: string, s: Session, method: string, p: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${p}`, {
    method,
    headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${p} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** A cart of `n` lines for the buyer, filled by quick order from active SKUs (hidden ones are skipped). */
async function fillCart(base: string, s: Session, n: number): Promise<CartBody> {
  const cart = await call<CartBody>(base, s, 'POST', '/api/store/carts', { name: `Bench ${n} lines`, makeCurrent: false });
  const skus = (await query<{ sku: string }>(
    `select v.sku from variants v join products p on p.id = v.product_id where v.status = 'active' and p.status = 'active' order by v.id limit $1`, [n * 4],
  )).map((r) => r.sku);
  let filled = cart;
  for (let at = 0; filled.lines.length < n && at < skus.length;) {
    const chunk = skus.slice(at, at + Math.min(1000, n - filled.lines.length));
    at += chunk.length;
    filled = (await call<{ cart: CartBody }>(base, s, 'POST', '/api/store/quick-order/add', { cartId: cart.id, lines: chunk.map((sku) => ({ sku, quantity: 1 })) })).cart;
  }
  return filled;
}

interface Run { p50: number; p90: number; p99: number; mean: number; failed: number }

/** `n` requests one after another; latencies in ms. */
async function sequential(n: number, send: (i: number) => Promise<Response>): Promise<Run> {
  const times: number[] = [];
  let failed = 0;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    const res = await send(i);
    await res.arrayBuffer();
    times.push(performance.now() - t0);
    if (!res.ok) failed++;
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return { p50: median(times), p90: at(0.9), p99: at(0.99), mean: times.reduce((a, b) => a + b, 0) / times.length, failed };
}

async function main(): Promise<void> {
  log(`# Add-to-cart benchmark ${new Date().toISOString()}`);
  log(`${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const load = await loadScale(url, opts.scale as ScaleName, { reuse: opts.reuse, log });
  log(load.reused ? `Reused the loaded data set.` : `Loaded the ${opts.scale} data set in ${((load.generateMs + load.loadMs) / 1000).toFixed(0)} s.`);

  const [appPort, barePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${appPort}`;
  const app = await startProcess('src/main.ts', { DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(appPort), SEED_ON_START: 'never', LOG_LEVEL: 'warn', LOGIN_IP_LIMIT_PER_MINUTE: '100000' }, `${base}/readyz`, 120_000);
  const work = mkdtempSync(path.join(tmpdir(), 'precis-bench-'));
  let bare: ChildProcess | undefined;
  try {
    const s = await signIn(base, await buyerEmail());
    const cart = await fillCart(base, s, wantLines);
    log(`Cart ${cart.id}: ${cart.lines.length} lines, ${cart.problemLines} with problems, subtotal ${cart.subtotal.amount} ${cart.subtotal.currency}.`);
    if (cart.lines.length < wantLines) log(`  warning: only ${cart.lines.length} buyable SKUs found for this buyer`);
    const variants = cart.lines.map((l) => l.variantId);
    const addPath = `/api/store/carts/${cart.id}/lines`;
    const headers = { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' };
    // Each add goes to a line already in the cart (merging quantity), so the cart stays at its size.
    const add = (i: number) => fetch(`${base}${addPath}`, { method: 'POST', headers, body: JSON.stringify({ variantId: variants[i % variants.length], quantity: 1 }) });
    // What a product page sends: the same re-validation of every line, only the added line answered.
    const addSlim = (i: number) => fetch(`${base}${addPath}?answer=line`, { method: 'POST', headers, body: JSON.stringify({ variantId: variants[i % variants.length], quantity: 1 }) });
    const sample = await add(0);
    const body = await sample.text();
    if (!sample.ok) throw new Error(`add-to-cart answered ${sample.status}: ${body}`);
    log(`One answer: ${body.length.toLocaleString('en')} bytes.`);
    const payload = path.join(work, 'payload.json');
    writeFileSync(payload, body);
    bare = await startProcess('bench/bare-server.ts', { BENCH_PAYLOAD: payload, PORT: String(barePort) }, `http://127.0.0.1:${barePort}/bare`);
    const bareCall = () => fetch(`http://127.0.0.1:${barePort}/bare`);

    const n = Number(opts.requests);
    const targets = [
      { name: `add to a ${cart.lines.length}-line cart, answer=line (re-validates every line)`, send: addSlim },
      { name: `add to a ${cart.lines.length}-line cart, whole cart answered`, send: add },
      { name: 'bare Fastify route, same JSON', send: bareCall },
    ];
    const results: { name: string; runs: Run[] }[] = [];
    for (const t of targets) {
      await sequential(Math.min(50, n), t.send); // warm-up: caches, JIT
      const runs: Run[] = [];
      for (let i = 0; i < Number(opts.runs); i++) {
        const r = await sequential(n, t.send);
        log(`  ${t.name} run ${i + 1}: median ${r.p50.toFixed(2)} ms, p90 ${r.p90.toFixed(2)} ms, p99 ${r.p99.toFixed(2)} ms${r.failed ? `, ${r.failed} failed` : ''}`);
        runs.push(r);
      }
      results.push({ name: t.name, runs });
    }
    log(`\n| request (${n} sequential, median of ${opts.runs} runs) | median | p90 | p99 | failed |`);
    log('|---|---:|---:|---:|---:|');
    for (const r of results) {
      const m = (f: (x: Run) => number) => median(r.runs.map(f)).toFixed(2);
      log(`| ${r.name} | ${m((x) => x.p50)} ms | ${m((x) => x.p90)} ms | ${m((x) => x.p99)} ms | ${r.runs.reduce((a, x) => a + x.failed, 0)} |`);
    }
    log(`\nLoad average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
  } finally {
    bare?.kill('SIGTERM');
    app.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
