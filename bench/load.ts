import pg from 'pg';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { hasData, seedDatabase, type ScaleName } from '../src/seed/index.ts';

export const DEFAULT_BENCH_URL = 'postgres://postgres:postgres@127.0.0.1:5432/precis_bench';

/** Creates the benchmark database on its server when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`unsupported database name "${name}"`);
  const server = new URL(url);
  server.pathname = '/postgres';
  const client = new pg.Client({ connectionString: server.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database ${name}`);
  } finally {
    await client.end();
  }
}

export interface LoadTiming {
  readonly reused: boolean;
  readonly generateMs: number;
  readonly loadMs: number;
  readonly rows: Readonly<Record<string, number>>;
}

/** Migrates and (re)loads `scale` into the database at `url`, timing generation and load apart. */
export async function loadScale(url: string, scale: ScaleName, opts: { reuse?: boolean; log?: (line: string) => void } = {}): Promise<LoadTiming> {
  await ensureDatabase(url);
  const database: Database = await openDatabase({ url, poolSize: 4 });
  try {
    await migrate(database);
    // Another session on this database (a forgotten psql, a server) can hold locks the reload waits for.
    const [others] = await database.query<{ n: number }>('select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()');
    if (others?.n) opts.log?.(`  warning: ${others.n} other session(s) connected to this database; the load may wait for their locks`);
    if (opts.reuse && (await hasData(database))) {
      // Events an earlier bench run left undelivered (e.g. order emails to a mail server that has
      // gone) would be retried by this run's server in the background and skew its figures.
      const [left] = await database.query<{ n: number }>(
        `with s as (update outbox_events set dispatched_at = now(), last_error = 'left by an earlier bench run' where dispatched_at is null returning 1) select count(*)::int as n from s`,
      );
      if (left?.n) opts.log?.(`  ${left.n.toLocaleString('en')} outbox events left undelivered by an earlier run marked dispatched`);
      const [row] = await database.query<{ variants: number }>('select count(*)::int as variants from variants');
      return { reused: true, generateMs: 0, loadMs: 0, rows: { variants: row?.variants ?? 0 } };
    }
    let stage = '';
    const t0 = Date.now();
    const result = await seedDatabase(database, {
      scale,
      force: true,
      onProgress: (e) => {
        if (e.stage !== stage) {
          stage = e.stage;
          opts.log?.(`  ${((Date.now() - t0) / 1000).toFixed(1).padStart(6)} s  loading ${stage} (${e.done.toLocaleString('en')}/${e.total.toLocaleString('en')} rows so far)`);
        }
      },
    });
    return { reused: false, generateMs: result.generateMs, loadMs: result.ms, rows: result.rows };
  } finally {
    await database.close();
  }
}

// `tsx bench/load.ts [small|large]`: only the timed load.
if (import.meta.url === `file://${process.argv[1]}`) {
  const url = process.env.BENCH_DATABASE_URL ?? DEFAULT_BENCH_URL;
  const scale = (process.argv[2] ?? 'large') as ScaleName;
  const t = await loadScale(url, scale, { log: (l) => console.log(l) });
  console.log(`${scale}: generated in ${(t.generateMs / 1000).toFixed(1)} s, loaded in ${(t.loadMs / 1000).toFixed(1)} s`, t.rows);
}

/** Waits (bounded) until the server has dispatched every outbox event, so the next run starts clean. */
export async function drainOutbox(url: string, timeoutMs = 120_000): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { rows } = await client.query<{ n: number }>('select count(*)::int as n from outbox_events where dispatched_at is null');
      const pending = rows[0]?.n ?? 0;
      if (pending === 0 || Date.now() > deadline) return pending;
      await new Promise((r) => setTimeout(r, 500));
    }
  } finally {
    await client.end();
  }
}
