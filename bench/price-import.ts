/**
 * Price-entry CSV import at scale: makes sure the database has enough variants (topping the catalog
 * up with generated products and variants in SQL), writes a CSV of `--rows` entries to a temp file
 * on the fly, then imports it into a fresh price list through the same service the CLI uses
 * (`importEntriesCsv`), sampling RSS every 50 ms. Reports rows/s, total time and peak RSS per run
 * and the medians; then times a re-import of the same file (every row an unchanged update) and a
 * streamed export.
 *
 *   PRICE_BENCH_URL=postgres://…/precis_price_import npx tsx bench/price-import.ts [--rows 1000000] [--runs 3] [--batch 5000]
 */
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { systemCtx } from '../src/modules/accounts/index.ts';
import { exportEntriesCsv, importEntriesCsv } from '../src/modules/pricing/index.ts';
import { newId } from '../src/lib/ids.ts';
import { createRng } from '../src/seed/prng.ts';
import { ensureDatabase } from './load.ts';

const { values: opts } = parseArgs({ options: { rows: { type: 'string', default: '1000000' }, runs: { type: 'string', default: '3' }, batch: { type: 'string', default: '5000' } } });
const url = process.env.PRICE_BENCH_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/precis_price_import';
const ROWS = Number(opts.rows);
const RUNS = Number(opts.runs);
const BATCH = Number(opts.batch);
const PER_PRODUCT = 10;
const log = (line: string) => console.log(line);
const sku = (i: number) => `PIB-${String(i).padStart(7, '0')}`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** Generated products (10 variants each) until the database holds `rows` bench variants. */
async function ensureVariants(database: Database, rows: number): Promise<void> {
  const [have] = await database.query<{ n: number }>("select count(*)::int as n from variants where sku like 'PIB-%'");
  if ((have?.n ?? 0) >= rows) return;
  const t0 = Date.now();
  await database.query(`insert into categories (id, name, slug) values ('cat_pib', 'Price import bench', 'price-import-bench') on conflict do nothing`);
  await database.query(`insert into brands (id, name, slug) values ('brd_pib', 'Price Import Bench', 'price-import-bench') on conflict do nothing`);
  const products = Math.ceil(rows / PER_PRODUCT);
  for (let from = 0; from < products; from += 20_000) {
    const to = Math.min(products, from + 20_000) - 1;
    await database.query(
      `insert into products (id, slug, name, category_id, brand_id, status)
       select 'prd_pib_' || g, 'pib-product-' || g, 'Bench fastener ' || g, 'cat_pib', 'brd_pib', 'active' from generate_series($1::int, $2::int) g
       on conflict do nothing`,
      [from, to],
    );
    await database.query(
      `insert into variants (id, product_id, sku, name, position)
       select 'var_pib_' || v, 'prd_pib_' || (v / ${PER_PRODUCT}), 'PIB-' || lpad(v::text, 7, '0'), 'size ' || (v % ${PER_PRODUCT}), v % ${PER_PRODUCT}
         from generate_series($1::int * ${PER_PRODUCT}, ($2::int + 1) * ${PER_PRODUCT} - 1) v
       on conflict do nothing`,
      [from, to],
    );
    log(`  catalog: ${((to + 1) * PER_PRODUCT).toLocaleString('en')} bench variants (${((Date.now() - t0) / 1000).toFixed(0)} s)`);
  }
  await database.query('analyze products; analyze variants');
}

/** Writes the entries CSV: prices in PKR major units, 30 % with two tiers, 10 % with quantity rules. */
async function writeCsv(file: string, rows: number): Promise<number> {
  const rng = createRng('price-import-bench');
  const out = createWriteStream(file);
  if (!out.write('sku,unit_price,tiers,qty_min,qty_max,qty_increment\n')) await once(out, 'drain');
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const price = 100 + Math.floor(rng.next() * 5_000_000);
    const major = (p: number) => `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`;
    const r = rng.next();
    const tiers = r < 0.3 ? `10:${major(Math.floor(price * 0.95))}|100:${major(Math.floor(price * 0.9))}` : '';
    const rules = r > 0.9 ? '5,500,5' : ',,';
    buf += `${sku(i)},${major(price)},${tiers},${rules}\n`;
    if (buf.length > 1 << 16) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.end(buf);
  await finished(out);
  return statSync(file).size;
}

/** Runs `fn`, sampling this process's RSS every 50 ms; returns its time and the peak RSS. */
async function measured<T>(fn: () => Promise<T>): Promise<{ value: T; ms: number; peakRss: number }> {
  let peakRss = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }, 50);
  const t0 = performance.now();
  try {
    const value = await fn();
    return { value, ms: performance.now() - t0, peakRss: Math.max(peakRss, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

async function main(): Promise<void> {
  log(`Price-entry CSV import: ${ROWS.toLocaleString('en')} rows × ${RUNS} run(s), batches of ${BATCH} (node ${process.version})`);
  await ensureDatabase(url);
  const database = await openDatabase({ url, poolSize: 4 });
  const dir = mkdtempSync(path.join(tmpdir(), 'precis-price-import-'));
  try {
    await migrate(database);
    await ensureVariants(database, ROWS);
    const file = path.join(dir, 'entries.csv');
    const t0 = Date.now();
    const bytes = await writeCsv(file, ROWS);
    log(`  wrote ${file}: ${(bytes / 1024 / 1024).toFixed(1)} MB in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    await database.query("delete from price_lists where name like 'Price import bench%'");
    const ctx = systemCtx(database.db);
    const runs: { rps: number; s: number; peakRss: number }[] = [];
    let lastList = '';
    for (let run = 1; run <= RUNS; run++) {
      if (lastList) await database.query('delete from price_lists where id = $1', [lastList]);
      const id = newId('priceList');
      await database.query(`insert into price_lists (id, name, currency, status) values ($1, $2, 'PKR', 'draft')`, [id, `Price import bench ${run}`]);
      lastList = id;
      global.gc?.();
      const base = process.memoryUsage().rss;
      let lastLog = Date.now();
      const m = await measured(() =>
        importEntriesCsv(ctx, id, createReadStream(file), {
          batchSize: BATCH,
          onProgress: (n) => {
            if (Date.now() - lastLog > 10_000) {
              lastLog = Date.now();
              log(`    … ${n.toLocaleString('en')} rows, RSS ${mb(process.memoryUsage().rss)}`);
            }
          },
        }),
      );
      const r = m.value;
      if (r.failed > 0 || r.created !== ROWS) throw new Error(`import reported ${JSON.stringify({ ...r, errors: r.errors.slice(0, 3) })}`);
      const rps = ROWS / (m.ms / 1000);
      runs.push({ rps, s: m.ms / 1000, peakRss: m.peakRss });
      log(`  run ${run}: ${r.created.toLocaleString('en')} created in ${(m.ms / 1000).toFixed(1)} s = ${Math.round(rps).toLocaleString('en')} rows/s; RSS ${mb(base)} before, peak ${mb(m.peakRss)}`);
    }
    const [count] = await database.query<{ n: number }>('select count(*)::int as n from price_list_entries where list_id = $1', [lastList]);
    const again = await measured(() => importEntriesCsv(ctx, lastList, createReadStream(file), { batchSize: BATCH }));
    log(`  re-import of the same file (unchanged updates): ${(again.ms / 1000).toFixed(1)} s = ${Math.round(ROWS / (again.ms / 1000)).toLocaleString('en')} rows/s; peak RSS ${mb(again.peakRss)}; ${again.value.updated.toLocaleString('en')} updated`);
    const exportFile = path.join(dir, 'export.csv');
    const exp = await measured(() => exportEntriesCsv(ctx, lastList, createWriteStream(exportFile)));
    log(`  export: ${count?.n.toLocaleString('en')} entries, ${(statSync(exportFile).size / 1024 / 1024).toFixed(1)} MB in ${(exp.ms / 1000).toFixed(1)} s = ${Math.round((count?.n ?? 0) / (exp.ms / 1000)).toLocaleString('en')} rows/s; peak RSS ${mb(exp.peakRss)}`);
    log('');
    log(`Median of ${RUNS}: ${Math.round(median(runs.map((r) => r.rps))).toLocaleString('en')} rows/s, ${median(runs.map((r) => r.s)).toFixed(1)} s for ${ROWS.toLocaleString('en')} rows, peak RSS ${mb(median(runs.map((r) => r.peakRss)))} (max ${mb(Math.max(...runs.map((r) => r.peakRss)))})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await database.close();
  }
}

await main();
