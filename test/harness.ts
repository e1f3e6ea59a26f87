import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { buildApp, type App } from '../src/app.ts';
import { loadConfig, type Config } from '../src/config.ts';
import { openDatabase, type Database } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import type { Mailer, MailMessage } from '../src/lib/mailer.ts';
import { smtpMailer } from '../src/lib/mailer.ts';
import { pgTemplateName, readPgliteTemplate } from './template.ts';

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or — when
 * DATABASE_URL is set (CI's second pass) — a new database created on that PostgreSQL server and
 * dropped afterwards.
 */
export async function createTestDatabase(): Promise<{ database: Database; url?: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ dataDir: 'memory://', loadDataDir: readPgliteTemplate() });
    await migrate(database); // a no-op on the template; applies everything without one
    return { database, drop: () => database.close() };
  }
  const name = `precis_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const template = pgTemplateName();
  const hasTemplate = (await admin.query('select 1 from pg_database where datname = $1', [template])).rowCount;
  await admin.query(hasTemplate ? `create database ${name} template ${template}` : `create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 10 });
  await migrate(database);
  return {
    database,
    url: url.toString(),
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Collects mail in memory; for tests that only need to read what was sent. */
export function memoryMailer(): Mailer & { sent: MailMessage[] } {
  const sent: MailMessage[] = [];
  return { sent, send: async (m) => void sent.push(m), close: () => undefined };
}

export interface TestApp {
  app: App;
  database: Database;
  config: Config;
  close: () => Promise<void>;
}

/** Builds the whole application on a fresh database. `smtpUrl` sends real SMTP (see smtp.ts). */
export async function createTestApp(opts: { smtpUrl?: string; config?: Partial<Config>; mailer?: Mailer } = {}): Promise<TestApp> {
  const { database, drop } = await createTestDatabase();
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_ON_START: 'never' }, { ...(opts.smtpUrl ? { SMTP_URL: opts.smtpUrl } : {}), ...opts.config });
  const mailer = opts.mailer ?? (opts.smtpUrl ? smtpMailer(opts.smtpUrl, config.MAIL_FROM) : memoryMailer());
  const app = await buildApp({ config, database, mailer, webDir: '/nonexistent' });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      mailer.close();
      await drop();
    },
  };
}
