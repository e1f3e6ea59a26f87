import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import type { Database } from './client.ts';

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Arbitrary constant: serialises migrators when several processes start at once on PostgreSQL. */
const LOCK_KEY = 7_271_998;

/**
 * Applies the committed SQL files in `src/db/migrations` in name order, each in its own
 * transaction, recording each in `precis_migrations`. Safe to run from several processes at once:
 * a session advisory lock on one connection serialises them.
 */
export async function migrate(database: Database, dir = MIGRATIONS_DIR): Promise<{ applied: string[] }> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.sql')).sort();
  return database.withConnection(async (conn) => {
    await conn.query('select pg_advisory_lock($1)', [LOCK_KEY]);
    try {
      await conn.exec(`create table if not exists precis_migrations (name text primary key, applied_at timestamptz not null default now())`);
      const done = new Set((await conn.query<{ name: string }>('select name from precis_migrations')).map((r) => r.name));
      const applied: string[] = [];
      for (const file of files) {
        if (done.has(file)) continue;
        const body = readFileSync(path.join(dir, file), 'utf8');
        try {
          await conn.exec(`begin;\n${body}\n;\ninsert into precis_migrations(name) values ('${file.replace(/'/g, "''")}');\ncommit;`);
        } catch (err) {
          await conn.exec('rollback').catch(() => undefined);
          throw new Error(`migration ${file} failed: ${(err as Error).message}`, { cause: err });
        }
        applied.push(file);
      }
      return { applied };
    } finally {
      await conn.query('select pg_advisory_unlock($1)', [LOCK_KEY]);
    }
  });
}
