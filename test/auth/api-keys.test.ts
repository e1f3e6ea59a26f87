import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';

describe('API keys', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, 'admin');
  });
  afterAll(async () => t.close());

  const createKey = async (scopes: string[], name = 'ERP') => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload: { name, scopes } });
    expect(res.statusCode).toBe(201);
    return res.json() as { id: string; key: string; prefix: string; scopes: string[]; lastUsedAt: string | null };
  };
  const callCompanies = (key: string | undefined, query = '') =>
    t.app.inject({ url: `/api/integrations/companies${query}`, headers: key === undefined ? {} : { authorization: `Bearer ${key}` } });

  it('shows a new key once and stores only its hash and a visible prefix', async () => {
    const k = await createKey(['companies:read']);
    expect(k.key).toMatch(/^pk_live_[\w-]{43}$/);
    expect(k.key.startsWith(k.prefix)).toBe(true);
    const list = await t.app.inject({ url: '/api/admin/api-keys', headers: { cookie: admin.cookie } });
    expect(list.statusCode).toBe(200);
    const listed = list.json().items.find((i: { id: string }) => i.id === k.id);
    expect(listed).toMatchObject({ name: 'ERP', prefix: k.prefix, scopes: ['companies:read'], revokedAt: null });
    expect(JSON.stringify(list.json())).not.toContain(k.key);
    const rows = await t.database.query<{ key_hash: string }>('select key_hash from api_keys where id = $1', [k.id]);
    expect(rows[0]?.key_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('lets a key with companies:read page through companies, and refuses other scopes', async () => {
    await makeCompany(t, { legalName: 'Integration One' });
    await makeCompany(t, { legalName: 'Integration Two' });
    const k = await createKey(['companies:read']);
    const first = await callCompanies(k.key, '?limit=1');
    expect(first.statusCode).toBe(200);
    expect(first.json().items).toHaveLength(1);
    const next = await callCompanies(k.key, `?limit=1&cursor=${first.json().nextCursor}`);
    expect(next.json().items[0].id > first.json().items[0].id).toBe(true);

    const catalogOnly = await createKey(['catalog:read']);
    const refused = await callCompanies(catalogOnly.key);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('SCOPE_MISSING');
  });

  it('answers 401 without a key and for an unknown or malformed one', async () => {
    expect((await callCompanies(undefined)).statusCode).toBe(401);
    const unknown = await callCompanies(`pk_live_${'a'.repeat(43)}`);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json().code).toBe('API_KEY_INVALID');
    expect((await callCompanies('garbage')).json().code).toBe('API_KEY_INVALID');
    const bad = await t.app.inject({ url: '/api/integrations/companies', headers: { authorization: 'Basic abc' } });
    expect(bad.statusCode).toBe(401);
  });

  it('ignores session cookies on integration routes', async () => {
    const res = await t.app.inject({ url: '/api/integrations/companies', headers: { cookie: admin.cookie.replace('precis_staff_sid', 'precis_sid') } });
    expect(res.statusCode).toBe(401);
  });

  it('records last use at most once a minute', async () => {
    const k = await createKey(['companies:read']);
    await callCompanies(k.key);
    const [a] = await t.database.query<{ last_used_at: Date | string }>('select last_used_at from api_keys where id = $1', [k.id]);
    expect(a?.last_used_at).not.toBeNull();
    await callCompanies(k.key);
    const [b] = await t.database.query<{ last_used_at: Date | string }>('select last_used_at from api_keys where id = $1', [k.id]);
    expect(new Date(b!.last_used_at).getTime()).toBe(new Date(a!.last_used_at).getTime());
    await t.database.query(`update api_keys set last_used_at = now() - interval '2 minutes' where id = $1`, [k.id]);
    await callCompanies(k.key);
    const [c] = await t.database.query<{ last_used_at: Date | string }>('select last_used_at from api_keys where id = $1', [k.id]);
    expect(new Date(c!.last_used_at).getTime()).toBeGreaterThan(Date.now() - 30_000);
  });

  it('stops a revoked key at once', async () => {
    const k = await createKey(['companies:read']);
    expect((await callCompanies(k.key)).statusCode).toBe(200);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/admin/api-keys/${k.id}`, headers: admin.headers });
    expect(del.statusCode).toBe(204);
    expect((await callCompanies(k.key)).statusCode).toBe(401);
    const list = await t.app.inject({ url: '/api/admin/api-keys?limit=200', headers: { cookie: admin.cookie } });
    expect(list.json().items.find((i: { id: string }) => i.id === k.id).revokedAt).not.toBeNull();
    expect((await t.app.inject({ method: 'DELETE', url: '/api/admin/api-keys/key_nope', headers: admin.headers })).statusCode).toBe(404);
  });

  it('lets only staff with api_keys:write manage keys', async () => {
    const catalog = await staffSession(t, 'catalog_manager');
    const buyer = await buyerSession(t);
    const anonymous = await t.app.inject({ url: '/api/admin/api-keys' });
    expect(anonymous.statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/admin/api-keys', headers: { cookie: catalog.cookie } })).statusCode).toBe(403);
    const asBuyer = await t.app.inject({ url: '/api/admin/api-keys', headers: { cookie: buyer.cookie.replace('precis_sid', 'precis_staff_sid') } });
    expect(asBuyer.statusCode).toBe(401);
    const noCsrf = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: { cookie: admin.cookie }, payload: { name: 'x', scopes: ['catalog:read'] } });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
  });

  it.each([
    [{ scopes: ['catalog:read'] }, 'name'],
    [{ name: 'x', scopes: [] }, 'scopes'],
    [{ name: 'x', scopes: ['everything'] }, 'scopes[0]'],
    [{ name: 'x', scopes: ['catalog:read'], admin: true }, 'admin'],
  ])('answers bad key input %j with 400 naming %s', async (payload, field) => {
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('answers bad pagination input with 400', async () => {
    const k = await createKey(['companies:read']);
    expect((await callCompanies(k.key, '?limit=0')).json().field).toBe('limit');
    expect((await callCompanies(k.key, '?cursor=%%%')).json().code).toBe('BAD_CURSOR');
  });
});
