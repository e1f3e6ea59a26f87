import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { staffSession, type SignedIn } from '../helpers/auth.ts';
import { startOutboxDispatcher, type OutboxHandlers } from '../../src/jobs/outbox.ts';
import { outboxHandlers } from '../../src/jobs/handlers.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { unique } from '../helpers/unique.ts';

describe('outbox dispatcher', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, 'admin');
  });
  afterAll(async () => t.close());

  const call = async (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) => {
    const res = await t.app.inject({ method, url, headers: admin.headers, ...(payload ? { payload } : {}) });
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
    return res.json();
  };
  const members = async (groupId: string) => ((await call('GET', `/api/admin/customer-groups/${groupId}/members`)).items as { companyId: string; reason: string }[]);

  it('keeps rule-based group membership current when a company changes', async () => {
    const dispatcher = startOutboxDispatcher({ database: t.database, handlers: outboxHandlers(), ctxFor: (db) => systemCtx(db) }, false);
    try {
      const group = await call('POST', '/api/admin/customer-groups', { name: unique('Miners'), rule: 'industry = "mining"' });
      const company = await call('POST', '/api/admin/companies', { legalName: 'Thar Coal Works', country: 'PK', currency: 'PKR', timezone: 'Asia/Karachi', industry: 'construction' });
      await dispatcher.drain();
      expect(await members(group.id)).toEqual([]);

      await call('PATCH', `/api/admin/companies/${company.id}`, { industry: 'mining' });
      expect(await dispatcher.drain()).toBeGreaterThanOrEqual(1);
      const joined = await members(group.id);
      expect(joined.map((m) => m.companyId)).toEqual([company.id]);
      expect(joined[0]?.reason).toContain('industry = "mining"');

      await call('PATCH', `/api/admin/companies/${company.id}`, { industry: 'utilities' });
      await dispatcher.drain();
      expect(await members(group.id)).toEqual([]);
      const pending = await t.database.query<{ n: number }>('select count(*)::int as n from outbox_events where dispatched_at is null');
      expect(pending[0]?.n).toBe(0);
    } finally {
      await dispatcher.stop();
    }
  });

  it('retries a failing event, sets it aside after the last attempt, and keeps delivering the rest', async () => {
    const seen: string[] = [];
    const handlers: OutboxHandlers = {
      'company.updated': [
        async (_ctx, e) => {
          if (e.payload.fields && (e.payload.fields as string[]).includes('region')) throw new Error('CRM is down');
          seen.push(e.aggregateId);
        },
      ],
    };
    await t.database.query('update outbox_events set dispatched_at = now() where dispatched_at is null');
    const dispatcher = startOutboxDispatcher({ database: t.database, handlers, ctxFor: (db) => systemCtx(db), maxAttempts: 2, retryBaseMs: 0 }, false);
    try {
      const a = await call('POST', '/api/admin/companies', { legalName: 'Alpha Ltd', country: 'PK', currency: 'PKR', timezone: 'Asia/Karachi' });
      const b = await call('POST', '/api/admin/companies', { legalName: 'Beta Ltd', country: 'PK', currency: 'PKR', timezone: 'Asia/Karachi' });
      await call('PATCH', `/api/admin/companies/${a.id}`, { region: 'Sindh' });
      await call('PATCH', `/api/admin/companies/${b.id}`, { industry: 'mining' });
      for (let i = 0; i < 4; i++) await dispatcher.drain();
      expect(seen).toEqual([b.id]);
      const [dead] = await t.database.query<{ attempts: number; last_error: string; dispatched_at: Date | null }>(
        "select attempts, last_error, dispatched_at from outbox_events where type = 'company.updated' and aggregate_id = $1",
        [a.id],
      );
      expect(dead).toMatchObject({ attempts: 2, last_error: 'CRM is down', dispatched_at: null });
    } finally {
      await dispatcher.stop();
    }
  });

  it('commits the consumers that succeeded when another fails, and retries only the failed one after a back-off', async () => {
    const runs = { metrics: 0, mail: 0 };
    let mailServerUp = false;
    const handlers: OutboxHandlers = {
      'company.updated': [
        async (ctx, e) => {
          runs.metrics++;
          await ctx.db.execute(sql`update companies set tags = array_append(tags, 'seen') where id = ${e.aggregateId}`);
        },
        async (ctx, e) => {
          runs.mail++;
          // Written, then rolled back with this consumer alone when the mail server refuses.
          await ctx.db.execute(sql`update companies set tags = array_append(tags, 'mailed') where id = ${e.aggregateId}`);
          if (!mailServerUp) throw new Error('connect ECONNREFUSED 127.0.0.1:1025');
        },
      ],
    };
    await t.database.query('update outbox_events set dispatched_at = now() where dispatched_at is null');
    const dispatcher = startOutboxDispatcher({ database: t.database, handlers, ctxFor: (db) => systemCtx(db), maxAttempts: 5, retryBaseMs: 1_000 }, false);
    const tags = async (id: string) => (await t.database.query<{ tags: string[] }>('select tags from companies where id = $1', [id]))[0]!.tags;
    try {
      const c = await call('POST', '/api/admin/companies', { legalName: 'Gamma Ltd', country: 'PK', currency: 'PKR', timezone: 'Asia/Karachi' });
      await t.database.query('update outbox_events set dispatched_at = now() where dispatched_at is null and type <> $1', ['company.updated']);
      await call('PATCH', `/api/admin/companies/${c.id}`, { industry: 'cement' });
      await dispatcher.drain();
      expect(await tags(c.id)).toEqual(['seen']); // the first consumer's work committed, the failed one's did not
      await dispatcher.drain(); // inside the back-off (1 s, so a slow machine's pause does not end it): nothing runs
      expect(runs).toEqual({ metrics: 1, mail: 1 });
      mailServerUp = true;
      await new Promise((r) => setTimeout(r, 1_200)); // past the first back-off (1 s)
      await dispatcher.drain();
      expect(runs).toEqual({ metrics: 1, mail: 2 }); // only the failed consumer ran again
      expect(await tags(c.id)).toEqual(['seen', 'mailed']);
      const [row] = await t.database.query<{ dispatched_at: Date | null; attempts: number }>(
        "select dispatched_at, attempts from outbox_events where type = 'company.updated' and aggregate_id = $1",
        [c.id],
      );
      expect(row!.dispatched_at).not.toBeNull();
      expect(row!.attempts).toBe(2);
    } finally {
      await dispatcher.stop();
    }
  });
});
