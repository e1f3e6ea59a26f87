import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { staffSession, type SignedIn } from '../helpers/auth.ts';
import { seedCatalog, type CatalogFixture } from './fixtures.ts';

interface Card {
  id: string;
  name: string;
  inStock: boolean;
}
interface SearchBody {
  items: Card[];
  total: number;
}

/** Polls `check` until it passes or `ms` elapse, so a cross-connection notification gets a bounded wait. */
async function eventually(check: () => Promise<void>, ms = 5_000): Promise<void> {
  const until = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > until) throw err;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

describe('store listing cache', () => {
  let t: TestApp;
  let f: CatalogFixture;
  let manager: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedCatalog(t.database, 0);
    manager = await staffSession(t, 'catalog_manager');
  });
  afterAll(async () => t.close());

  const search = async (qs: string): Promise<SearchBody> => {
    const res = await t.app.inject(`/api/store/products?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const write = async (method: 'POST' | 'PATCH' | 'PUT', url: string, payload: object) => {
    const res = await t.app.inject({ method, url, headers: manager.headers, payload });
    expect(res.statusCode, res.body).toBeLessThan(300);
  };
  const card = (body: SearchBody, id: string) => body.items.find((i) => i.id === id);

  it('shows a rename, a new product and a stock change right after each write returns', async () => {
    // A retry starts from the fixture, as the first attempt did: no Rip Hammer (its SKU is unique),
    // no stock for the sledge, its first name. The rename goes through the admin API, so it also
    // drops the listings cached by the first attempt.
    await t.database.query("delete from products where id in (select product_id from variants where sku = 'HAM-300')");
    await t.database.query("delete from inventory where variant_id in (select id from variants where sku = 'HAM-100')");
    await write('PATCH', `/api/admin/products/${f.product.sledge}`, { name: 'Sledge Hammer' });

    const before = await search('category=hammers&limit=48');
    expect(card(before, f.product.sledge)?.name).toBe('Sledge Hammer');
    expect(card(before, f.product.sledge)?.inStock).toBe(false);
    expect(await search('category=hammers&limit=48')).toEqual(before); // served again, unchanged

    await write('PATCH', `/api/admin/products/${f.product.sledge}`, { name: 'Sledge Hammer XL' });
    expect(card(await search('category=hammers&limit=48'), f.product.sledge)?.name).toBe('Sledge Hammer XL');

    await write('POST', '/api/admin/products', { name: 'Rip Hammer', categoryId: f.cat.hammers.id, status: 'active', variants: [{ sku: 'HAM-300' }] });
    const withNew = await search('category=hammers&limit=48');
    expect(withNew.total).toBe(before.total + 1);
    expect(withNew.items.map((i) => i.name)).toContain('Rip Hammer');

    await write('PUT', '/api/admin/inventory', { items: [{ sku: 'HAM-100', warehouseCode: 'MAIN', onHand: 7 }] });
    expect(card(await search('category=hammers&limit=48'), f.product.sledge)?.inStock).toBe(true);
  });

  it('serves a repeated listing from memory until a catalog write is announced on precis_catalog', async () => {
    const qs = 'q=screwdriver&limit=10';
    // The first attempt renamed the product behind the cache's back, and the notification made its
    // listing show the new name: a retry puts the name back the same way, and waits until the
    // notification has dropped that listing (so it cannot arrive later, in the middle of this test).
    const reset = await t.database.query('update products set name = $1 where id = $2 and name <> $1 returning id', ['Screwdriver Set', f.product.screwdriver]);
    if (reset.length > 0) {
      await t.database.notify('precis_catalog', '');
      await eventually(async () => expect((await search(qs)).items.map((i) => i.name)).toEqual(['Screwdriver Set']));
    }
    expect((await search(qs)).items.map((i) => i.name)).toEqual(['Screwdriver Set']);
    // A change behind the services' back (another tool, no notification) is not seen while cached.
    await t.database.query('update products set name = $1 where id = $2', ['Screwdriver Set Pro', f.product.screwdriver]);
    expect((await search(qs)).items.map((i) => i.name)).toEqual(['Screwdriver Set']);

    if (t.database.kind === 'postgres') {
      // Another process's write: its NOTIFY arrives through this app's LISTEN connection.
      const [row] = await t.database.query<{ name: string }>('select current_database() as name');
      const url = new URL(process.env.DATABASE_URL ?? '');
      url.pathname = `/${row?.name ?? ''}`;
      const other = await openDatabase({ url: url.toString(), poolSize: 1 });
      try {
        await other.notify('precis_catalog', '');
      } finally {
        await other.close();
      }
    } else {
      await t.database.notify('precis_catalog', ''); // PGlite: notifications stay in this process
    }
    await eventually(async () => expect((await search(qs)).items.map((i) => i.name)).toEqual(['Screwdriver Set Pro']));
  });
});
