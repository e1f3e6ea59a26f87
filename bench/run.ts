/**
 * The benchmark runner (`npm run bench`): loads the large data set into PostgreSQL and times it,
 * starts the real server twice (listing caches on, the default, and `CATALOG_CACHE=off`) and a bare
 * Fastify baseline as child processes, then drives each endpoint with autocannon several times and
 * reports medians. Not part of `npm test`.
 *
 *   BENCH_DATABASE_URL=postgres://…/precis_bench npm run bench -- [--reuse] [--duration 10] [--runs 3]
 *     [--connections 32] [--q hammer] [--category fasteners-bolts]
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import pg from 'pg';
import { freePort, median, startProcess } from './processes.ts';
import { DEFAULT_BENCH_URL, loadScale } from './load.ts';

const { values: opts } = parseArgs({
  options: {
    reuse: { type: 'boolean', default: false },
    duration: { type: 'string', default: '10' },
    runs: { type: 'string', default: '3' },
    connections: { type: 'string', default: '32' },
    q: { type: 'string', default: 'hammer' },
    category: { type: 'string', default: 'fasteners-bolts' },
  },
});
const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
const duration = Number(opts.duration);
const runs = Number(opts.runs);
const connections = Number(opts.connections);

const log = (line: string) => console.log(line);



interface Run {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  bytes: number;
}

async function hammer(target: string, seconds: number): Promise<Run> {
  const r = await autocannon({ url: target, connections, duration: seconds });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx, errors: r.errors + r.timeouts, bytes: r.throughput.average };
}


async function serverVersion(): Promise<string> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? '?';
  } finally {
    await c.end();
  }
}

async function main(): Promise<void> {
  const startedAt = new Date();
  log(`# Precis benchmark ${startedAt.toISOString()}`);
  log(`Database ${url.replace(/:[^:@/]+@/, ':***@')}; ${cpus().length} CPU(s): ${cpus()[0]?.model ?? '?'}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);

  log('\n## 1. Load the large data set');
  const load = await loadScale(url, 'large', { reuse: opts.reuse, log });
  log(load.reused ? `Reused the data already loaded (${load.rows.variants?.toLocaleString('en')} variants).` : `Generated in ${(load.generateMs / 1000).toFixed(1)} s, loaded in ${(load.loadMs / 1000).toFixed(1)} s (total ${((load.generateMs + load.loadMs) / 1000).toFixed(1)} s).`);

  const [appPort, uncachedPort, barePort] = [await freePort(), await freePort(), await freePort()];
  const base = `http://127.0.0.1:${appPort}`;
  const uncachedBase = `http://127.0.0.1:${uncachedPort}`;
  const serverEnv = { DATABASE_URL: url, HOST: '127.0.0.1', SEED_ON_START: 'never', LOG_LEVEL: 'warn' };
  const app = await startProcess('src/main.ts', { ...serverEnv, PORT: String(appPort) }, `${base}/readyz`);
  // The same server with the storefront caches off: what a cold or constantly invalidated listing costs.
  const uncached = await startProcess('src/main.ts', { ...serverEnv, PORT: String(uncachedPort), CATALOG_CACHE: 'off' }, `${uncachedBase}/readyz`);
  const work = mkdtempSync(path.join(tmpdir(), 'precis-bench-'));
  let bare: ChildProcess | undefined;
  try {
    const searchPath = `/api/store/products?q=${encodeURIComponent(opts.q)}&limit=48`;
    const categoryPath = `/api/store/products?category=${encodeURIComponent(opts.category)}&limit=48`;
    const sample = await fetch(`${base}${searchPath}`);
    if (!sample.ok) throw new Error(`search answered ${sample.status}: ${await sample.text()}`);
    const body = await sample.text();
    const parsed = JSON.parse(body) as { total: number };
    const catSample = (await (await fetch(`${base}${categoryPath}`)).json()) as { total?: number };
    log(`Search "${opts.q}" matches ${parsed.total} products; category "${opts.category}" lists ${catSample.total ?? '?'}; response ${body.length.toLocaleString('en')} bytes.`);
    const payloadFile = path.join(work, 'payload.json');
    writeFileSync(payloadFile, body);
    bare = await startProcess('bench/bare-server.ts', { BENCH_PAYLOAD: payloadFile, PORT: String(barePort) }, `http://127.0.0.1:${barePort}/bare`);

    const targets = [
      { name: `search q=${opts.q} (cache warm)`, url: `${base}${searchPath}` },
      { name: `category=${opts.category} (cache warm)`, url: `${base}${categoryPath}` },
      { name: `search q=${opts.q} (CATALOG_CACHE=off)`, url: `${uncachedBase}${searchPath}` },
      { name: `category=${opts.category} (CATALOG_CACHE=off)`, url: `${uncachedBase}${categoryPath}` },
      { name: 'bare Fastify, same JSON', url: `http://127.0.0.1:${barePort}/bare` },
    ];
    log(`\n## 2. HTTP: ${connections} connections, ${duration} s per run, ${runs} runs each (after a 3 s warm-up)`);
    const results: { name: string; url: string; runs: Run[] }[] = [];
    for (const t of targets) {
      await hammer(t.url, 3);
      const rs: Run[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await hammer(t.url, duration);
        log(`  ${t.name} run ${i + 1}: ${r.rps.toFixed(0)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms${r.non2xx || r.errors ? `, ${r.non2xx} non-2xx, ${r.errors} errors` : ''}`);
        rs.push(r);
      }
      results.push({ ...t, runs: rs });
    }

    const bareRps = median(results.at(-1)?.runs.map((r) => r.rps) ?? [1]);
    log('\n## Results (medians of the runs)\n');
    log('| endpoint | req/s | median latency | p99 latency | vs bare route | non-2xx/errors |');
    log('|---|---:|---:|---:|---:|---:|');
    for (const r of results) {
      const rps = median(r.runs.map((x) => x.rps));
      const bad = r.runs.reduce((s, x) => s + x.non2xx + x.errors, 0);
      log(`| ${r.name} \`${r.url.replace(/^http:\/\/127\.0\.0\.1:\d+/, '')}\` | ${rps.toFixed(0)} | ${median(r.runs.map((x) => x.p50))} ms | ${median(r.runs.map((x) => x.p99))} ms | ${((rps / bareRps) * 100).toFixed(0)}% | ${bad} |`);
    }
    log(`\nPostgreSQL ${await serverVersion()}; finished ${new Date().toISOString()}; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}.`);
  } finally {
    bare?.kill('SIGTERM');
    app.kill('SIGTERM');
    uncached.kill('SIGTERM');
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
