import pg from 'pg';
import { openDatabase } from '../src/db/client.ts';
import { migrate } from '../src/db/migrate.ts';
import { pgTemplateName, readPgliteTemplate, writePgliteTemplate } from './template.ts';

/**
 * Runs once before the suite: builds a migrated database template so that each test file starts
 * from a copy instead of running initdb and every migration again.
 */
export default async function setup(): Promise<void> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    if (readPgliteTemplate()) return;
    const database = await openDatabase({ dataDir: 'memory://' });
    await migrate(database);
    const blob = await database.dump?.();
    await database.close();
    if (blob) await writePgliteTemplate(blob);
    return;
  }
  const name = pgTemplateName();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [name]);
    if (exists.rowCount) return;
    for (const r of (await admin.query<{ datname: string }>("select datname from pg_database where datname like 'precis\\_tpl\\_%'")).rows) {
      await admin.query(`drop database if exists ${r.datname} with (force)`);
    }
    await admin.query(`create database ${name}_building`);
    const url = new URL(serverUrl);
    url.pathname = `/${name}_building`;
    const database = await openDatabase({ url: url.toString(), poolSize: 2 });
    await migrate(database);
    await database.close();
    // Renamed only when complete, so a half-built template is never copied.
    await admin.query(`alter database ${name}_building rename to ${name}`);
  } finally {
    await admin.end();
  }
}
