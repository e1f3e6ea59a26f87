import { buildApp, type App } from '../../src/app.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import type { Database } from '../../src/db/client.ts';
import type { Clock } from '../../src/lib/clock.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import type { Ctx } from '../../src/http/context.ts';
import { createTestDatabase, memoryMailer } from '../harness.ts';
import { seedCatalog } from '../catalog/fixtures.ts';

/** A clock tests move by hand: windowed metrics depend on "now". */
export interface TestClock extends Clock {
  set(iso: string): void;
  advanceDays(days: number): void;
}

export function testClock(iso: string): TestClock {
  let t = new Date(iso).getTime();
  return {
    now: () => new Date(t),
    set: (next) => void (t = new Date(next).getTime()),
    advanceDays: (days) => void (t += days * 86_400_000),
  };
}

export interface MetricsApp {
  app: App;
  database: Database;
  config: Config;
  /** The PostgreSQL URL of this database (DATABASE_URL runs); undefined on PGlite. */
  url: string | undefined;
  clock: TestClock;
  /** A system context on the same clock (for calling services directly). */
  ctx(): Ctx;
  close(): Promise<void>;
}

/** The whole app on a fresh database with a hand-moved clock and the small tool catalog (HAM-001, DRL-001, FST-440…). */
export async function metricsApp(startIso = '2026-06-30T12:00:00Z'): Promise<MetricsApp> {
  const { database, url, drop } = await createTestDatabase();
  const clock = testClock(startIso);
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_ON_START: 'never' });
  const app = await buildApp({ config, database, mailer: memoryMailer(), clock, webDir: '/nonexistent' });
  await app.ready();
  await seedCatalog(database, 0);
  return {
    app,
    database,
    url,
    config,
    clock,
    ctx: () => systemCtx(database.db, { clock }),
    close: async () => {
      await app.close();
      await drop();
    },
  };
}
