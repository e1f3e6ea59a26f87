import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';
import { seedVisibilityCatalog, type VisibilityFixture } from './fixtures.ts';
import { unique } from '../helpers/unique.ts';

const BASE = '/api/admin/shared-catalogs';

describe('admin: shared catalogs', () => {
  let t: TestApp;
  let f: VisibilityFixture;
  let manager: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedVisibilityCatalog(t.database);
    manager = await staffSession(t, 'catalog_manager');
  });
  afterAll(async () => t.close());

  const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object, who: SignedIn = manager) =>
    t.app.inject({ method, url, payload, headers: method === 'GET' ? { cookie: who.cookie } : who.headers });

  it('creates, reads, lists, changes and deletes a catalog with named rules and assignments', async () => {
    const company = await makeCompany(t, { legalName: 'Rawalpindi Traders' });
    const created = await req('POST', BASE, {
      name: 'Trade counter',
      description: 'No plumbing',
      rules: [
        { effect: 'exclude', kind: 'category', value: f.cat.plumbing },
        { effect: 'include', kind: 'tag', value: ' sale ' },
      ],
      assignments: [{ type: 'company', companyId: company.id, includeDescendants: true }, { type: 'everyone' }],
    });
    expect(created.statusCode, created.body).toBe(201);
    const c = created.json();
    expect(c).toMatchObject({ id: expect.stringMatching(/^ctl_/), name: 'Trade counter', status: 'draft', version: 1 });
    expect(c.rules).toEqual([
      { effect: 'include', kind: 'tag', value: 'sale', label: 'sale' },
      { effect: 'exclude', kind: 'category', value: f.cat.plumbing, label: 'Plumbing' },
    ]);
    expect(c.assignments).toEqual([
      { type: 'everyone', label: '' },
      { type: 'company', companyId: company.id, includeDescendants: true, label: 'Rawalpindi Traders' },
    ]);
    expect((await req('GET', `${BASE}/${c.id}`)).json()).toEqual(c);

    const patched = await req('PATCH', `${BASE}/${c.id}`, { status: 'active', assignments: [] });
    expect(patched.json()).toMatchObject({ status: 'active', version: 2, assignments: [], rules: c.rules });

    const list = (await req('GET', `${BASE}?limit=200`)).json();
    expect(list.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({
      status: 'active',
      include: { category: 0, product: 0, brand: 0, tag: 1 },
      exclude: { category: 1, product: 0, brand: 0, tag: 0 },
      assignments: { everyone: false, groups: 0, companies: 0 },
    });
    expect((await req('DELETE', `${BASE}/${c.id}`)).statusCode).toBe(204);
    expect((await req('GET', `${BASE}/${c.id}`)).statusCode).toBe(404);
    expect((await req('DELETE', `${BASE}/${c.id}`)).statusCode).toBe(404);
  });

  it('pages the list with a cursor', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await req('POST', BASE, { name: `Paged ${i}` })).json().id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (await req('GET', `${BASE}?limit=2${cursor ? `&cursor=${cursor}` : ''}`)).json();
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.filter((id) => ids.includes(id))).toEqual(ids);
    for (const id of ids) await req('DELETE', `${BASE}/${id}`);
  });

  it('refuses unknown ids, duplicates and taken names, naming the field', async () => {
    const cases: [object, string][] = [
      [{ name: 'Bad category', rules: [{ effect: 'include', kind: 'category', value: 'cat_nope' }] }, 'rules[0].value'],
      [{ name: 'Bad brand', rules: [{ effect: 'include', kind: 'tag', value: 'x' }, { effect: 'exclude', kind: 'brand', value: f.product.pipe }] }, 'rules[1].value'],
      [{ name: 'Bad product', rules: [{ effect: 'include', kind: 'product', value: f.brand.acme }] }, 'rules[0].value'],
      [{ name: 'Blank tag', rules: [{ effect: 'include', kind: 'tag', value: '   ' }] }, 'rules[0].value'],
      [{ name: 'Twice', rules: [{ effect: 'include', kind: 'tag', value: 'x' }, { effect: 'include', kind: 'tag', value: 'x' }] }, 'rules[1]'],
      [{ name: 'Bad group', assignments: [{ type: 'group', groupId: 'grp_nope' }] }, 'assignments[0].groupId'],
      [{ name: 'Bad company', assignments: [{ type: 'everyone' }, { type: 'company', companyId: 'cmp_nope', includeDescendants: false }] }, 'assignments[1].companyId'],
      [{ name: 'Two everyone', assignments: [{ type: 'everyone' }, { type: 'everyone' }] }, 'assignments[1]'],
      [{ name: 'Bad kind', rules: [{ effect: 'include', kind: 'colour', value: 'red' }] }, 'rules[0].kind'],
    ];
    for (const [body, field] of cases) {
      const res = await req('POST', BASE, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().field, JSON.stringify(body)).toBe(field);
    }
    await req('POST', BASE, { name: 'Unique Name' });
    const dup = await req('POST', BASE, { name: 'unique name' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'CONFLICT', field: 'name' });
    expect((await req('PATCH', `${BASE}/ctl_nope`, { name: 'x' })).statusCode).toBe(404);
  });

  it('previews what saved and unsaved rules select', async () => {
    const c = (await req('POST', BASE, { name: unique('Preview me'), rules: [{ effect: 'include', kind: 'brand', value: f.brand.acme }, { effect: 'exclude', kind: 'tag', value: 'metal' }] })).json();
    expect((await req('GET', `${BASE}/${c.id}/preview`)).json()).toEqual({ count: 1, products: [{ id: f.product.faucet, name: 'Kitchen Faucet', slug: 'kitchen-faucet' }] });
    const unsaved = await req('POST', `${BASE}/preview`, { rules: [{ effect: 'exclude', kind: 'category', value: f.cat.plumbing }] });
    expect(unsaved.json()).toMatchObject({ count: 3 });
    expect(unsaved.json().products.map((p: { name: string }) => p.name)).toEqual(['Claw Hammer', 'Cordless Drill', 'Duct Tape']);
    expect((await req('POST', `${BASE}/preview`, { rules: [] })).json().count).toBe(5);
    expect((await req('POST', `${BASE}/preview`, { rules: [{ effect: 'include', kind: 'category', value: 'cat_x' }] })).json().field).toBe('rules[0].value');
    expect((await req('GET', `${BASE}/ctl_nope/preview`)).statusCode).toBe(404);
  });

  it('explains which catalogs reach a company and how', async () => {
    const admin = await staffSession(t, 'admin');
    const x = unique('Explained'); // catalog and group names are unique: a retry needs its own
    const holding = await makeCompany(t, { legalName: 'Explained Holding' });
    const child = await makeCompany(t, { legalName: 'Explained Child', parentId: holding.id });
    const group = (await req('POST', '/api/admin/customer-groups', { name: `${x} group` }, admin)).json();
    await req('POST', `/api/admin/customer-groups/${group.id}/static-members/${child.id}`, undefined, admin);
    const before = (await req('GET', `/api/admin/companies/${child.id}/visibility`)).json();
    expect(before).toEqual({ companyId: child.id, publicCatalog: true, catalogs: [], visibleProductCount: 5 });

    const a = (await req('POST', BASE, {
      name: `${x} A`,
      status: 'active',
      rules: [{ effect: 'exclude', kind: 'category', value: f.cat.plumbing }],
      assignments: [{ type: 'group', groupId: group.id }, { type: 'company', companyId: holding.id, includeDescendants: true }],
    })).json();
    const b = (await req('POST', BASE, { name: `${x} B`, status: 'active', rules: [{ effect: 'include', kind: 'product', value: f.product.pipe }], assignments: [{ type: 'company', companyId: child.id, includeDescendants: false }] })).json();
    const draft = (await req('POST', BASE, { name: `${x} draft`, assignments: [{ type: 'company', companyId: child.id, includeDescendants: false }] })).json();
    const res = (await req('GET', `/api/admin/companies/${child.id}/visibility`)).json();
    expect(res.publicCatalog).toBe(false);
    expect(res.visibleProductCount).toBe(4); // everything but plumbing (A), plus the pipe (B)
    // A catalog's reasons in the admin's order of its assignments: everyone, groups, then companies.
    expect(res.catalogs).toEqual([
      {
        id: a.id,
        name: `${x} A`,
        reasons: [
          { via: 'group', companyId: null, groupId: group.id, label: `${x} group` },
          { via: 'ancestor', companyId: holding.id, groupId: null, label: 'Explained Holding' },
        ],
      },
      { id: b.id, name: `${x} B`, reasons: [{ via: 'company', companyId: child.id, groupId: null, label: 'Explained Child' }] },
    ]);
    expect(res.catalogs.map((c: { id: string }) => c.id)).not.toContain(draft.id);
    expect((await req('GET', '/api/admin/companies/cmp_nope/visibility')).statusCode).toBe(404);
    for (const id of [a.id, b.id, draft.id]) await req('DELETE', `${BASE}/${id}`);
  });

  it('lets staff who may read the catalog look, and only catalog writers change', async () => {
    const support = await staffSession(t, 'support');
    expect((await req('GET', BASE, undefined, support)).statusCode).toBe(200);
    expect((await req('POST', BASE, { name: 'Nope' }, support)).statusCode).toBe(403);
    const credit = await staffSession(t, 'credit_controller');
    expect((await req('GET', BASE, undefined, credit)).statusCode).toBe(403);
  });
});
