import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { searchProducts, storeProduct } from '../../src/modules/catalog/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { seedCatalog, type CatalogFixture } from './fixtures.ts';

interface Card {
  id: string;
  name: string;
  slug: string;
  brand: { id: string; name: string } | null;
  category: { id: string; name: string } | null;
  skus: string[];
  variantCount: number;
  inStock: boolean;
  imageUrl: string | null;
}
interface SearchBody {
  items: Card[];
  total: number;
  nextCursor: string | null;
  facets: {
    categories: { id: string; name: string; count: number }[];
    brands: { id: string; name: string; count: number }[];
    attributes: { name: string; values: { value: string; count: number }[] }[];
  };
}

describe('store catalog: search, facets, categories, product page', () => {
  let t: TestApp;
  let f: CatalogFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedCatalog(t.database);
  });
  afterAll(async () => t.close());

  const search = async (qs: string): Promise<SearchBody> => {
    const res = await t.app.inject(`/api/store/products?${qs}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const all = async (qs: string, pageSize = 7): Promise<Card[]> => {
    const out: Card[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchBody = await search(`${qs}&limit=${pageSize}${cursor ? `&cursor=${cursor}` : ''}`);
      out.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return out;
  };

  it('finds hammers for the misspelt "hamer", ranked, without drafts or archived ones', async () => {
    const body = await search('q=hamer');
    const names = body.items.map((i) => i.name);
    expect(names).toEqual(expect.arrayContaining(['Claw Hammer', 'Sledge Hammer', 'Ball Pein Hammer']));
    expect(names).not.toContain('Draft Hammer');
    expect(names).not.toContain('Archived Hammer');
    expect(names).not.toContain('Cordless Drill');
    expect(body.total).toBe(body.items.length);
  });

  it('corrects typos in several words and, when no product has every word, shows any-word matches', async () => {
    expect((await search('q=claw%20hamer')).items.map((i) => i.name)).toEqual(['Claw Hammer']);
    expect((await search('q=sledge%20hamer')).items.map((i) => i.name)).toEqual(['Sledge Hammer']);
    const any = await search('q=hammer%20drill');
    expect(any.items.map((i) => i.name).sort()).toEqual(['Ball Pein Hammer', 'Claw Hammer', 'Cordless Drill', 'Sledge Hammer']);
    expect(any.total).toBe(4);
  });

  it('matches the last word as a prefix and ranks the name above the description', async () => {
    expect((await search('q=cordl')).items.map((i) => i.name)).toEqual(['Cordless Drill']);
    const drills = await search('q=drill');
    expect(drills.items[0]?.name).toBe('Cordless Drill');
  });

  it('finds products by SKU prefix, case-insensitively, and by brand name', async () => {
    const body = await search('q=ham-00');
    expect(body.items.map((i) => i.name)).toEqual(['Claw Hammer']);
    expect(body.items[0]?.skus).toEqual(['HAM-001', 'HAM-002']);
    const wid = await search('q=WID-001');
    expect(wid.total).toBe(10); // WID-0010 … WID-0019
    // Every Bosch product matches the brand name alike (the drill and 60 widgets), so the drill's page
    // depends on the tie-break by id: read every page.
    const bosch = await all('q=bosch', 20);
    expect(bosch.map((i) => i.name)).toContain('Cordless Drill');
    expect(bosch).toHaveLength(1 + f.widgetCount / 2);
    expect(bosch.every((i) => i.brand?.name === 'Bosch')).toBe(true);
  });

  it('fills product cards with brand, category, image, variant count and stock', async () => {
    const card = (await search('q=claw')).items.find((i) => i.id === f.product.claw);
    expect(card).toMatchObject({
      slug: 'claw-hammer',
      brand: { id: f.brand.stanley, name: 'Stanley' },
      category: { id: f.cat.hammers.id, name: 'Hammers' },
      imageUrl: 'https://img.example.com/claw-hammer.jpg',
      variantCount: 2,
      inStock: true,
    });
    const drill = (await search('q=drill')).items[0];
    expect(drill).toMatchObject({ variantCount: 1, skus: ['DRL-001'], inStock: false });
  });

  it('filters by a category including its subcategories, by id or slug', async () => {
    const byTools = await all(`category=${f.cat.tools.slug}`);
    expect(byTools.map((i) => i.name).sort()).toEqual(['Ball Pein Hammer', 'Claw Hammer', 'Cordless Drill', 'Screwdriver Set', 'Sledge Hammer']);
    const byHand = await search(`category=${f.cat.hand.id}`);
    expect(byHand.total).toBe(4);
    expect((await search('category=no-such-category')).total).toBe(0);
  });

  it('filters by brand and by attributes (same name: any value; different names: all)', async () => {
    expect((await search(`brand=${f.brand.bosch}&q=drill`)).items.map((i) => i.name)).toEqual(['Cordless Drill']);
    const steel = await all('attr=material:steel');
    expect(steel.map((i) => i.name).sort()).toEqual(['Claw Hammer', 'Screwdriver Set', 'Sledge Hammer']);
    const sized = await all('attr=size:16oz&attr=size:4lb');
    expect(sized.map((i) => i.name).sort()).toEqual(['Ball Pein Hammer', 'Claw Hammer', 'Sledge Hammer']);
    const both = await all('attr=size:16oz&attr=material:steel');
    expect(both.map((i) => i.name)).toEqual(['Claw Hammer']);
  });

  it('counts facets exactly as many matching products as carry each value', async () => {
    for (const qs of ['q=hammer', 'category=tools', 'attr=finish:zinc', '']) {
      const body = await search(`${qs}&limit=1`);
      const items = await all(qs);
      expect(body.total).toBe(items.length);
      const count = (key: (c: Card) => string | undefined) => {
        const m = new Map<string, number>();
        for (const i of items) {
          const k = key(i);
          if (k) m.set(k, (m.get(k) ?? 0) + 1);
        }
        return m;
      };
      expect(new Map(body.facets.brands.map((b) => [b.id, b.count]))).toEqual(count((c) => c.brand?.id));
      expect(new Map(body.facets.categories.map((c) => [c.id, c.count]))).toEqual(count((c) => c.category?.id));
      const attrCounts = new Map<string, number>();
      for (const i of items) {
        const page = (await t.app.inject(`/api/store/products/${i.id}`)).json() as { attributes: Record<string, string>; variants: { attributes: Record<string, string> }[] };
        const terms = new Set<string>();
        for (const [k, v] of Object.entries(page.attributes)) terms.add(`${k}=${v}`);
        for (const variant of page.variants) for (const [k, v] of Object.entries(variant.attributes)) terms.add(`${k}=${v}`);
        for (const term of terms) attrCounts.set(term, (attrCounts.get(term) ?? 0) + 1);
      }
      const facetCounts = new Map(body.facets.attributes.flatMap((a) => a.values.map((v) => [`${a.name}=${v.value}`, v.count] as const)));
      expect(facetCounts).toEqual(attrCounts);
    }
  });

  it('sorts by name and pages without duplicates or gaps', async () => {
    const items = await all('sort=name');
    const names = items.map((i) => i.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    expect(items.length).toBe(6 + f.widgetCount);
    expect((await search('limit=1')).total).toBe(items.length);
  });

  it('pages relevance-sorted results without duplicates or gaps', async () => {
    const big = await all('q=widget', 96);
    const paged = await all('q=widget');
    expect(paged.map((i) => i.id)).toEqual(big.map((i) => i.id));
    expect(new Set(paged.map((i) => i.id)).size).toBe(paged.length);
    expect(paged.length).toBe(f.widgetCount);
  });

  it('defaults to 48 per page', async () => {
    const body = await search('');
    expect(body.items).toHaveLength(48);
    expect(body.nextCursor).not.toBeNull();
  });

  it('rejects bad input with problem+json naming the field', async () => {
    for (const [qs, field] of [
      ['limit=0', 'limit'],
      ['limit=abc', 'limit'],
      ['sort=price', 'sort'],
      ['attr=nocolon', 'attr'],
      ['cursor=garbage', 'cursor'],
      [`q=${'x'.repeat(201)}`, 'q'],
      ['unknown=1', 'unknown'],
    ] as const) {
      const res = await t.app.inject(`/api/store/products?${qs}`);
      expect(res.statusCode, qs).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().field, qs).toContain(field);
    }
    const longKey = await t.app.inject(`/api/store/products/${'a'.repeat(201)}`);
    expect(longKey.statusCode).toBe(400);
    expect(longKey.json().field).toBe('idOrSlug');
    const cursor = (await search('sort=name&limit=1')).nextCursor!;
    const res = await t.app.inject(`/api/store/products?q=widget&cursor=${cursor}`);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'BAD_CURSOR', field: 'cursor' });
  });

  it('returns the category tree with counts that include subcategories', async () => {
    const res = await t.app.inject('/api/store/categories');
    expect(res.statusCode).toBe(200);
    const tree = res.json() as { slug: string; productCount: number; children: { slug: string; productCount: number; children: { slug: string; productCount: number }[] }[] }[];
    expect(tree.map((n) => n.slug)).toEqual(['tools', 'fasteners', 'empty']);
    const tools = tree[0]!;
    expect(tools.productCount).toBe(5);
    expect(tools.children.map((c) => [c.slug, c.productCount])).toEqual([
      ['hand-tools', 4],
      ['power-tools', 1],
    ]);
    expect(tools.children[0]!.children.map((c) => [c.slug, c.productCount])).toEqual([['hammers', 3]]);
    expect(tree[1]!.productCount).toBe(1 + f.widgetCount);
    expect(tree[2]!.productCount).toBe(0);
  });

  it('shows a product page by id or slug with its category path and stock', async () => {
    const bySlug = await t.app.inject('/api/store/products/claw-hammer');
    expect(bySlug.statusCode).toBe(200);
    const body = bySlug.json();
    expect(body).toMatchObject({
      id: f.product.claw,
      name: 'Claw Hammer',
      brand: { name: 'Stanley' },
      categoryPath: [{ slug: 'tools' }, { slug: 'hand-tools' }, { slug: 'hammers' }],
      attributes: { material: 'steel' },
    });
    expect(body.variants.map((v: { sku: string; available: number }) => [v.sku, v.available])).toEqual([
      ['HAM-001', 12],
      ['HAM-002', 0],
    ]);
    expect(body.variants[0]).toMatchObject({ gtin: '4006381333931', weightGrams: 600, packSize: 1, uom: 'each', attributes: { size: '16oz' } });
    expect((await t.app.inject(`/api/store/products/${f.product.claw}`)).json().slug).toBe('claw-hammer');
  });

  it('takes a visibility predicate that hides products from results, facets and the product page', async () => {
    const ctx = systemCtx(t.database.db);
    const visibility = sql`p.brand_id <> ${f.brand.stanley}`;
    const hidden = await searchProducts(ctx, { q: 'hammer' }, { visibility });
    expect(hidden.items.map((i) => i.name)).toEqual(['Sledge Hammer']);
    expect(hidden.total).toBe(1);
    expect(hidden.facets.brands.map((b) => b.name)).toEqual(['Acme']);
    await expect(storeProduct(ctx, 'claw-hammer', { visibility })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await storeProduct(ctx, 'sledge-hammer', { visibility })).name).toBe('Sledge Hammer');
    // the unrestricted search is unaffected (and not served from the restricted one's cache)
    expect((await searchProducts(ctx, { q: 'hammer' })).total).toBe(3);
  });

  it('answers 404 for draft, archived and unknown products', async () => {
    for (const key of [f.product.draft, 'archived-hammer', 'no-such-product', 'prd_00000000000000000000000000']) {
      const res = await t.app.inject(`/api/store/products/${key}`);
      expect(res.statusCode, key).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });
});
