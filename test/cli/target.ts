import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, type App } from '../../src/app.ts';
import type { CliIo } from '../../src/cli/io.ts';
import { runCli } from '../../src/cli/run.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { migrate } from '../../src/db/migrate.ts';
import { memoryMailer } from '../harness.ts';

/**
 * Where CLI tests point the command: a fresh PGlite directory by default, or a fresh database on
 * the PostgreSQL server when DATABASE_URL is set — passed to the CLI as its environment.
 */
export interface CliTarget {
  dir: string;
  env: Record<string, string | undefined>;
  open(): Promise<Database>;
  drop(): Promise<void>;
}

export async function cliTarget(): Promise<CliTarget> {
  const dir = mkdtempSync(path.join(tmpdir(), 'precis-cli-'));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const dataDir = path.join(dir, 'data');
    return {
      dir,
      env: { DATA_DIR: dataDir },
      open: () => openDatabase({ dataDir }),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `precis_cli_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    dir,
    env: { DATABASE_URL: url.toString() },
    open: () => openDatabase({ url: url.toString(), poolSize: 4 }),
    drop: async () => {
      rmSync(dir, { recursive: true, force: true });
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Runs the CLI in-process with captured output. */
export async function cli(target: CliTarget, ...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: CliIo = { out: (t) => void (out += t), err: (t) => void (err += t), env: target.env, progress: false };
  const code = await runCli(argv, io);
  return { code, out, err };
}

/** The whole application on the target's database (after the CLI has closed it). */
export async function appOn(database: Database): Promise<App> {
  const app = await buildApp({ config: loadConfig({ LOG_LEVEL: 'silent', SEED_ON_START: 'never' }), database, mailer: memoryMailer(), webDir: '/nonexistent' });
  await app.ready();
  return app;
}

/** Runs `fn` on the target's database, migrated as every command migrates it first, then closes it. */
export async function onTarget<T>(target: CliTarget, fn: (database: Database) => Promise<T>): Promise<T> {
  const database = await target.open();
  try {
    await migrate(database);
    return await fn(database);
  } finally {
    await database.close();
  }
}
