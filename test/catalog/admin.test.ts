import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, staffSession, type SignedIn } from '../helpers/auth.ts';
import { categories } from '../../src/modules/catalog/index.ts';
import { seedCatalog, type CatalogFixture } from './fixtures.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

describe('admin catalog', () => {
  let t: TestApp;
  let f: CatalogFixture;
  let admin: SignedIn;
  let catalogManager: SignedIn;
  let support: SignedIn;
  let buyer: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedCatalog(t.database, 0);
    admin = await staffSession(t, 'admin');
    catalogManager = await staffSession(t, 'catalog_manager');
    support = await staffSession(t, 'support');
    buyer = await buyerSession(t);
  });
  afterAll(async () => t.close());

  const call = (who: SignedIn | null, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, ...(who ? { headers: who.headers } : {}), ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (who: SignedIn, method: Method, url: string, payload?: unknown, status = method === 'POST' ? 201 : 200) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return status === 204 ? null : res.json();
  };
  const fails = async (who: SignedIn | null, method: Method, url: string, payload: unknown, status: number, code: string, field?: string) => {
    const res = await call(who, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe(code);
    if (field) expect(res.json().field).toBe(field);
    return res.json();
  };

  it('creates, reads, updates and deletes a product with variants', async () => {
    const created = await ok(catalogManager, 'POST', '/api/admin/products', {
      name: 'Rip Hammer Größe 20',
      brandId: f.brand.stanley,
      categoryId: f.cat.hammers.id,
      status: 'active',
      attributes: { material: 'steel' },
      images: ['https://img.example.com/rip.jpg'],
      tags: ['framing'],
      variants: [
        { sku: 'RIP-20', gtin: '12345678', uom: 'each', packSize: 1, weightGrams: 700, attributes: { size: '20oz' } },
        { sku: 'RIP-24', attributes: { size: '24oz' } },
      ],
    });
    expect(created).toMatchObject({ slug: 'rip-hammer-grosse-20', status: 'active', brandId: f.brand.stanley, tags: ['framing'] });
    expect(created.variants.map((v: { sku: string; position: number }) => [v.sku, v.position])).toEqual([
      ['RIP-20', 0],
      ['RIP-24', 1],
    ]);
    // visible to shoppers at once, found by its new SKU and its name
    expect((await t.app.inject('/api/store/products?q=rip-2')).json().items.map((i: { id: string }) => i.id)).toEqual([created.id]);
    expect((await t.app.inject('/api/store/products/rip-hammer-grosse-20')).statusCode).toBe(200);

    const got = await ok(support, 'GET', `/api/admin/products/${created.id}`);
    expect(got.variants).toHaveLength(2);

    const patched = await ok(catalogManager, 'PATCH', `/api/admin/products/${created.id}`, { name: 'Rip Hammer', slug: 'rip-hammer', status: 'draft', brandId: null });
    expect(patched).toMatchObject({ name: 'Rip Hammer', slug: 'rip-hammer', status: 'draft', brandId: null, tags: ['framing'] });
    expect((await t.app.inject('/api/store/products/rip-hammer')).statusCode).toBe(404);

    const v = await ok(catalogManager, 'POST', `/api/admin/products/${created.id}/variants`, { sku: 'RIP-28', packSize: 6, uom: 'box' });
    expect(v).toMatchObject({ sku: 'RIP-28', packSize: 6, uom: 'box', position: 2, status: 'active' });
    const v2 = await ok(catalogManager, 'PATCH', `/api/admin/products/${created.id}/variants/${v.id}`, { sku: 'RIP-30', status: 'inactive', gtin: null });
    expect(v2).toMatchObject({ sku: 'RIP-30', status: 'inactive' });
    await ok(catalogManager, 'DELETE', `/api/admin/products/${created.id}/variants/${v.id}`, undefined, 204);
    expect((await ok(support, 'GET', `/api/admin/products/${created.id}`)).variants).toHaveLength(2);

    const list = await ok(support, 'GET', '/api/admin/products?q=rip');
    expect(list.items.map((i: { id: string; variantCount: number }) => [i.id, i.variantCount])).toEqual([[created.id, 2]]);
    expect((await ok(support, 'GET', '/api/admin/products?q=RIP-2')).items).toHaveLength(1);

    await ok(catalogManager, 'DELETE', `/api/admin/products/${created.id}`, undefined, 204);
    await fails(support, 'GET', `/api/admin/products/${created.id}`, undefined, 404, 'NOT_FOUND');
  });

  it('pages the product list newest first without duplicates', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const body: { items: { id: string }[]; nextCursor: string | null } = await ok(support, 'GET', `/api/admin/products?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...body.items.map((i) => i.id));
      cursor = body.nextCursor;
    } while (cursor);
    expect(seen.length).toBe(8);
    expect(new Set(seen).size).toBe(8);
    expect(seen).toEqual([...seen].sort().reverse());
  });

  it('refuses taken SKUs (ignoring case) and slugs, naming the field', async () => {
    await fails(admin, 'POST', '/api/admin/products', { name: 'Dup', variants: [{ sku: 'ham-001' }] }, 409, 'SKU_TAKEN', 'variants[0].sku');
    await fails(admin, 'POST', '/api/admin/products', { name: 'Dup', variants: [{ sku: 'NEW-1' }, { sku: 'new-1' }] }, 409, 'SKU_TAKEN', 'variants[1].sku');
    await fails(admin, 'POST', '/api/admin/products', { name: 'Dup', slug: 'claw-hammer' }, 409, 'SLUG_TAKEN', 'slug');
    await fails(admin, 'PATCH', `/api/admin/products/${f.product.sledge}`, { slug: 'claw-hammer' }, 409, 'SLUG_TAKEN', 'slug');
    await fails(admin, 'POST', `/api/admin/products/${f.product.sledge}/variants`, { sku: 'Ham-002' }, 409, 'SKU_TAKEN', 'sku');
    // A retry must find claw-hammer-2 free again, as the first attempt did.
    await t.database.query("delete from products where slug = 'claw-hammer-2'");
    const auto = await ok(admin, 'POST', '/api/admin/products', { name: 'Claw Hammer' });
    expect(auto.slug).toBe('claw-hammer-2');
    await fails(admin, 'POST', '/api/admin/products', { name: 'X', brandId: 'brd_nope' }, 400, 'VALIDATION_FAILED', 'brandId');
    await fails(admin, 'POST', '/api/admin/products', { name: 'X', categoryId: 'cat_nope' }, 400, 'VALIDATION_FAILED', 'categoryId');
  });

  it('manages the category tree: move, cycle refusal, non-empty refusal, delete', async () => {
    // A retry starts from the fixture's tree, as the first attempt did: without that attempt's
    // Garden subtree and spade (their slugs and SKU are unique), and with Empty Shelf back.
    await t.database.query("delete from products where id in (select product_id from variants where sku = 'SPD-1')");
    await t.database.query("delete from categories where slug = 'spades'");
    await t.database.query("delete from categories where slug = 'garden'");
    await t.database.db.insert(categories).values({ id: f.cat.empty.id, slug: f.cat.empty.slug, name: 'Empty Shelf', path: `${f.cat.empty.id}/`, position: 2 }).onConflictDoNothing();
    const garden = await ok(catalogManager, 'POST', '/api/admin/categories', { name: 'Garden' });
    expect(garden).toMatchObject({ slug: 'garden', depth: 0, parentId: null });
    const spades = await ok(catalogManager, 'POST', '/api/admin/categories', { name: 'Spades', parentId: garden.id, position: 2 });
    expect(spades).toMatchObject({ depth: 1, parentId: garden.id });
    await fails(catalogManager, 'POST', '/api/admin/categories', { name: 'Other', slug: 'garden' }, 409, 'SLUG_TAKEN', 'slug');
    await fails(catalogManager, 'PATCH', `/api/admin/categories/${garden.id}`, { parentId: spades.id }, 409, 'CATEGORY_CYCLE', 'parentId');
    await fails(catalogManager, 'PATCH', `/api/admin/categories/${garden.id}`, { parentId: garden.id }, 409, 'CATEGORY_CYCLE', 'parentId');

    // Move Garden (with Spades) under Tools: the subtree's paths follow, so Tools now counts spade products.
    const moved = await ok(catalogManager, 'PATCH', `/api/admin/categories/${garden.id}`, { parentId: f.cat.tools.id, name: 'Garden Tools' });
    expect(moved).toMatchObject({ depth: 1, parentId: f.cat.tools.id, name: 'Garden Tools' });
    expect((await ok(support, 'GET', `/api/admin/categories/${spades.id}`)).depth).toBe(2);
    await ok(catalogManager, 'POST', '/api/admin/products', { name: 'Border Spade', categoryId: spades.id, status: 'active', variants: [{ sku: 'SPD-1' }] });
    const inTools = (await t.app.inject(`/api/store/products?category=tools&q=spade`)).json();
    expect(inTools.items.map((i: { name: string }) => i.name)).toEqual(['Border Spade']);

    await fails(catalogManager, 'DELETE', `/api/admin/categories/${garden.id}`, undefined, 409, 'CATEGORY_NOT_EMPTY');
    await fails(catalogManager, 'DELETE', `/api/admin/categories/${spades.id}`, undefined, 409, 'CATEGORY_NOT_EMPTY');
    await ok(catalogManager, 'DELETE', `/api/admin/categories/${f.cat.empty.id}`, undefined, 204);

    const roots = await ok(support, 'GET', '/api/admin/categories?parentId=root');
    expect(roots.items.map((c: { slug: string }) => c.slug).sort()).toEqual(['fasteners', 'tools']);
    const all = await ok(support, 'GET', '/api/admin/categories?limit=2');
    expect(all.items).toHaveLength(2);
    expect(all.nextCursor).not.toBeNull();
  });

  it('manages brands and warehouses', async () => {
    const brand = await ok(catalogManager, 'POST', '/api/admin/brands', { name: 'Makita' });
    expect(brand).toMatchObject({ slug: 'makita', productCount: 0 });
    await fails(catalogManager, 'POST', '/api/admin/brands', { name: 'makita' }, 409, 'CONFLICT', 'name');
    const renamed = await ok(catalogManager, 'PATCH', `/api/admin/brands/${brand.id}`, { name: 'Makita Tools' });
    expect(renamed.name).toBe('Makita Tools');
    await fails(catalogManager, 'DELETE', `/api/admin/brands/${f.brand.bosch}`, undefined, 409, 'CONFLICT');
    await ok(catalogManager, 'DELETE', `/api/admin/brands/${brand.id}`, undefined, 204);
    expect((await ok(support, 'GET', '/api/admin/brands?q=sta')).items.map((b: { name: string }) => b.name)).toEqual(['Stanley']);

    // renaming a brand re-indexes its products for search
    await ok(catalogManager, 'PATCH', `/api/admin/brands/${f.brand.bosch}`, { name: 'Bosch Professional' });
    expect((await t.app.inject('/api/store/products?q=professional')).json().items.map((i: { name: string }) => i.name)).toEqual(['Cordless Drill']);

    const wh = await ok(catalogManager, 'POST', '/api/admin/warehouses', { code: 'KHI-1', name: 'Karachi', country: 'PK' });
    await fails(catalogManager, 'POST', '/api/admin/warehouses', { code: 'khi-1', name: 'Again', country: 'PK' }, 409, 'CONFLICT', 'code');
    expect((await ok(catalogManager, 'PATCH', `/api/admin/warehouses/${wh.id}`, { name: 'Karachi Port' })).name).toBe('Karachi Port');
    await fails(catalogManager, 'DELETE', `/api/admin/warehouses/${f.warehouse.main}`, undefined, 409, 'CONFLICT');
    await ok(catalogManager, 'DELETE', `/api/admin/warehouses/${wh.id}`, undefined, 204);
    expect((await ok(support, 'GET', '/api/admin/warehouses')).items.map((w: { code: string }) => w.code).sort()).toEqual(['MAIN', 'NORTH']);
  });

  it('sets and lists inventory levels, refusing to drop below reserved stock', async () => {
    // This test creates HAM-100's stock levels: a retry starts, like the first attempt, without them.
    await t.database.query("delete from inventory where variant_id in (select id from variants where sku = 'HAM-100')");
    const res = await ok(catalogManager, 'PUT', '/api/admin/inventory', {
      items: [
        { sku: 'ham-100', warehouseCode: 'main', onHand: 40 },
        { sku: 'HAM-001', warehouseCode: 'MAIN', onHand: 2 },
        { sku: 'NOPE-1', warehouseCode: 'MAIN', onHand: 1 },
        { sku: 'HAM-100', warehouseCode: 'SOUTH', onHand: 1 },
        { sku: 'HAM-002', warehouseCode: 'MAIN', onHand: 0, backorder: true },
      ],
    });
    expect(res).toEqual({
      created: 1,
      updated: 1,
      failed: 3,
      errors: [
        { index: 1, field: 'onHand', message: expect.any(String) },
        { index: 2, field: 'sku', message: expect.any(String) },
        { index: 3, field: 'warehouseCode', message: expect.any(String) },
      ],
    });
    const levels = await ok(support, 'GET', '/api/admin/inventory?sku=HAM-');
    const bySku = Object.fromEntries(levels.items.map((l: { sku: string; warehouseCode: string; onHand: number; reserved: number; available: number }) => [`${l.sku}@${l.warehouseCode}`, [l.onHand, l.reserved, l.available]]));
    expect(bySku).toEqual({ 'HAM-001@MAIN': [10, 3, 7], 'HAM-001@NORTH': [5, 0, 5], 'HAM-002@MAIN': [0, 2, -2], 'HAM-100@MAIN': [40, 0, 40] });
    const sledge = (await t.app.inject('/api/store/products/sledge-hammer')).json();
    expect(sledge.variants[0].available).toBe(40);
    await fails(support, 'PUT', '/api/admin/inventory', { items: [{ sku: 'HAM-100', warehouseCode: 'MAIN', onHand: 1 }] }, 403, 'FORBIDDEN');
  });

  const adminRoutes = (): [Method, string, unknown][] => [
    ['GET', '/api/admin/products', undefined],
    ['POST', '/api/admin/products', { name: 'X' }],
    ['GET', `/api/admin/products/${f.product.claw}`, undefined],
    ['PATCH', `/api/admin/products/${f.product.claw}`, { name: 'X' }],
    ['DELETE', `/api/admin/products/${f.product.claw}`, undefined],
    ['POST', `/api/admin/products/${f.product.claw}/variants`, { sku: 'ZZ-1' }],
    ['PATCH', `/api/admin/products/${f.product.claw}/variants/var_x`, { name: 'X' }],
    ['DELETE', `/api/admin/products/${f.product.claw}/variants/var_x`, undefined],
    ['GET', '/api/admin/categories', undefined],
    ['POST', '/api/admin/categories', { name: 'X' }],
    ['GET', `/api/admin/categories/${f.cat.tools.id}`, undefined],
    ['PATCH', `/api/admin/categories/${f.cat.tools.id}`, { name: 'X' }],
    ['DELETE', `/api/admin/categories/${f.cat.tools.id}`, undefined],
    ['GET', '/api/admin/brands', undefined],
    ['POST', '/api/admin/brands', { name: 'X' }],
    ['GET', `/api/admin/brands/${f.brand.acme}`, undefined],
    ['PATCH', `/api/admin/brands/${f.brand.acme}`, { name: 'X' }],
    ['DELETE', `/api/admin/brands/${f.brand.acme}`, undefined],
    ['GET', '/api/admin/warehouses', undefined],
    ['POST', '/api/admin/warehouses', { code: 'X', name: 'X', country: 'PK' }],
    ['GET', `/api/admin/warehouses/${f.warehouse.main}`, undefined],
    ['PATCH', `/api/admin/warehouses/${f.warehouse.main}`, { name: 'X' }],
    ['DELETE', `/api/admin/warehouses/${f.warehouse.main}`, undefined],
    ['GET', '/api/admin/inventory', undefined],
    ['PUT', '/api/admin/inventory', { items: [{ sku: 'HAM-001', warehouseCode: 'MAIN', onHand: 1 }] }],
    ['POST', '/api/admin/products/import', 'product_slug\n'],
    ['GET', '/api/admin/products/export', undefined],
    ['POST', '/api/admin/inventory/import', 'sku,warehouse_code,on_hand\n'],
    ['GET', '/api/admin/inventory/export', undefined],
  ];

  it('answers 401 to anonymous callers and 403 to buyers on every admin route', async () => {
    for (const [method, url, payload] of adminRoutes()) {
      const headers = typeof payload === 'string' ? { 'content-type': 'text/csv' } : {};
      const anon = await t.app.inject({ method, url, headers, ...(payload !== undefined ? { payload: payload as string } : {}) });
      expect(anon.statusCode, `${method} ${url}`).toBe(401);
      const asBuyer = await t.app.inject({ method, url, headers: { ...headers, ...buyer.headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
      expect(asBuyer.statusCode, `${method} ${url}`).toBe(403);
      expect(asBuyer.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('refuses writes to staff without catalog:write', async () => {
    for (const [method, url, payload] of adminRoutes().filter(([m, u]) => m !== 'GET' && !u.includes('inventory'))) {
      const headers = typeof payload === 'string' ? { 'content-type': 'text/csv' } : {};
      const res = await t.app.inject({ method, url, headers: { ...headers, ...support.headers }, ...(payload !== undefined ? { payload: payload as string } : {}) });
      expect(res.statusCode, `${method} ${url}`).toBe(403);
    }
  });

  it('answers bad input on every admin route with 4xx problem+json naming the field', async () => {
    const cases: [Method, string, unknown, string][] = [
      ['GET', '/api/admin/products?limit=0', undefined, 'limit'],
      ['GET', '/api/admin/products?status=gone', undefined, 'status'],
      ['GET', '/api/admin/products?cursor=%%%', undefined, 'cursor'],
      ['POST', '/api/admin/products', { name: '' }, 'name'],
      ['POST', '/api/admin/products', { name: 'X', slug: 'Bad Slug' }, 'slug'],
      ['POST', '/api/admin/products', { name: 'X', status: 'live' }, 'status'],
      ['POST', '/api/admin/products', { name: 'X', images: ['ftp://x'] }, 'images[0]'],
      ['POST', '/api/admin/products', { name: 'X', attributes: { 'a=b': 'c' } }, 'attributes.a=b'],
      ['POST', '/api/admin/products', { name: 'X', variants: [{ sku: 'bad sku' }] }, 'variants[0].sku'],
      ['POST', '/api/admin/products', { name: 'X', variants: [{ sku: 'OK-1', gtin: '12ab' }] }, 'variants[0].gtin'],
      ['POST', '/api/admin/products', { name: 'X', extra: 1 }, 'extra'],
      ['PATCH', `/api/admin/products/${f.product.claw}`, { description: { text: 'x' } }, 'description'],
      ['POST', `/api/admin/products/${f.product.claw}/variants`, { sku: 'OK-2', packSize: 0 }, 'packSize'],
      ['PATCH', `/api/admin/products/${f.product.claw}/variants/var_x`, { weightGrams: -1 }, 'weightGrams'],
      ['GET', '/api/admin/categories?limit=5000', undefined, 'limit'],
      ['POST', '/api/admin/categories', { name: 'X', parentId: 'cat_missing' }, 'parentId'],
      ['PATCH', `/api/admin/categories/${f.cat.tools.id}`, { position: -1 }, 'position'],
      ['GET', '/api/admin/brands?limit=x', undefined, 'limit'],
      ['POST', '/api/admin/brands', {}, 'name'],
      ['PATCH', `/api/admin/brands/${f.brand.acme}`, { slug: '-x-' }, 'slug'],
      ['GET', '/api/admin/warehouses?limit=-1', undefined, 'limit'],
      ['POST', '/api/admin/warehouses', { code: 'A B', name: 'X', country: 'PK' }, 'code'],
      ['PATCH', `/api/admin/warehouses/${f.warehouse.main}`, { country: 'pak' }, 'country'],
      ['GET', '/api/admin/inventory?limit=9999', undefined, 'limit'],
      ['PUT', '/api/admin/inventory', { items: [] }, 'items'],
      ['PUT', '/api/admin/inventory', { items: [{ sku: 'HAM-001', warehouseCode: 'MAIN', onHand: -3 }] }, 'items[0].onHand'],
    ];
    for (const [method, url, payload, field] of cases) {
      const res = await call(admin, method, url, payload);
      expect(res.statusCode, `${method} ${url} ${JSON.stringify(payload)}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().field, `${method} ${url}`).toBe(field);
    }
  });

  it('answers 404 for unknown ids on every admin item route', async () => {
    for (const [method, url, payload] of [
      ['GET', '/api/admin/products/prd_nope', undefined],
      ['PATCH', '/api/admin/products/prd_nope', { name: 'X' }],
      ['DELETE', '/api/admin/products/prd_nope', undefined],
      ['POST', '/api/admin/products/prd_nope/variants', { sku: 'NEW-404' }],
      ['PATCH', `/api/admin/products/${f.product.claw}/variants/var_nope`, { name: 'X' }],
      ['DELETE', `/api/admin/products/${f.product.sledge}/variants/var_nope`, undefined],
      ['GET', '/api/admin/categories/cat_nope', undefined],
      ['PATCH', '/api/admin/categories/cat_nope', { name: 'X' }],
      ['DELETE', '/api/admin/categories/cat_nope', undefined],
      ['GET', '/api/admin/brands/brd_nope', undefined],
      ['PATCH', '/api/admin/brands/brd_nope', { name: 'X' }],
      ['DELETE', '/api/admin/brands/brd_nope', undefined],
      ['GET', '/api/admin/warehouses/wh_nope', undefined],
      ['PATCH', '/api/admin/warehouses/wh_nope', { name: 'X' }],
      ['DELETE', '/api/admin/warehouses/wh_nope', undefined],
    ] as [Method, string, unknown][]) {
      await fails(admin, method, url, payload, 404, 'NOT_FOUND');
    }
  });
});
