import PgBoss from 'pg-boss';
import type { Database } from '../db/client.ts';
import type { Ctx } from '../http/context.ts';

/** A recurring job: a pg-boss queue of that name, fed by a cron schedule, worked in this process. */
export interface ScheduledJob {
  /** Queue name (letters, digits, `.`, `-`, `_`). */
  readonly name: string;
  /** Five-field cron in UTC, or 'off' (the schedule is removed; the job can still be run by hand). */
  readonly cron: string;
  /** The work itself: plain application code, callable directly (tests, CLI) as well as from the queue. */
  run(ctx: Ctx): Promise<unknown>;
}

export interface Scheduler {
  readonly engine: 'pg-boss';
  /** The schedules pg-boss holds for our jobs: name and cron. */
  schedules(): Promise<{ name: string; cron: string }[]>;
  /** Queues one run of `name` now and waits for a worker (this process or another) to finish it. */
  runNow(name: string, timeoutMs?: number): Promise<unknown>;
  /** Stops taking jobs and waits for the one in flight. */
  stop(): Promise<void>;
}

export interface SchedulerOptions {
  readonly database: Database;
  /** PostgreSQL URL: pg-boss opens its own small pool. Absent on PGlite, where it runs over the embedded handle. */
  readonly url?: string | undefined;
  readonly jobs: readonly ScheduledJob[];
  /** The context a job runs with (no actor: the system acts). */
  readonly ctxFor: (db: Database['db']) => Ctx;
  /** How often an idle worker asks for work (default 10 s; tests use less). */
  readonly pollingIntervalSeconds?: number;
}

/**
 * pg-boss's `db` adapter over PGlite. pg-boss sends its schema scripts (several statements, no
 * parameters) through the same call as its queries; PGlite's extended-protocol `query` refuses more
 * than one statement, so those go through `exec` (they return no rows pg-boss reads).
 */
export function pgliteBossDb(database: Database): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[] = []) {
      if (values.length > 0) return { rows: await database.query(text, values) };
      try {
        return { rows: await database.query(text) };
      } catch (err) {
        if ((err as { code?: string }).code !== '42601') throw err;
        await database.exec(text);
        return { rows: [] };
      }
    },
  };
}

/**
 * Starts pg-boss in the application's database (its own `pgboss` schema) on PostgreSQL or PGlite,
 * registers each job's cron schedule and a worker for it. pg-boss makes a schedule fire once per slot
 * across every process sharing the database, and a queue with the `singleton` policy never runs two
 * of the same job at once.
 */
export async function startScheduler(opts: SchedulerOptions): Promise<Scheduler> {
  const log = opts.ctxFor(opts.database.db).log;
  const boss = new PgBoss({
    ...(opts.url ? { connectionString: opts.url, max: 2 } : { db: pgliteBossDb(opts.database) }),
    schedule: true,
    supervise: true,
  });
  boss.on('error', (err) => log.error({ err }, 'job scheduler error'));
  await boss.start();
  for (const job of opts.jobs) {
    if ((await boss.getQueue(job.name)) === null) await boss.createQueue(job.name, { name: job.name, policy: 'singleton', retryLimit: 2, expireInSeconds: 3600 });
    if (job.cron === 'off') await boss.unschedule(job.name);
    else await boss.schedule(job.name, job.cron, {}, { tz: 'UTC' });
    await boss.work(job.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 10 }, async () => {
      const started = Date.now();
      const result = await job.run(opts.ctxFor(opts.database.db));
      log.info({ job: job.name, ms: Date.now() - started, result }, 'scheduled job done');
      return result;
    });
  }
  const names = new Set(opts.jobs.map((j) => j.name));
  let stopped = false;
  return {
    engine: 'pg-boss',
    async schedules() {
      return (await boss.getSchedules()).filter((s) => names.has(s.name)).map((s) => ({ name: s.name, cron: s.cron }));
    },
    async runNow(name, timeoutMs = 60_000) {
      if (!names.has(name)) throw new Error(`No scheduled job named ${name}`);
      const id = await boss.send(name, {});
      if (!id) throw new Error(`${name} is already queued or running`);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const job = await boss.getJobById<object>(name, id, { includeArchive: true });
        if (job?.state === 'completed') return job.output;
        if (job?.state === 'failed' || job?.state === 'cancelled') throw new Error(`${name} ${job.state}: ${JSON.stringify(job.output)}`);
        if (Date.now() > deadline) throw new Error(`${name} did not finish within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, wait: true, close: true });
    },
  };
}
