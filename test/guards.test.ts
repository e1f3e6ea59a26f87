import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';
import { buyerSession, staffSession, type SignedIn } from './helpers/auth.ts';

/**
 * Every admin route refuses anonymous callers (401) and company buyers (403); every integration
 * route refuses calls without an API key; store routes that need a buyer refuse staff sessions.
 * The routes come from the OpenAPI document, so a new route is covered the day it is added.
 */
describe('route guards', () => {
  let t: TestApp;
  let buyer: SignedIn;
  let staff: SignedIn;
  let routes: { method: string; path: string; url: string }[];

  beforeAll(async () => {
    t = await createTestApp();
    buyer = await buyerSession(t, { role: 'admin' });
    staff = await staffSession(t, 'admin');
    const spec = (await t.app.inject('/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(spec.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => ({ method: m.toUpperCase(), path, url: path.replace(/\{[^}]+\}/g, 'cmp_00000000000000000000000000') })),
    );
  }, 120_000);
  afterAll(async () => t.close());

  const send = (r: { method: string; url: string }, headers: Record<string, string>) =>
    t.app.inject({ method: r.method as 'GET', url: r.url, headers, ...(r.method === 'GET' || r.method === 'DELETE' ? {} : { payload: {} }) });

  it('admin routes: 401 for anonymous, 403 for a company buyer (even a company admin)', async () => {
    const admin = routes.filter((r) => r.path.startsWith('/api/admin/') && !r.path.startsWith('/api/admin/auth/'));
    expect(admin.length).toBeGreaterThan(20);
    const wrong: string[] = [];
    for (const r of admin) {
      const anon = await send(r, {});
      if (anon.statusCode !== 401) wrong.push(`${r.method} ${r.path} anonymous → ${anon.statusCode}`);
      // The buyer's cookie is for /api/store; even sent to /api/admin it must not open anything.
      const asBuyer = await send(r, buyer.headers);
      if (![401, 403].includes(asBuyer.statusCode)) wrong.push(`${r.method} ${r.path} buyer → ${asBuyer.statusCode}`);
      expect(asBuyer.body).not.toContain(buyer.csrf);
    }
    expect(wrong).toEqual([]);
  });

  it('integration routes: 401 without an API key, also for signed-in staff', async () => {
    const integ = routes.filter((r) => r.path.startsWith('/api/integrations/'));
    expect(integ.length).toBeGreaterThan(0);
    for (const r of integ) {
      expect((await send(r, {})).statusCode, `${r.method} ${r.path}`).toBe(401);
      expect([401, 403]).toContain((await send(r, staff.headers)).statusCode);
    }
  });

  it('unsafe store and admin requests with a session cookie but no CSRF token are refused', async () => {
    const unsafe = routes.filter((r) => r.method !== 'GET' && !r.path.includes('/auth/') && (r.path.startsWith('/api/store/') || r.path.startsWith('/api/admin/')));
    expect(unsafe.length).toBeGreaterThan(10);
    for (const r of unsafe) {
      const s = r.path.startsWith('/api/admin/') ? staff : buyer;
      const res = await send(r, { cookie: s.cookie });
      expect(res.statusCode, `${r.method} ${r.path}`).toBe(403);
      expect(res.json().code).toBe('CSRF_TOKEN_INVALID');
    }
  });
});
