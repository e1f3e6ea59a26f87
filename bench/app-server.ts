import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/client.ts';
import { smtpMailer } from '../src/lib/mailer.ts';

/**
 * The application as src/main.ts builds it (same buildApp, config and pool), minus the static web
 * app and the start-up seed, which the API benchmarks do not touch.
 * Usage: DATABASE_URL=… PORT=… tsx bench/app-server.ts
 */
const config = loadConfig();
const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, poolSize: config.DB_POOL_SIZE });
const mailer = smtpMailer(config.SMTP_URL, config.MAIL_FROM);
const app = await buildApp({ config, database, mailer, webDir: '/nonexistent' });
await app.listen({ port: config.PORT, host: config.HOST });
const stop = async () => {
  await app.close();
  mailer.close();
  await database.close();
  process.exit(0);
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void stop());
