/**
 * Personalised storefront listing over HTTP: signed-in buyers of many different companies search
 * (48 items, a search word each request), each seeing their own catalog at their own prices;
 * against a bare Fastify route answering one such response, in the same run. Also reports the
 * server's resident memory with the large data loaded and warm.
 *
 *   BENCH_DATABASE_URL=postgres://…/precis_bench npx tsx bench/personal-listing.ts [--reuse]
 *     [--buyers 200] [--connections 32] [--duration 10] [--runs 3]
 *
 * Without --reuse it (re)loads the large data set first (bench/load.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { DEMO_PASSWORD } from '../src/seed/demo.ts';
import { freePort, median, startProcess } from './processes.ts';
import { DEFAULT_BENCH_URL, loadScale } from './load.ts';

const { values: opts } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    buyers: { type: 'string', default: '200' },
    duration: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
const connections = Number(opts.connections);
/** Words buyers search for: common enough to fill a page of 48 in the generated catalog. */
const WORDS = ['hammer', 'bolt', 'glove', 'cable', 'valve', 'drill', 'screw', 'helmet', 'pipe', 'switch', 'nut', 'wrench'];

const log = (line: string) => console.log(line);



/** Resident memory of a process in MB (Linux /proc). */
function rssMb(pid: number | undefined): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** One buyer e-mail per company, from as many different active companies as asked. */
async function buyerEmails(n: number): Promise<string[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ email: string }>(
      `select distinct on (m.company_id) u.email from company_users u join company_memberships m on m.user_id = u.id
         join companies co on co.id = m.company_id where co.status = 'active' order by m.company_id, u.id limit $1`,
      [n * 5],
    );
    // Spread over the whole company set (ids are time-ordered, so take every k-th).
    const step = Math.max(1, Math.floor(rows.length / n));
    return rows.filter((_, i) => i % step === 0).slice(0, n).map((r) => r.email);
  } finally {
    await c.end();
  }
}

async function signIn(base: string, email: string): Promise<string> {
  const res = await fetch(`${base}/api/store/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in of ${email} answered ${res.status}: ${await res.text()}`);
  const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  return cookie;
}

interface Run { rps: number; p50: number; p99: number; bad: number }

async function hammer(target: string, seconds: number, cookies: readonly string[]): Promise<Run> {
  let n = 0;
  const r = await autocannon({
    url: target,
    connections,
    duration: seconds,
    requests: [
      {
        // Each request: the next buyer (round robin over many companies) and the next search word.
        setupRequest: (req) => {
          n++;
          const word = WORDS[n % WORDS.length] as string;
          const headers = cookies.length ? { ...req.headers, cookie: cookies[n % cookies.length] as string } : req.headers;
          return { ...req, path: cookies.length ? `/api/store/products?q=${word}&limit=48` : req.path, headers };
        },
      },
    ],
  });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, bad: r.non2xx + r.errors + r.timeouts };
}

async function main(): Promise<void> {
  log(`# Personalised listing benchmark ${new Date().toISOString()}`);
  log(`${cpus().length} CPU(s) ${cpus()[0]?.model ?? ''}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  const load = await loadScale(url, 'large', { reuse: opts.reuse, log });
  log(load.reused ? 'Reused the loaded large data set.' : `Loaded the large data set in ${((load.generateMs + load.loadMs) / 1000).toFixed(0)} s.`);
  const counts = await (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try {
      const { rows } = await c.query<Record<string, number>>(`select (select count(*)::int from variants) variants, (select count(*)::int from companies) companies,
        (select count(*)::int from price_lists) lists, (select count(*)::int from price_list_entries) entries, (select count(*)::int from contract_prices) contracts,
        (select count(*)::int from customer_groups) groups, (select count(*)::int from customer_groups where rule_source is not null) rule_groups`);
      return rows[0] ?? {};
    } finally {
      await c.end();
    }
  })();
  log(`Data: ${Object.entries(counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')}.`);

  const [appPort, barePort] = [await freePort(), await freePort()];
  const base = `http://127.0.0.1:${appPort}`;
  const app = await startProcess('src/main.ts', { DATABASE_URL: url, HOST: '127.0.0.1', PORT: String(appPort), SEED_ON_START: 'never', LOG_LEVEL: 'warn', LOGIN_IP_LIMIT_PER_MINUTE: '100000' }, `${base}/readyz`, 120_000);
  const work = mkdtempSync(path.join(tmpdir(), 'precis-bench-'));
  let bare: ChildProcess | undefined;
  try {
    const buyers = await buyerEmails(Number(opts.buyers));
    const cookies: string[] = [];
    for (const email of buyers) cookies.push(await signIn(base, email));
    log(`Signed in ${cookies.length} buyers of ${cookies.length} different companies.`);
    const sample = await fetch(`${base}/api/store/products?q=hammer&limit=48`, { headers: { cookie: cookies[0] as string } });
    const body = await sample.text();
    if (!sample.ok) throw new Error(`listing answered ${sample.status}: ${body}`);
    const parsed = JSON.parse(body) as { items: { price?: unknown }[]; total: number };
    log(`A listing: ${parsed.items.length} cards of ${parsed.total} matches, ${parsed.items.filter((i) => i.price != null).length} priced, ${body.length.toLocaleString('en')} bytes.`);
    const payload = path.join(work, 'payload.json');
    writeFileSync(payload, body);
    bare = await startProcess('bench/bare-server.ts', { BENCH_PAYLOAD: payload, PORT: String(barePort) }, `http://127.0.0.1:${barePort}/bare`);

    const targets = [
      { name: 'personalised search, 48 items (many buyers × words)', url: `${base}/api/store/products?q=hammer&limit=48`, cookies },
      { name: 'anonymous search, 48 items (public catalog, base prices)', url: `${base}/api/store/products?q=hammer&limit=48`, cookies: [] },
      { name: 'bare Fastify route, same JSON', url: `http://127.0.0.1:${barePort}/bare`, cookies: [] },
    ];
    const results: { name: string; runs: Run[] }[] = [];
    for (const t of targets) {
      await hammer(t.url, 3, t.cookies); // warm-up: every buyer's caches, JIT
      const runs: Run[] = [];
      for (let i = 0; i < Number(opts.runs); i++) {
        const r = await hammer(t.url, Number(opts.duration), t.cookies);
        log(`  ${t.name} run ${i + 1}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.bad ? `, ${r.bad} failed` : ''}`);
        runs.push(r);
      }
      results.push({ name: t.name, runs });
    }
    const rss = rssMb(app.pid);
    const bareRps = median(results.at(-1)?.runs.map((r) => r.rps) ?? [1]);
    log(`\n| endpoint (${connections} connections) | req/s | median latency | p99 latency | vs bare route | failed |`);
    log('|---|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const rps = median(r.runs.map((x) => x.rps));
      log(`| ${r.name} | ${rps.toFixed(0)} | ${median(r.runs.map((x) => x.p50))} ms | ${median(r.runs.map((x) => x.p99))} ms | ${((rps / bareRps) * 100).toFixed(0)}% | ${r.runs.reduce((s, x) => s + x.bad, 0)} |`);
    }
    log(`\nServer RSS after the runs (large data loaded, warm): ${rss.toFixed(0)} MB. Load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
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
