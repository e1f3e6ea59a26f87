import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { StatementCachingClient } from './statement-cache.ts';

/** Drizzle over either driver; a transaction has the same type, so repos take either. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;

/**
 * One handle for the two engines Precis runs on: PGlite (Postgres compiled to WASM, embedded, the
 * default) and a PostgreSQL server (`DATABASE_URL`). The SQL is the same on both.
 */
export interface Database {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Db;
  /** Runs a multi-statement script with no parameters (migrations, bulk DDL). */
  exec(script: string): Promise<void>;
  /** A raw parameterised query, for the few places Drizzle's builder gets in the way. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Subscribes to NOTIFY on a channel (cache invalidation across processes). */
  listen(channel: string, onPayload: (payload: string) => void): Promise<() => Promise<void>>;
  notify(channel: string, payload: string): Promise<void>;
  /** Runs `fn` on one dedicated connection (session-level locks, multi-step scripts). */
  withConnection<T>(fn: (conn: Connection) => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data directory as a tarball (test templates, backups). */
  dump?(): Promise<Blob>;
}

export interface Connection {
  exec(script: string): Promise<void>;
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
}

export interface DatabaseOptions {
  url?: string | undefined;
  /** PGlite data directory; `memory://` for a throw-away database (tests). */
  dataDir?: string;
  /** PGlite only: start from this data-directory tarball (a migrated template) instead of initdb. */
  loadDataDir?: Blob;
  poolSize?: number;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  return opts.url ? openPostgres(opts.url, opts.poolSize ?? 20) : openPglite(opts.dataDir ?? './data', opts.loadDataDir);
}

async function openPglite(dataDir: string, loadDataDir?: Blob): Promise<Database> {
  if (!dataDir.startsWith('memory://')) mkdirSync(dataDir, { recursive: true });
  const client = await PGlite.create({ dataDir, extensions: { pg_trgm, unaccent }, ...(loadDataDir ? { loadDataDir } : {}) });
  const db = drizzlePglite(client) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    async exec(script) {
      await client.exec(script);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await client.query<T>(text, params)).rows;
    },
    async listen(channel, onPayload) {
      const unsub = await client.listen(channel, onPayload);
      return async () => unsub();
    },
    async notify(channel, payload) {
      await client.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async withConnection(fn) {
      return fn({
        exec: async (script) => void (await client.exec(script)),
        query: async <T>(text: string, params: unknown[] = []) => (await client.query<T>(text, params)).rows,
      });
    },
    async ping() {
      await client.query('select 1');
    },
    async close() {
      await client.close();
    },
    async dump() {
      return client.dumpDataDir('none');
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  // Bigint (int8) and numeric stay strings by default; money is int8 minor units, so parse to number.
  pg.types.setTypeParser(20, (v) => Number(v));
  // Connections stay open through a lull of up to five minutes (pg's default drops them after 10 s):
  // a burst after a quiet spell would otherwise open them all at once — a SCRAM handshake and a
  // backend start each, ≈ 0.5 s of stalls for 16 buyers checking out at once in bench/checkout.ts —
  // and lose their prepared statements, so the burst would also be planned afresh. Idle connections
  // do not keep the process alive (a script that forgets to close exits rather than wait 5 minutes).
  const pool = new pg.Pool({ connectionString: url, max: poolSize, idleTimeoutMillis: 300_000, allowExitOnIdle: true, Client: StatementCachingClient });
  pool.on('error', () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = drizzlePg(pool) as unknown as Db;
  let listener: pg.Client | undefined;
  const handlers = new Map<string, Set<(p: string) => void>>();
  return {
    kind: 'postgres',
    db,
    async exec(script) {
      await pool.query(script);
    },
    async query<T>(text: string, params: unknown[] = []) {
      return (await pool.query(text, params)).rows as T[];
    },
    async listen(channel, onPayload) {
      if (!listener) {
        listener = new pg.Client({ connectionString: url });
        await listener.connect();
        listener.on('notification', (n) => handlers.get(n.channel)?.forEach((h) => h(n.payload ?? '')));
      }
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await listener.query(`listen "${channel.replace(/"/g, '')}"`);
      }
      set.add(onPayload);
      return async () => {
        set.delete(onPayload);
      };
    },
    async notify(channel, payload) {
      await pool.query('select pg_notify($1, $2)', [channel, payload]);
    },
    async withConnection(fn) {
      const conn = await pool.connect();
      try {
        return await fn({
          exec: async (script) => void (await conn.query(script)),
          query: async <T>(text: string, params: unknown[] = []) => (await conn.query(text, params)).rows as T[],
        });
      } finally {
        conn.release();
      }
    },
    async ping() {
      await pool.query('select 1');
    },
    async close() {
      await listener?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
