import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { createLocation, systemCtx, type Company, type Location } from '../../src/modules/accounts/index.ts';
import { loginBuyer, makeBuyer, makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

describe('store: my company, its subtree, locations and users', () => {
  let t: TestApp;
  let group: Company;
  let sub: Company;
  let site: Company;
  let sibling: Company;
  let subLoc: Location;
  let siblingLoc: Location;
  let groupAdmin: SignedIn;
  let subAdmin: SignedIn;
  let subBuyer: SignedIn;
  let subBuyerId: string;
  let siblingUserId: string;

  const addLoc = (companyId: string, name: string) => createLocation(systemCtx(t.database.db), companyId, { name, line1: '1 Road', city: 'Lahore', country: 'PK' });

  beforeAll(async () => {
    t = await createTestApp();
    group = await makeCompany(t, { legalName: 'Group' });
    sub = await makeCompany(t, { legalName: 'Subsidiary', parentId: group.id });
    site = await makeCompany(t, { legalName: 'Site', parentId: sub.id });
    sibling = await makeCompany(t, { legalName: 'Sibling', parentId: group.id });
    subLoc = await addLoc(sub.id, 'Sub HQ');
    siblingLoc = await addLoc(sibling.id, 'Sibling HQ');
    const ga = await makeBuyer(t, { companyId: group.id, role: 'admin' });
    const sa = await makeBuyer(t, { companyId: sub.id, role: 'admin' });
    const sb = await makeBuyer(t, { companyId: sub.id, role: 'buyer' });
    const sib = await makeBuyer(t, { companyId: sibling.id, role: 'admin' });
    subBuyerId = sb.user.id;
    siblingUserId = sib.user.id;
    groupAdmin = await loginBuyer(t.app, ga.email);
    subAdmin = await loginBuyer(t.app, sa.email);
    subBuyer = await loginBuyer(t.app, sb.email);
  });
  afterAll(async () => t.close());

  const req = (who: SignedIn | null, method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: who ? (method === 'GET' ? { cookie: who.cookie } : who.headers) : {} });

  it('shows the own company with its parent', async () => {
    const res = await req(subAdmin, 'GET', '/api/store/company');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: sub.id, legalName: 'Subsidiary', parent: { id: group.id, legalName: 'Group' } });
    expect((await req(groupAdmin, 'GET', '/api/store/company')).json().parent).toBeNull();
  });

  it('lists the admin’s whole subtree flat with depth, and only the own company for other roles', async () => {
    const all = (await req(groupAdmin, 'GET', '/api/store/companies')).json();
    const byId = Object.fromEntries(all.items.map((c: { id: string; depth: number; parentId: string | null }) => [c.id, c]));
    expect(Object.keys(byId).sort()).toEqual([group.id, sub.id, site.id, sibling.id].sort());
    expect(byId[site.id]).toMatchObject({ depth: 2, parentId: sub.id });
    const fromSub = (await req(subAdmin, 'GET', '/api/store/companies')).json();
    expect(fromSub.items.map((c: { id: string }) => c.id).sort()).toEqual([sub.id, site.id].sort());
    expect(fromSub.items.find((c: { id: string }) => c.id === sub.id).depth).toBe(0);
    const asBuyer = (await req(subBuyer, 'GET', '/api/store/companies')).json();
    expect(asBuyer.items.map((c: { id: string }) => c.id)).toEqual([sub.id]);
  });

  it('lets a parent admin read descendants (company, users, locations) at any depth', async () => {
    expect((await req(groupAdmin, 'GET', `/api/store/companies/${site.id}`)).json()).toMatchObject({ id: site.id, depth: 2 });
    const users = await req(groupAdmin, 'GET', `/api/store/companies/${sub.id}/users`);
    expect(users.statusCode).toBe(200);
    expect(users.json().items.map((u: { id: string }) => u.id)).toContain(subBuyerId);
    const locs = await req(groupAdmin, 'GET', `/api/store/companies/${sub.id}/locations`);
    expect(locs.json().items.map((l: { id: string }) => l.id)).toEqual([subLoc.id]);
  });

  it('never lets a parent admin write a descendant’s users or locations (404)', async () => {
    expect((await req(groupAdmin, 'PATCH', `/api/store/company/locations/${subLoc.id}`, { name: 'Hijacked' })).statusCode).toBe(404);
    expect((await req(groupAdmin, 'DELETE', `/api/store/company/locations/${subLoc.id}`)).statusCode).toBe(404);
    expect((await req(groupAdmin, 'PATCH', `/api/store/company/users/${subBuyerId}`, { role: 'admin' })).statusCode).toBe(404);
    expect((await req(groupAdmin, 'DELETE', `/api/store/company/users/${subBuyerId}`)).statusCode).toBe(404);
    const still = (await req(subAdmin, 'GET', '/api/store/company/users')).json();
    expect(still.items.find((u: { id: string }) => u.id === subBuyerId).role).toBe('buyer');
  });

  it('never shows upwards or sideways: parent and sibling ids answer 404 on every endpoint with an id', async () => {
    const foreign: [string, string, string][] = [
      [group.id, siblingLoc.id, siblingUserId],
      [sibling.id, siblingLoc.id, siblingUserId],
    ];
    for (const [companyId, locId, userId] of foreign) {
      for (const [method, url, payload] of [
        ['GET', `/api/store/companies/${companyId}`],
        ['GET', `/api/store/companies/${companyId}/users`],
        ['GET', `/api/store/companies/${companyId}/locations`],
        ['PATCH', `/api/store/company/locations/${locId}`, { name: 'x' }],
        ['DELETE', `/api/store/company/locations/${locId}`],
        ['PATCH', `/api/store/company/users/${userId}`, { role: 'viewer' }],
        ['DELETE', `/api/store/company/users/${userId}`],
      ] as [Method, string, object?][]) {
        const res = await req(subAdmin, method, url, payload);
        expect(res.statusCode, `${method} ${url}`).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
    }
    // A non-admin cannot read even its own descendants.
    expect((await req(subBuyer, 'GET', `/api/store/companies/${site.id}`)).statusCode).toBe(404);
    expect((await req(subBuyer, 'GET', `/api/store/companies/${sub.id}`)).statusCode).toBe(200);
  });

  it('lets a company admin manage locations, with one default', async () => {
    const created = await req(subAdmin, 'POST', '/api/store/company/locations', { name: 'Plant', line1: '2 Canal Rd', city: 'Faisalabad', country: 'PK', isDefault: true, isBillTo: true });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ companyId: sub.id, isDefault: true, isBillTo: true, isShipTo: true });
    const other = (await req(subAdmin, 'POST', '/api/store/company/locations', { name: 'Depot', line1: '3 GT Rd', city: 'Multan', country: 'PK' })).json();
    const patched = await req(subAdmin, 'PATCH', `/api/store/company/locations/${other.id}`, { isDefault: true, phone: '+92 61 1234567' });
    expect(patched.json()).toMatchObject({ isDefault: true, phone: '+92 61 1234567' });
    const list = (await req(subAdmin, 'GET', '/api/store/company/locations')).json();
    expect(list.items.filter((l: { isDefault: boolean }) => l.isDefault).map((l: { id: string }) => l.id)).toEqual([other.id]);
    expect((await req(subAdmin, 'DELETE', `/api/store/company/locations/${other.id}`)).statusCode).toBe(204);
    expect((await req(subBuyer, 'POST', '/api/store/company/locations', { name: 'X', line1: 'Y', city: 'Z', country: 'PK' })).statusCode).toBe(403);
  });

  it('lets a company admin add, change and remove users, keeping the last admin', async () => {
    const added = await req(subAdmin, 'POST', '/api/store/company/users', { email: 'new.approver@sub.test', name: 'Nadia', role: 'approver', password: 'nadia password 1', locationIds: [subLoc.id] });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ role: 'approver', locationIds: [subLoc.id], companyId: sub.id });
    const badLoc = await req(subAdmin, 'POST', '/api/store/company/users', { email: 'x@sub.test', name: 'X', role: 'buyer', locationIds: [siblingLoc.id] });
    expect(badLoc.statusCode).toBe(400);
    expect(badLoc.json().field).toBe('locationIds');
    const changed = await req(subAdmin, 'PATCH', `/api/store/company/users/${added.json().id}`, { role: 'viewer', locationIds: [] });
    expect(changed.json()).toMatchObject({ role: 'viewer', locationIds: [] });
    const nadia = await loginBuyer(t.app, 'new.approver@sub.test', 'nadia password 1');
    expect((await req(nadia, 'GET', '/api/store/auth/me')).json().role).toBe('viewer');
    expect((await req(subAdmin, 'DELETE', `/api/store/company/users/${added.json().id}`)).statusCode).toBe(204);
    // Removed from the company she was acting for: her session no longer opens anything.
    expect((await req(nadia, 'GET', '/api/store/company')).statusCode).toBe(401);
    expect((await req(subAdmin, 'GET', '/api/store/company/users')).json().items.map((u: { id: string }) => u.id)).not.toContain(added.json().id);

    const me = (await req(subAdmin, 'GET', '/api/store/auth/me')).json();
    const selfDemote = await req(subAdmin, 'PATCH', `/api/store/company/users/${me.user.id}`, { role: 'buyer' });
    expect(selfDemote.statusCode).toBe(409);
    expect(selfDemote.json().code).toBe('LAST_ADMIN');
    expect((await req(subAdmin, 'DELETE', `/api/store/company/users/${me.user.id}`)).json().code).toBe('LAST_ADMIN');
    expect((await req(subBuyer, 'GET', '/api/store/company/users')).statusCode).toBe(403);
    expect((await req(subBuyer, 'POST', '/api/store/company/users', { email: 'y@sub.test', name: 'Y', role: 'admin' })).statusCode).toBe(403);
  });

  it('shows a location-restricted buyer only their locations', async () => {
    const a = await addLoc(site.id, 'Site A');
    await addLoc(site.id, 'Site B');
    const limited = await makeBuyer(t, { companyId: site.id, role: 'buyer', locationIds: [a.id] });
    const s = await loginBuyer(t.app, limited.email);
    const list = (await req(s, 'GET', '/api/store/company/locations')).json();
    expect(list.items.map((l: { id: string }) => l.id)).toEqual([a.id]);
  });

  it('demands sign-in (401) on every store endpoint, and ignores the staff cookie there', async () => {
    const staff = await staffSession(t, 'admin');
    const endpoints: [Method, string, object?][] = [
      ['GET', '/api/store/company'],
      ['GET', '/api/store/companies'],
      ['GET', `/api/store/companies/${sub.id}`],
      ['GET', `/api/store/companies/${sub.id}/users`],
      ['GET', `/api/store/companies/${sub.id}/locations`],
      ['GET', '/api/store/company/locations'],
      ['POST', '/api/store/company/locations', { name: 'a', line1: 'b', city: 'c', country: 'PK' }],
      ['PATCH', `/api/store/company/locations/${subLoc.id}`, { name: 'x' }],
      ['DELETE', `/api/store/company/locations/${subLoc.id}`],
      ['GET', '/api/store/company/users'],
      ['POST', '/api/store/company/users', { email: 'q@q.test', name: 'Q', role: 'buyer' }],
      ['PATCH', `/api/store/company/users/${subBuyerId}`, { role: 'viewer' }],
      ['DELETE', `/api/store/company/users/${subBuyerId}`],
    ];
    for (const [method, url, payload] of endpoints) {
      expect((await req(null, method, url, payload)).statusCode, `${method} ${url}`).toBe(401);
      expect((await req(staff, method, url, payload)).statusCode, `${method} ${url} with staff cookie`).toBe(401);
    }
  });

  it.each([
    ['POST', '/api/store/company/locations', { name: 'a', line1: 'b', city: 'c', country: 'pk' }, 'country'],
    ['POST', '/api/store/company/locations', { name: 'a', line1: 'b', country: 'PK' }, 'city'],
    ['POST', '/api/store/company/locations', { name: 'a', line1: 'b', city: 'c', country: 'PK', isDefault: 'yes' }, 'isDefault'],
    ['PATCH', '/api/store/company/locations/loc_x', {}, 'body'],
    ['POST', '/api/store/company/users', { email: 'q@q.test', name: 'Q', role: 'god' }, 'role'],
    ['POST', '/api/store/company/users', { email: 'q@q.test', role: 'buyer' }, 'name'],
    ['POST', '/api/store/company/users', { email: 'q@q.test', name: 'Q', role: 'buyer', password: 'short' }, 'password'],
    ['PATCH', '/api/store/company/users/usr_x', { role: 'admin', name: 'x' }, 'name'],
    ['GET', '/api/store/companies?limit=abc', undefined, 'limit'],
    ['GET', '/api/store/company/users?cursor=zzz', undefined, 'cursor'],
  ] as [Method, string, object | undefined, string][])('answers bad input %s %s with 4xx naming %s', async (method, url, payload, field) => {
    const res = await req(subAdmin, method, url, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe(field);
  });
});
