import { loadConfig, ConfigError } from './config.ts';
import { openDatabase } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { smtpMailer } from './lib/mailer.ts';
import { buildApp } from './app.ts';
import { startOutboxDispatcher } from './jobs/outbox.ts';
import { outboxHandlers } from './jobs/handlers.ts';
import { startScheduler } from './jobs/scheduler.ts';
import { scheduledJobs } from './jobs/schedules.ts';
import { systemCtx } from './modules/accounts/index.ts';
import { existingDemoSignIns, startupSeed } from './cli/startup-seed.ts';

/** `npm start`: migrate, seed an empty database with the demo data, serve everything on one port. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DB_POOL_SIZE });
  await migrate(database);
  const demo = (config.SEED_ON_START === 'auto' ? await startupSeed(database) : null) ?? (await existingDemoSignIns(database));
  const mailer = smtpMailer(config.SMTP_URL, config.MAIL_FROM);
  const app = await buildApp({ config, database, mailer });
  // Domain events committed to the outbox reach their consumers (e.g. segment membership) here.
  const dispatcher = startOutboxDispatcher({ database, handlers: outboxHandlers({ mailer, publicUrl: config.PUBLIC_URL }), ctxFor: (db) => systemCtx(db, { log: app.log }) });
  // Recurring jobs (the nightly segment re-evaluation) run on pg-boss, in this same database.
  const scheduler = await startScheduler({ database, url: config.DATABASE_URL, jobs: scheduledJobs(config), ctxFor: (db) => systemCtx(db, { log: app.log }) });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    const force = setTimeout(() => process.exit(1), 10_000).unref();
    await app.close();
    await dispatcher.stop();
    await scheduler.stop();
    mailer.close();
    await database.close();
    clearTimeout(force);
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));

  await app.listen({ port: config.PORT, host: config.HOST });
  const base = `http://${config.HOST === '0.0.0.0' ? 'localhost' : config.HOST}:${config.PORT}`;
  const lines = [
    '',
    `Precis is running on ${database.kind === 'pglite' ? `the embedded database in ${config.DATA_DIR}` : 'PostgreSQL'}`,
    `  Storefront  ${base}/`,
    `  Admin       ${base}/admin`,
    `  API docs    ${base}/docs   (OpenAPI: ${base}/openapi.json)`,
  ];
  if (demo) lines.push('', `Demo sign-ins (password for all: ${demo[0]?.password ?? ''}):`, ...demo.map((d) => `  ${d.email.padEnd(30)} ${d.role}`));
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

main().catch((err) => {
  process.stderr.write(`Precis failed to start: ${(err as Error).stack ?? String(err)}\n`);
  process.exit(1);
});
