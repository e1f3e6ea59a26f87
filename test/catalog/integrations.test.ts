import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { staffSession, type SignedIn } from '../helpers/auth.ts';
import { seedCatalog, type CatalogFixture } from './fixtures.ts';

describe('catalog integration API (API keys)', () => {
  let t: TestApp;
  let f: CatalogFixture;
  let admin: SignedIn;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedCatalog(t.database, 3);
    admin = await staffSession(t, 'admin');
    for (const [name, scopes] of [
      ['reader', ['catalog:read']],
      ['stock', ['inventory:write']],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload: { name, scopes } });
      expect(res.statusCode, res.body).toBe(201);
      keys[name] = res.json().key;
    }
  });
  afterAll(async () => t.close());

  const bearer = (name: string) => ({ authorization: `Bearer ${keys[name]}` });

  it('lists every product with its variants, paged, and only recent changes with updatedSince', async () => {
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.app.inject({ url: `/api/integrations/products?limit=4${cursor ? `&cursor=${cursor}` : ''}`, headers: bearer('reader') });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as { items: { id: string; variants: { sku: string }[] }[]; nextCursor: string | null };
      ids.push(...body.items.map((p) => p.id));
      const claw = body.items.find((p) => p.id === f.product.claw);
      if (claw) expect(claw.variants.map((v) => v.sku)).toEqual(['HAM-001', 'HAM-002']);
      cursor = body.nextCursor;
    } while (cursor);
    expect(ids).toHaveLength(8 + 3); // drafts and archived included: integrations see everything
    expect(new Set(ids).size).toBe(ids.length);

    const since = new Date(Date.now() + 1000).toISOString();
    expect((await t.app.inject({ url: `/api/integrations/products?updatedSince=${since}`, headers: bearer('reader') })).json().items).toEqual([]);
  });

  it('sets stock in bulk by SKU and warehouse code', async () => {
    // This test creates HAM-200's stock levels: a retry starts, like the first attempt, without them.
    await t.database.query("delete from inventory where variant_id in (select id from variants where sku = 'HAM-200')");
    const res = await t.app.inject({
      method: 'PUT',
      url: '/api/integrations/inventory',
      headers: bearer('stock'),
      payload: { items: [{ sku: 'HAM-200', warehouseCode: 'MAIN', onHand: 9 }, { sku: 'GHOST', warehouseCode: 'MAIN', onHand: 1 }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 1, updated: 0, failed: 1, errors: [{ index: 1, field: 'sku' }] });
    expect((await t.app.inject('/api/store/products/ball-pein-hammer')).json().variants[0].available).toBe(9);
  });

  it('requires a key with the right scope and rejects bad input naming the field', async () => {
    expect((await t.app.inject({ url: '/api/integrations/products' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/integrations/products', headers: { authorization: 'Bearer pk_live_nope' } })).statusCode).toBe(401);
    const wrongScope = await t.app.inject({ url: '/api/integrations/products', headers: bearer('stock') });
    expect(wrongScope.statusCode).toBe(403);
    expect(wrongScope.json().code).toBe('SCOPE_MISSING');
    const put = await t.app.inject({ method: 'PUT', url: '/api/integrations/inventory', headers: bearer('reader'), payload: { items: [{ sku: 'HAM-001', warehouseCode: 'MAIN', onHand: 1 }] } });
    expect(put.statusCode).toBe(403);
    // a staff session is not an API key
    expect((await t.app.inject({ url: '/api/integrations/products', headers: admin.headers })).statusCode).toBe(401);

    for (const [url, field] of [
      ['/api/integrations/products?updatedSince=yesterday', 'updatedSince'],
      ['/api/integrations/products?limit=500', 'limit'],
      ['/api/integrations/products?cursor=%%', 'cursor'],
    ]) {
      const res = await t.app.inject({ url: url!, headers: bearer('reader') });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().field).toBe(field);
    }
    for (const [payload, field] of [
      [{ items: [{ sku: 'HAM-001', warehouseCode: 'MAIN' }] }, 'items[0].onHand'],
      [{ items: [{ sku: 'HAM-001', warehouseCode: 'MAIN', onHand: 1.5 }] }, 'items[0].onHand'],
      [{ items: 'all' }, 'items[0]'], // a scalar is coerced to a one-item list, then refused
      [{}, 'items'],
    ] as const) {
      const res = await t.app.inject({ method: 'PUT', url: '/api/integrations/inventory', headers: bearer('stock'), payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().field).toBe(field);
    }
  });
});
