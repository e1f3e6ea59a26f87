import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, type App } from '../../src/app.ts';
import { openDatabase, type Database } from '../../src/db/client.ts';
import { createTestApp, memoryMailer, type TestApp } from '../harness.ts';
import { buyerSession, staffSession } from '../helpers/auth.ts';
import { eventually } from '../shared-catalogs/eventually.ts';

/**
 * Sessions are cached per process. These tests change what a session may do behind the cache's
 * back — through another app instance on the same database, or with plain SQL as an ERP sync or
 * a DBA would — and expect every instance to follow within a second.
 */
describe('session cache', () => {
  let t: TestApp;
  let second: App;
  let secondDb: Database | null = null;
  beforeAll(async () => {
    t = await createTestApp();
    if (t.database.kind === 'postgres') {
      const [row] = await t.database.query<{ name: string }>('select current_database() as name');
      const url = new URL(process.env.DATABASE_URL!);
      url.pathname = `/${row!.name}`;
      secondDb = await openDatabase({ url: url.toString(), poolSize: 2 });
    }
    second = await buildApp({ config: t.config, database: secondDb ?? t.database, mailer: memoryMailer(), webDir: '/nonexistent' });
    await second.ready();
  });
  afterAll(async () => {
    await second.close();
    await secondDb?.close();
    await t.close();
  });

  const status = async (app: App, headers: Record<string, string>) => (await app.inject({ url: '/api/store/company', headers })).statusCode;

  it('signs a buyer out on the other instance within a second when staff suspend the company', async () => {
    const buyer = await buyerSession(t);
    expect(await status(second, buyer.headers)).toBe(200); // cached on the second instance
    expect(await status(second, buyer.headers)).toBe(200);
    const staff = await staffSession(t, 'admin');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/companies/${buyer.company.id}`, headers: staff.headers, payload: { status: 'suspended' } });
    expect(res.statusCode).toBe(200);
    expect(await status(t.app, buyer.headers)).toBe(401); // the writing instance: at once
    await eventually(async () => expect(await status(second, buyer.headers)).toBe(401));
  });

  it('follows a role change made with plain SQL', async () => {
    const buyer = await buyerSession(t, { role: 'buyer' });
    const users = async (app: App) => (await app.inject({ url: '/api/store/company/users', headers: buyer.headers })).statusCode;
    expect(await users(t.app)).toBe(403); // a buyer may not list the company's users
    expect(await users(second)).toBe(403);
    await t.database.query(`update company_memberships set role = 'admin' where user_id = $1`, [buyer.user.id]);
    await eventually(async () => expect(await users(t.app)).toBe(200));
    await eventually(async () => expect(await users(second)).toBe(200));
  });

  it('ends a session deleted on the database and keeps unrelated sessions working', async () => {
    const gone = await buyerSession(t);
    const kept = await buyerSession(t);
    expect(await status(second, gone.headers)).toBe(200);
    expect(await status(second, kept.headers)).toBe(200);
    await t.database.query(`delete from sessions where user_id = $1`, [gone.user.id]);
    await eventually(async () => expect(await status(second, gone.headers)).toBe(401));
    expect(await status(second, kept.headers)).toBe(200);
  });

  it('disables a staff login everywhere', async () => {
    const admin = await staffSession(t, 'admin');
    const rep = await staffSession(t, 'sales_rep');
    const me = async (app: App) => (await app.inject({ url: '/api/admin/companies', headers: rep.headers })).statusCode;
    expect(await me(second)).toBe(200);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/staff/${rep.staff.id}`, headers: admin.headers, payload: { status: 'disabled' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(await me(t.app)).toBe(401);
    await eventually(async () => expect(await me(second)).toBe(401));
  });
});
