import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, loginBuyer, makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';
import { unique } from '../helpers/unique.ts';

const company = (over: Record<string, unknown> = {}) => ({ legalName: 'Indus Supplies', country: 'PK', currency: 'PKR', timezone: 'Asia/Karachi', ...over });

describe('admin: companies, hierarchy, locations, users, staff', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, 'admin');
  });
  afterAll(async () => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who: SignedIn = admin) =>
    t.app.inject({ method, url, payload, headers: method === 'GET' ? { cookie: who.cookie } : who.headers });

  it('creates a hierarchy and lists it by parent with child counts, by name, page by page', async () => {
    // A name unique per attempt: a retry must list its own companies, not the first attempt's too.
    const lahore = unique('Lahore', '');
    const q = lahore.toLowerCase();
    const root = (await req('POST', '/api/admin/companies', company({ legalName: `${lahore} Holdings`, tags: ['key'], customFields: { tier: 'gold' } }))).json();
    expect(root).toMatchObject({ legalName: `${lahore} Holdings`, parentId: null, status: 'active', tags: ['key'], customFields: { tier: 'gold' } });
    const a = await req('POST', '/api/admin/companies', company({ legalName: `${lahore} Steel`, parentId: root.id }));
    expect(a.statusCode).toBe(201);
    await req('POST', '/api/admin/companies', company({ legalName: `${lahore} Cement`, parentId: root.id }));
    const byParent = (await req('GET', `/api/admin/companies?parentId=${root.id}`)).json();
    expect(byParent.items.map((c: { legalName: string }) => c.legalName).sort()).toEqual([`${lahore} Cement`, `${lahore} Steel`]);
    const roots = (await req('GET', `/api/admin/companies?parentId=root&q=${q} hold`)).json();
    expect(roots.items).toEqual([expect.objectContaining({ id: root.id, childCount: 2 })]);
    const page1 = (await req('GET', `/api/admin/companies?q=${q}&limit=2`)).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await req('GET', `/api/admin/companies?q=${q}&limit=2&cursor=${page1.nextCursor}`)).json();
    expect(page2.items).toHaveLength(1);
    expect(page2.nextCursor).toBeNull();
    const ancestors = (await req('GET', `/api/admin/companies/${a.json().id}/ancestors`)).json();
    expect(ancestors.items.map((c: { id: string }) => c.id)).toEqual([root.id]);
  });

  it('refuses a move under its own descendant with 409 HIERARCHY_CYCLE, and allows a real move', async () => {
    const top = (await req('POST', '/api/admin/companies', company({ legalName: 'Top' }))).json();
    const mid = (await req('POST', '/api/admin/companies', company({ legalName: 'Mid', parentId: top.id }))).json();
    const low = (await req('POST', '/api/admin/companies', company({ legalName: 'Low', parentId: mid.id }))).json();
    const cycle = await req('PATCH', `/api/admin/companies/${top.id}`, { parentId: low.id });
    expect(cycle.statusCode).toBe(409);
    expect(cycle.json()).toMatchObject({ code: 'HIERARCHY_CYCLE', field: 'parentId' });
    const moved = await req('PATCH', `/api/admin/companies/${low.id}`, { parentId: top.id, legalName: 'Low moved' });
    expect(moved.json()).toMatchObject({ parentId: top.id, legalName: 'Low moved' });
    expect((await req('GET', `/api/admin/companies/${low.id}/ancestors`)).json().items).toHaveLength(1);
  });

  it('deletes only leaf companies', async () => {
    const p = (await req('POST', '/api/admin/companies', company())).json();
    const c = (await req('POST', '/api/admin/companies', company({ parentId: p.id }))).json();
    const refused = await req('DELETE', `/api/admin/companies/${p.id}`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('COMPANY_HAS_CHILDREN');
    expect((await req('DELETE', `/api/admin/companies/${c.id}`)).statusCode).toBe(204);
    expect((await req('GET', `/api/admin/companies/${c.id}`)).statusCode).toBe(404);
    expect((await req('DELETE', `/api/admin/companies/${p.id}`)).statusCode).toBe(204);
  });

  it.each([
    [company({ currency: 'ABC' }), 'currency', 'VALIDATION_FAILED'],
    [company({ currency: 'pkr' }), 'currency', 'VALIDATION_FAILED'],
    [company({ country: 'Pakistan' }), 'country', 'VALIDATION_FAILED'],
    [company({ timezone: 'Mars/Olympus' }), 'timezone', 'VALIDATION_FAILED'],
    [company({ legalName: '' }), 'legalName', 'VALIDATION_FAILED'],
    [company({ legalName: 'x'.repeat(301) }), 'legalName', 'VALIDATION_FAILED'],
    [company({ salesRepId: 'stf_00000000000000000000000000' }), 'salesRepId', 'VALIDATION_FAILED'],
    [company({ parentId: 'cmp_00000000000000000000000000' }), 'parentId', 'NOT_FOUND'],
    [company({ status: 'closed' }), 'status', 'VALIDATION_FAILED'],
    [company({ customFields: { nested: { no: 1 } } }), 'customFields.nested', 'VALIDATION_FAILED'],
    [company({ owner: 'me' }), 'owner', 'VALIDATION_FAILED'],
  ])('refuses a bad company %# naming the field', async (body, field, code) => {
    const res = await req('POST', '/api/admin/companies', body);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.statusCode).toBeLessThan(500);
    expect(res.json()).toMatchObject({ code, field });
  });

  it('refuses bad patches, ids and queries with 4xx, never 500', async () => {
    const c = (await req('POST', '/api/admin/companies', company())).json();
    expect((await req('PATCH', `/api/admin/companies/${c.id}`, {})).statusCode).toBe(400);
    expect((await req('PATCH', `/api/admin/companies/${c.id}`, { currency: 'XYZ' })).json().field).toBe('currency');
    expect((await req('PATCH', '/api/admin/companies/not-an-id', { legalName: 'x' })).statusCode).toBe(404);
    expect((await req('GET', '/api/admin/companies/cmp_zzzzzzzzzzzzzzzzzzzzzzzzzz')).statusCode).toBe(404);
    expect((await req('GET', '/api/admin/companies?limit=500')).json().field).toBe('limit');
    expect((await req('GET', '/api/admin/companies?cursor=bogus')).json().code).toBe('BAD_CURSOR');
    expect((await req('GET', `/api/admin/companies?q=${'x'.repeat(101)}`)).statusCode).toBe(400);
    expect((await req('GET', '/api/admin/companies?parentId=nope')).json().items).toEqual([]);
    expect((await req('POST', `/api/admin/companies/${c.id}/locations`, { name: 'HQ', line1: '1 Road', city: 'Lahore' })).json().field).toBe('country');
    expect((await req('POST', `/api/admin/companies/${c.id}/users`, { email: 'no-at-sign', name: 'N', role: 'buyer' })).json().field).toBe('email');
    expect((await req('POST', `/api/admin/companies/${c.id}/users`, { email: 'a@b.pk', name: 'N', role: 'owner' })).json().field).toBe('role');
    expect((await req('POST', '/api/admin/staff', { email: 'x@y.pk', name: 'X', role: 'root' })).json().field).toBe('role');
  });

  it('manages locations, keeping a single default', async () => {
    const c = (await req('POST', '/api/admin/companies', company())).json();
    const hq = (await req('POST', `/api/admin/companies/${c.id}/locations`, { name: 'HQ', line1: '1 Mall Road', city: 'Lahore', country: 'PK', isBillTo: true, isDefault: true })).json();
    const wh = (await req('POST', `/api/admin/companies/${c.id}/locations`, { name: 'Warehouse', line1: '9 Port', city: 'Karachi', country: 'PK', isDefault: true })).json();
    expect(wh).toMatchObject({ isDefault: true, isShipTo: true, isBillTo: false });
    const list = (await req('GET', `/api/admin/companies/${c.id}/locations`)).json();
    expect(list.items.find((l: { id: string }) => l.id === hq.id).isDefault).toBe(false);
    const patched = await req('PATCH', `/api/admin/companies/${c.id}/locations/${hq.id}`, { city: 'Lahore Cantt' });
    expect(patched.json().city).toBe('Lahore Cantt');
    const other = (await req('POST', '/api/admin/companies', company())).json();
    expect((await req('PATCH', `/api/admin/companies/${other.id}/locations/${hq.id}`, { city: 'x' })).statusCode).toBe(404);
    expect((await req('DELETE', `/api/admin/companies/${c.id}/locations/${wh.id}`)).statusCode).toBe(204);
  });

  it('adds buyers who can then sign in; one login may belong to several companies with different roles', async () => {
    const bilal = unique('Bilal'); // a login unique per attempt: a retry must not find the first attempt's memberships
    const email = bilal.toLowerCase();
    const a = (await req('POST', '/api/admin/companies', company({ legalName: 'Acme PK' }))).json();
    const b = (await req('POST', '/api/admin/companies', company({ legalName: 'Acme AE', country: 'AE', currency: 'AED', timezone: 'Asia/Dubai' }))).json();
    const created = await req('POST', `/api/admin/companies/${a.id}/users`, { email: `${bilal}@Acme.test`, name: 'Bilal', role: 'admin', password: 'bilal password 1' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: `${email}@acme.test`, role: 'admin', companyId: a.id, locationIds: [] });
    const dup = await req('POST', `/api/admin/companies/${a.id}/users`, { email: `${email}@ACME.test`, name: 'Bilal', role: 'buyer' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'EMAIL_TAKEN', field: 'email' });
    const second = await req('POST', `/api/admin/companies/${b.id}/users`, { email: `${email}@acme.test`, name: 'ignored', role: 'viewer' });
    expect(second.json()).toMatchObject({ id: created.json().id, name: 'Bilal', role: 'viewer', companyId: b.id });
    const s = await loginBuyer(t.app, `${email}@acme.test`, 'bilal password 1');
    expect(s.body.companies).toEqual([
      { id: a.id, legalName: 'Acme PK', role: 'admin' },
      { id: b.id, legalName: 'Acme AE', role: 'viewer' },
    ]);
    const weak = await req('POST', `/api/admin/companies/${a.id}/users`, { email: 'w@acme.test', name: 'W', role: 'buyer', password: 'short' });
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
    const users = (await req('GET', `/api/admin/companies/${a.id}/users`)).json();
    expect(users.items.map((u: { email: string }) => u.email)).toEqual([`${email}@acme.test`]);
  });

  it('keeps the last company admin: demoting or disabling them is LAST_ADMIN', async () => {
    const c = (await req('POST', '/api/admin/companies', company())).json();
    const first = (await req('POST', `/api/admin/companies/${c.id}/users`, { email: `a-${c.id}@x.test`, name: 'A', role: 'admin' })).json();
    const demote = await req('PATCH', `/api/admin/company-users/${first.id}`, { role: 'buyer' });
    expect(demote.statusCode).toBe(409);
    expect(demote.json()).toMatchObject({ code: 'LAST_ADMIN', field: 'role' });
    expect((await req('PATCH', `/api/admin/company-users/${first.id}`, { status: 'disabled' })).json().code).toBe('LAST_ADMIN');
    const second = (await req('POST', `/api/admin/companies/${c.id}/users`, { email: `b-${c.id}@x.test`, name: 'B', role: 'admin' })).json();
    const ok = await req('PATCH', `/api/admin/company-users/${first.id}`, { role: 'approver', name: 'A. Khan', companyId: c.id });
    expect(ok.json()).toMatchObject({ role: 'approver', name: 'A. Khan' });
    expect((await req('PATCH', `/api/admin/company-users/${second.id}`, { role: 'viewer' })).json().code).toBe('LAST_ADMIN');
    expect((await req('PATCH', '/api/admin/company-users/usr_00000000000000000000000000', { name: 'x' })).statusCode).toBe(404);
  });

  it('manages staff; the last active staff admin stays admin', async () => {
    const rep = unique('Rep');
    const created = await req('POST', '/api/admin/staff', { email: `${rep}@Seller.test`, name: 'Rep', role: 'sales_rep', password: 'rep password 12' });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: `${rep.toLowerCase()}@seller.test`, role: 'sales_rep', status: 'active' });
    expect((await req('POST', '/api/admin/staff', { email: `${rep.toLowerCase()}@seller.test`, name: 'Rep', role: 'support' })).json().code).toBe('EMAIL_TAKEN');
    const c = (await req('POST', '/api/admin/companies', company({ salesRepId: created.json().id }))).json();
    expect(c.salesRepId).toBe(created.json().id);
    const list = (await req('GET', '/api/admin/staff')).json();
    expect(list.items.map((s: { email: string }) => s.email)).toContain(`${rep.toLowerCase()}@seller.test`);
    const patched = await req('PATCH', `/api/admin/staff/${created.json().id}`, { role: 'support' });
    expect(patched.json().role).toBe('support');
    const me = (await req('GET', '/api/admin/auth/me')).json();
    const last = await req('PATCH', `/api/admin/staff/${me.staff.id}`, { role: 'support' });
    expect(last.statusCode).toBe(409);
    expect(last.json().code).toBe('LAST_ADMIN');
  });

  it('lets roles without the permission read but not write, and refuses buyers (403) and anonymous (401) everywhere', async () => {
    const c = await makeCompany(t);
    const support = await staffSession(t, 'support');
    expect((await req('GET', '/api/admin/companies', undefined, support)).statusCode).toBe(200);
    expect((await req('POST', '/api/admin/companies', company(), support)).statusCode).toBe(403);
    expect((await req('POST', '/api/admin/staff', { email: 'z@z.test', name: 'Z', role: 'admin' }, support)).statusCode).toBe(403);
    const buyer = await buyerSession(t, { role: 'admin' });
    const endpoints: ['GET' | 'POST' | 'PATCH' | 'DELETE', string, object?][] = [
      ['GET', '/api/admin/companies'],
      ['POST', '/api/admin/companies', company()],
      ['GET', `/api/admin/companies/${c.id}`],
      ['PATCH', `/api/admin/companies/${c.id}`, { legalName: 'x' }],
      ['DELETE', `/api/admin/companies/${c.id}`],
      ['GET', `/api/admin/companies/${c.id}/ancestors`],
      ['GET', `/api/admin/companies/${c.id}/locations`],
      ['POST', `/api/admin/companies/${c.id}/locations`, { name: 'a', line1: 'b', city: 'c', country: 'PK' }],
      ['GET', `/api/admin/companies/${c.id}/users`],
      ['POST', `/api/admin/companies/${c.id}/users`, { email: 'q@q.test', name: 'Q', role: 'buyer' }],
      ['PATCH', `/api/admin/company-users/${buyer.user.id}`, { name: 'x' }],
      ['GET', '/api/admin/staff'],
      ['POST', '/api/admin/staff', { email: 'z@z.test', name: 'Z', role: 'admin' }],
      ['PATCH', `/api/admin/staff/${admin.body.staff && (admin.body.staff as { id: string }).id}`, { name: 'x' }],
      ['GET', '/api/admin/api-keys'],
      ['POST', '/api/admin/api-keys', { name: 'k', scopes: ['catalog:read'] }],
      ['DELETE', '/api/admin/api-keys/key_00000000000000000000000000'],
    ];
    for (const [method, url, payload] of endpoints) {
      const anon = await t.app.inject({ method, url, payload });
      expect(anon.statusCode, `${method} ${url} anonymous`).toBe(401);
      const asBuyer = await req(method, url, payload, buyer);
      expect(asBuyer.statusCode, `${method} ${url} as buyer`).toBe(403);
    }
    expect((await req('GET', `/api/admin/companies/${c.id}`)).statusCode).toBe(200);
  });
});
