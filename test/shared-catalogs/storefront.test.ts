import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx, type Company } from '../../src/modules/accounts/index.ts';
import { invisibleVariantIds } from '../../src/modules/shared-catalogs/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, makeBuyer, loginBuyer, makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';
import { eventually } from './eventually.ts';
import { seedVisibilityCatalog, type VisibilityFixture } from './fixtures.ts';
import { unique } from '../helpers/unique.ts';

interface Listing {
  items: { id: string }[];
  total: number;
  facets: { categories: { id: string; count: number }[]; brands: { id: string; count: number }[]; attributes: unknown[] };
}
interface TreeNode {
  id: string;
  productCount: number;
  children: TreeNode[];
}

describe('shared catalogs in the storefront', () => {
  let t: TestApp;
  let f: VisibilityFixture;
  let admin: SignedIn;
  let groupG: string;
  let gBuyer: SignedIn & { company: Company };
  let otherBuyer: SignedIn & { company: Company };

  const adminReq = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, payload, headers: method === 'GET' ? { cookie: admin.cookie } : admin.headers });
  const createCatalog = async (body: object): Promise<string> => {
    const res = await adminReq('POST', '/api/admin/shared-catalogs', { status: 'active', ...body });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  };
  const deleteCatalog = async (id: string) => expect((await adminReq('DELETE', `/api/admin/shared-catalogs/${id}`)).statusCode).toBe(204);
  const get = (url: string, who?: SignedIn) => t.app.inject({ method: 'GET', url, headers: who ? { cookie: who.cookie } : {} });
  const listing = async (who?: SignedIn, query = ''): Promise<Listing> => {
    const res = await get(`/api/store/products?limit=96${query}`, who);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const visibleIds = async (who?: SignedIn) => new Set((await listing(who)).items.map((i) => i.id));
  const tree = async (who?: SignedIn): Promise<Map<string, number>> => {
    const res = await get('/api/store/categories', who);
    expect(res.statusCode).toBe(200);
    const out = new Map<string, number>();
    const walk = (n: TreeNode) => (out.set(n.id, n.productCount), n.children.forEach(walk));
    (res.json() as TreeNode[]).forEach(walk);
    return out;
  };
  const companyBuyer = async (company: Company) => {
    const { email, password } = await makeBuyer(t, { companyId: company.id });
    return loginBuyer(t.app, email, password);
  };

  beforeAll(async () => {
    t = await createTestApp();
    f = await seedVisibilityCatalog(t.database);
    admin = await staffSession(t, 'catalog_manager');
    const groupAdmin = await staffSession(t, 'admin');
    gBuyer = await buyerSession(t, { company: { legalName: 'Group G Builders' } });
    otherBuyer = await buyerSession(t, { company: { legalName: 'Other Trader' } });
    const g = await t.app.inject({ method: 'POST', url: '/api/admin/customer-groups', payload: { name: 'Group G' }, headers: groupAdmin.headers });
    groupG = g.json().id;
    const add = await t.app.inject({ method: 'POST', url: `/api/admin/customer-groups/${groupG}/static-members/${gBuyer.company.id}`, headers: groupAdmin.headers });
    expect(add.statusCode).toBe(200);
  });
  afterAll(async () => t.close());

  it('hides Plumbing from group G everywhere: listing, search, facets, category counts, product page, add-to-cart check', async () => {
    const id = await createCatalog({ name: 'No plumbing for G', rules: [{ effect: 'exclude', kind: 'category', value: f.cat.plumbing }], assignments: [{ type: 'group', groupId: groupG }] });
    try {
      const all = await listing(gBuyer);
      expect(new Set(all.items.map((i) => i.id))).toEqual(new Set([f.product.hammer, f.product.drill, f.product.tape]));
      expect(all.total).toBe(3);
      // Facets count only what the buyer sees: no Plumbing or Pipes, and Acme (plumbing only) is gone.
      expect(all.facets.categories.map((c) => c.id)).not.toContain(f.cat.pipes);
      expect(all.facets.categories.map((c) => c.id)).not.toContain(f.cat.plumbing);
      expect(all.facets.brands.map((b) => b.id)).not.toContain(f.brand.acme);
      expect(all.facets.attributes).toEqual([{ name: 'finish', values: [{ value: 'plain', count: 3 }] }]);
      // Search by name, by SKU, and a category filter find nothing of it.
      for (const q of ['copper pipe', 'faucet', 'SKU-COPPER']) {
        const found = await listing(gBuyer, `&q=${encodeURIComponent(q)}`);
        expect(found.items.map((i) => i.id)).not.toContain(f.product.pipe);
        expect(found.items.map((i) => i.id)).not.toContain(f.product.faucet);
      }
      expect((await listing(gBuyer, `&category=${f.cat.plumbing}`)).total).toBe(0);
      // Searching a tag word shared by both finds the hammer only, and the total agrees.
      const metal = await listing(gBuyer, '&q=hammer%20pipe');
      expect(metal.items.map((i) => i.id)).toEqual([f.product.hammer]);
      expect(metal.total).toBe(1);
      const counts = await tree(gBuyer);
      expect(counts.get(f.cat.plumbing)).toBe(0);
      expect(counts.get(f.cat.pipes)).toBe(0);
      expect(counts.get(f.cat.tools)).toBe(2);
      for (const key of [f.product.pipe, f.slug.pipe, f.product.faucet, f.slug.faucet]) {
        const res = await get(`/api/store/products/${key}`, gBuyer);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('NOT_FOUND');
      }
      expect((await get(`/api/store/products/${f.slug.hammer}`, gBuyer)).statusCode).toBe(200);
      const ctx = systemCtx(t.database.db);
      const asked = [f.variant.pipe, f.variant.faucet, f.variant.hammer, f.variant.drill, f.variant.draftValve, 'var_unknown'];
      expect(await invisibleVariantIds(ctx, gBuyer.company.id, asked)).toEqual(new Set([f.variant.pipe, f.variant.faucet, f.variant.draftValve, 'var_unknown']));

      // A buyer of a company outside G, and anonymous visitors, still see plumbing.
      expect(await visibleIds(otherBuyer)).toEqual(new Set([f.product.pipe, f.product.faucet, f.product.hammer, f.product.drill, f.product.tape]));
      expect((await get(`/api/store/products/${f.slug.pipe}`, otherBuyer)).statusCode).toBe(200);
      expect((await tree(otherBuyer)).get(f.cat.plumbing)).toBe(2);
      expect(await invisibleVariantIds(ctx, otherBuyer.company.id, asked)).toEqual(new Set([f.variant.draftValve, 'var_unknown']));
      expect((await listing()).total).toBe(5);
      expect((await get(`/api/store/products/${f.product.pipe}`)).statusCode).toBe(200);
    } finally {
      await deleteCatalog(id);
    }
    // Deleted: group G sees plumbing again on the next request.
    expect((await listing(gBuyer)).total).toBe(5);
  });

  it('a company assignment reaches descendants only with "include descendants"', async () => {
    const holding = await makeCompany(t, { legalName: 'Holding' });
    const child = await makeCompany(t, { legalName: 'Child', parentId: holding.id });
    const grandchild = await makeCompany(t, { legalName: 'Grandchild', parentId: child.id });
    const [holdingBuyer, grandchildBuyer] = [await companyBuyer(holding), await companyBuyer(grandchild)];
    const id = await createCatalog({
      name: 'Tools only for the holding',
      rules: [{ effect: 'include', kind: 'category', value: f.cat.tools }],
      assignments: [{ type: 'company', companyId: holding.id, includeDescendants: false }],
    });
    try {
      expect(await visibleIds(holdingBuyer)).toEqual(new Set([f.product.hammer, f.product.drill]));
      expect((await listing(grandchildBuyer)).total).toBe(5);
      const patch = await adminReq('PATCH', `/api/admin/shared-catalogs/${id}`, { assignments: [{ type: 'company', companyId: holding.id, includeDescendants: true }] });
      expect(patch.statusCode, patch.body).toBe(200);
      expect(await visibleIds(grandchildBuyer)).toEqual(new Set([f.product.hammer, f.product.drill]));
      expect((await get(`/api/store/products/${f.slug.pipe}`, grandchildBuyer)).statusCode).toBe(404);
    } finally {
      await deleteCatalog(id);
    }
  });

  it('moving a company under a holding with an inherited catalog changes what it sees within a second', async () => {
    const holding = await makeCompany(t, { legalName: 'Inheriting holding' });
    const loner = await makeCompany(t, { legalName: 'Independent' });
    const buyer = await companyBuyer(loner);
    const id = await createCatalog({
      name: 'Holding: sale items',
      rules: [{ effect: 'include', kind: 'tag', value: 'sale' }],
      assignments: [{ type: 'company', companyId: holding.id, includeDescendants: true }],
    });
    const groupAdmin = await staffSession(t, 'admin');
    const move = (parentId: string | null) =>
      t.app.inject({ method: 'PATCH', url: `/api/admin/companies/${loner.id}`, payload: { parentId }, headers: groupAdmin.headers });
    try {
      expect((await listing(buyer)).total).toBe(5);
      expect((await move(holding.id)).statusCode).toBe(200);
      await eventually(async () => expect(await visibleIds(buyer)).toEqual(new Set([f.product.drill, f.product.tape])));
      expect((await move(null)).statusCode).toBe(200);
      await eventually(async () => expect((await listing(buyer)).total).toBe(5));
    } finally {
      await deleteCatalog(id);
    }
  });

  it('an exclude rule beats an include rule of the same catalog', async () => {
    const company = await makeCompany(t);
    const buyer = await companyBuyer(company);
    const id = await createCatalog({
      name: 'Acme but not the pipe',
      rules: [
        { effect: 'include', kind: 'brand', value: f.brand.acme },
        { effect: 'exclude', kind: 'product', value: f.product.pipe },
      ],
      assignments: [{ type: 'company', companyId: company.id, includeDescendants: false }],
    });
    try {
      expect(await visibleIds(buyer)).toEqual(new Set([f.product.faucet]));
    } finally {
      await deleteCatalog(id);
    }
  });

  it('a company sees the union of the catalogs that reach it, and a draft catalog has no effect', async () => {
    const company = await makeCompany(t);
    const buyer = await companyBuyer(company);
    const to = [{ type: 'company', companyId: company.id, includeDescendants: false }];
    const sale = await createCatalog({ name: 'Sale items', rules: [{ effect: 'include', kind: 'tag', value: 'sale' }], assignments: to });
    const plumbing = await createCatalog({ name: 'Plumbing only', status: 'draft', rules: [{ effect: 'include', kind: 'category', value: f.cat.plumbing }], assignments: to });
    try {
      expect(await visibleIds(buyer)).toEqual(new Set([f.product.drill, f.product.tape]));
      // Activating the second catalog is visible on the very next request.
      expect((await adminReq('PATCH', `/api/admin/shared-catalogs/${plumbing}`, { status: 'active' })).statusCode).toBe(200);
      expect(await visibleIds(buyer)).toEqual(new Set([f.product.drill, f.product.tape, f.product.pipe, f.product.faucet]));
      expect((await tree(buyer)).get(f.cat.pipes)).toBe(1);
      // A rule change too (same catalogs, new version): the cached listing is not served.
      expect((await adminReq('PATCH', `/api/admin/shared-catalogs/${plumbing}`, { rules: [{ effect: 'include', kind: 'category', value: f.cat.pipes }] })).statusCode).toBe(200);
      expect(await visibleIds(buyer)).toEqual(new Set([f.product.drill, f.product.tape, f.product.pipe]));
    } finally {
      await deleteCatalog(sale);
      await deleteCatalog(plumbing);
    }
  });

  it('catalogs assigned to everyone shape the public catalog for anonymous visitors and every company', async () => {
    const id = await createCatalog({ name: 'Public: no sale items', rules: [{ effect: 'exclude', kind: 'tag', value: 'sale' }], assignments: [{ type: 'everyone' }] });
    try {
      const expected = new Set([f.product.pipe, f.product.faucet, f.product.hammer]);
      expect(await visibleIds()).toEqual(expected);
      expect(await visibleIds(otherBuyer)).toEqual(expected);
      expect((await get(`/api/store/products/${f.slug.tape}`)).statusCode).toBe(404);
      expect(await invisibleVariantIds(systemCtx(t.database.db), null, [f.variant.tape, f.variant.pipe])).toEqual(new Set([f.variant.tape]));
    } finally {
      await deleteCatalog(id);
    }
    expect((await listing()).total).toBe(5);
  });

  it('leaving the group takes effect within a second', async () => {
    const company = await makeCompany(t);
    const buyer = await companyBuyer(company);
    const groupAdmin = await staffSession(t, 'admin');
    const g = (await t.app.inject({ method: 'POST', url: '/api/admin/customer-groups', payload: { name: unique('Short-lived group') }, headers: groupAdmin.headers })).json();
    const member = `/api/admin/customer-groups/${g.id}/static-members/${company.id}`;
    await t.app.inject({ method: 'POST', url: member, headers: groupAdmin.headers });
    const id = await createCatalog({ name: 'Group: tools only', rules: [{ effect: 'include', kind: 'category', value: f.cat.tools }], assignments: [{ type: 'group', groupId: g.id }] });
    try {
      expect((await listing(buyer)).total).toBe(2);
      expect((await t.app.inject({ method: 'DELETE', url: member, headers: groupAdmin.headers })).statusCode).toBe(204);
      await eventually(async () => expect((await listing(buyer)).total).toBe(5));
    } finally {
      await deleteCatalog(id);
    }
  });
});
