import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ConfigError } from '../../src/config.ts';
import { startScheduler, type Scheduler } from '../../src/jobs/scheduler.ts';
import { scheduledJobs, SEGMENTS_REEVALUATE_JOB } from '../../src/jobs/schedules.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { createGroup, importOrderHistory, listMembers, purchaseMetrics } from '../../src/modules/segments/index.ts';
import { makeCompany } from '../helpers/auth.ts';
import { metricsApp, type MetricsApp } from '../segments/metrics-fixture.ts';

const START = '2026-06-30T12:00:00Z';

describe('scheduled segment re-evaluation', () => {
  it('is configured by SEGMENTS_REEVALUATE_CRON: nightly by default, off, or refused with a clear message', () => {
    expect(loadConfig({}).SEGMENTS_REEVALUATE_CRON).toBe('0 2 * * *');
    expect(scheduledJobs(loadConfig({ SEGMENTS_REEVALUATE_CRON: '*/15 * * * *' }))[0]).toEqual({ name: SEGMENTS_REEVALUATE_JOB, cron: '*/15 * * * *', run: expect.any(Function) });
    expect(loadConfig({ SEGMENTS_REEVALUATE_CRON: 'off' }).SEGMENTS_REEVALUATE_CRON).toBe('off');
    expect(() => loadConfig({ SEGMENTS_REEVALUATE_CRON: 'nightly' })).toThrow(ConfigError);
    expect(() => loadConfig({ SEGMENTS_REEVALUATE_CRON: 'nightly' })).toThrow(/SEGMENTS_REEVALUATE_CRON: .*five-field cron.*got "nightly"/);
  });

  describe('on the database', () => {
    let t: MetricsApp;
    let scheduler: Scheduler | null = null;
    beforeAll(async () => {
      t = await metricsApp(START);
    });
    afterAll(async () => {
      await scheduler?.stop();
      await t.close();
    });

    it('registers the job with pg-boss under the configured cron and works it when run', async () => {
      const ran: string[] = [];
      scheduler = await startScheduler({
        database: t.database,
        url: process.env.DATABASE_URL ? dbUrl(t) : undefined,
        jobs: [{ name: SEGMENTS_REEVALUATE_JOB, cron: '30 3 * * *', run: async () => void ran.push('run') }],
        ctxFor: (db) => systemCtx(db, { clock: t.clock }),
        pollingIntervalSeconds: 0.5,
      });
      expect(scheduler.engine).toBe('pg-boss');
      expect(await scheduler.schedules()).toEqual([{ name: SEGMENTS_REEVALUATE_JOB, cron: '30 3 * * *' }]);
      await scheduler.runNow(SEGMENTS_REEVALUATE_JOB);
      expect(ran).toEqual(['run']);
      await scheduler.stop();

      // Restarted with the schedule switched off, the old schedule is gone.
      scheduler = await startScheduler({
        database: t.database,
        url: process.env.DATABASE_URL ? dbUrl(t) : undefined,
        jobs: [{ name: SEGMENTS_REEVALUATE_JOB, cron: 'off', run: async () => undefined }],
        ctxFor: (db) => systemCtx(db, { clock: t.clock }),
      });
      expect(await scheduler.schedules()).toEqual([]);
      await scheduler.stop();
      scheduler = null;
    });

    it('the job recomputes decayed windows and re-evaluates groups after the clock moves on', async () => {
      // A retry starts like the first attempt: at the fixture's "now", not where the first attempt
      // left the clock, and without its group (the job would count that group's member rejoining
      // when the clock goes back). This file's only groups are this test's.
      t.clock.set(START);
      await t.database.query('delete from customer_groups');
      const ind = `sched_${Date.now()}`;
      const c = await makeCompany(t, { legalName: 'Quarterly Buyer', industry: ind });
      const group = await createGroup(t.ctx(), { name: `Active ${ind}`, rule: `industry = "${ind}" and order_count_90d >= 1` });
      await importOrderHistory(t.ctx(), {
        orders: [{ externalRef: `Q-${ind}`, companyId: c.id, orderedAt: '2026-06-01T09:00:00Z', currency: 'PKR', lines: [{ sku: 'DRL-001', quantity: 1, amount: 25_000_00 }] }],
      });
      expect((await listMembers(t.ctx(), group.id, {})).items.map((m) => m.companyId)).toEqual([c.id]);

      const [job] = scheduledJobs(loadConfig({}));
      // 2026-08-30 09:00 is exactly 90 days after the order: still inside the window (the start is inclusive).
      t.clock.set('2026-08-30T09:00:00Z');
      expect(await job!.run(t.ctx())).toMatchObject({ joined: 0, left: 0 });
      expect((await purchaseMetrics(t.ctx(), c.id)).order_count_90d).toBe(1);

      t.clock.set('2026-08-30T09:00:00.001Z');
      expect(await job!.run(t.ctx())).toMatchObject({ left: 1 });
      expect((await purchaseMetrics(t.ctx(), c.id))).toMatchObject({ order_count_90d: 0, order_count_365d: 1, asOf: '2026-08-30T09:00:00.001Z' });
      expect((await listMembers(t.ctx(), group.id, {})).items).toEqual([]);
      const log = await t.database.query<{ change: string; reason: string }>('select change, reason from customer_group_membership_log where group_id = $1 order by id', [group.id]);
      expect(log.map((l) => l.change)).toEqual(['joined', 'left']);
      expect(log[1]!.reason).toContain('order_count_90d');
    });
  });
});

/** The PostgreSQL URL of this test's own database (the harness creates one per file). */
function dbUrl(t: MetricsApp): string {
  return t.url!;
}
