import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { entriesFixture, type EntriesFixture, type EntryOut } from './admin-entries-fixture.ts';

describe('admin price-list entries: filter, delete, change by percent', () => {
  let t: TestApp;
  let f: EntriesFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await entriesFixture(t);
  });
  afterAll(async () => t.close());

  const fill = async (listId: string) => {
    const put = await f.ok<{ failed: number }>('PUT', `/api/admin/price-lists/${listId}/entries`, {
      items: [
        { sku: 'ENT-HAM-1', unitPrice: 10_000, tiers: [{ minQty: 10, unitPrice: 9_500 }, { minQty: 100, unitPrice: 9_005 }], qtyMin: 2, qtyIncrement: 2 },
        { sku: 'ENT-HAM-2', unitPrice: 12_345 },
        { sku: 'ENT-DRL-1', unitPrice: 250_000 },
        { sku: 'ENT-PIP-1', unitPrice: 125 },
        { sku: 'ENT-PIP-2', unitPrice: 375 },
        { sku: 'ENT-WRN-1', unitPrice: 4_999 },
      ],
    });
    expect(put.failed).toBe(0);
  };
  const entries = async (listId: string, query = ''): Promise<EntryOut[]> =>
    (await f.ok<{ items: EntryOut[] }>('GET', `/api/admin/price-lists/${listId}/entries?limit=200${query}`)).items;
  const skus = (items: EntryOut[]) => items.map((e) => e.sku).sort();

  it('lists entries with SKU, product name, prices, tiers and quantity rules, filtered by SKU prefix, name words, category and brand', async () => {
    const id = await f.newList('Filters');
    await fill(id);
    const all = await entries(id);
    expect(all).toHaveLength(6);
    expect(all.find((e) => e.sku === 'ENT-HAM-1')).toMatchObject({
      productName: 'Claw Hammer Steel', unitPrice: 10_000, tiers: [{ minQty: 10, unitPrice: 9_500 }, { minQty: 100, unitPrice: 9_005 }], qtyMin: 2, qtyMax: null, qtyIncrement: 2,
    });
    expect(skus(await entries(id, '&q=ent-ham'))).toEqual(['ENT-HAM-1', 'ENT-HAM-2']);
    expect(skus(await entries(id, `&q=${encodeURIComponent('elbow copper')}`))).toEqual(['ENT-PIP-1', 'ENT-PIP-2']);
    expect(skus(await entries(id, `&q=${encodeURIComponent('copper hammer')}`))).toEqual([]);
    // A category includes its subcategories: Tools holds the hammers and (via Drills) the drill.
    expect(skus(await entries(id, `&category=${f.cat.tools}`))).toEqual(['ENT-DRL-1', 'ENT-HAM-1', 'ENT-HAM-2']);
    expect(skus(await entries(id, `&category=${f.cat.drills}`))).toEqual(['ENT-DRL-1']);
    expect(skus(await entries(id, `&brand=${f.brand.bolt}`))).toEqual(['ENT-DRL-1', 'ENT-WRN-1']);
    expect(skus(await entries(id, `&brand=${f.brand.acme}&category=${f.cat.plumbing}`))).toEqual(['ENT-PIP-1', 'ENT-PIP-2']);
    // A LIKE wildcard in the query is a literal character, not "anything".
    expect(await entries(id, '&q=%25')).toEqual([]);
  });

  it('pages filtered entries with a cursor', async () => {
    const id = await f.newList('Pages');
    await fill(id);
    const first = await f.ok<{ items: EntryOut[]; nextCursor: string }>('GET', `/api/admin/price-lists/${id}/entries?limit=2&category=${f.cat.tools}`);
    expect(first.items).toHaveLength(2);
    const second = await f.ok<{ items: EntryOut[]; nextCursor: string | null }>('GET', `/api/admin/price-lists/${id}/entries?limit=2&category=${f.cat.tools}&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items].map((e) => e.sku).sort()).toEqual(['ENT-DRL-1', 'ENT-HAM-1', 'ENT-HAM-2']);
    expect(second.nextCursor).toBeNull();
  });

  it('deletes entries by SKU and variant id, reporting unknown SKUs and variants the list does not price', async () => {
    const id = await f.newList('Delete');
    await fill(id);
    const drill = (await entries(id, '&q=ENT-DRL')).at(0)!;
    const res = await f.ok<{ deleted: number; failed: number; errors: { index: number; field: string; message: string }[] }>('DELETE', `/api/admin/price-lists/${id}/entries`, {
      items: [{ sku: 'ent-ham-2' }, { sku: 'NOPE-1' }, { variantId: drill.variantId }, { sku: 'ENT-HAM-2' }],
    });
    expect(res.deleted).toBe(2);
    expect(res.errors.map((e) => [e.index, e.field])).toEqual([[1, 'sku'], [3, 'sku']]);
    expect(res.errors[0]!.message).toMatch(/NOPE-1/);
    expect(skus(await entries(id))).toEqual(['ENT-HAM-1', 'ENT-PIP-1', 'ENT-PIP-2', 'ENT-WRN-1']);
    const missing = await f.call('DELETE', '/api/admin/price-lists/prl_00000000000000000000000000/entries', { items: [{ sku: 'ENT-HAM-1' }] });
    expect(missing.statusCode).toBe(404);
  });

  it('changes unit and tier prices by a percentage with half-even rounding, and a dry run writes nothing', async () => {
    const id = await f.newList('Adjust');
    await fill(id);
    const before = await entries(id);
    const dry = await f.ok<{ dryRun: boolean; changed: number; matched: number; samples: { sku: string; before: { unitPrice: number }; after: { unitPrice: number } }[] }>(
      'POST', `/api/admin/price-lists/${id}/entries/adjust`, { percent: -12, dryRun: true }, 200,
    );
    expect([dry.dryRun, dry.matched, dry.changed]).toEqual([true, 6, 6]);
    expect(dry.samples.length).toBeGreaterThan(0);
    expect(await entries(id)).toEqual(before);

    const done = await f.ok<{ dryRun: boolean; changed: number }>('POST', `/api/admin/price-lists/${id}/entries/adjust`, { percent: -12 }, 200);
    expect([done.dryRun, done.changed]).toEqual([false, 6]);
    const after = new Map((await entries(id)).map((e) => [e.sku, e]));
    // 10000 × 0.88 = 8800; 9500 → 8360; 9005 × 0.88 = 7924.4 → 7924; 12345 × 0.88 = 10863.6 → 10864;
    // 125 × 0.88 = 110; 375 × 0.88 = 330; 4999 × 0.88 = 4399.12 → 4399.
    expect(after.get('ENT-HAM-1')).toMatchObject({ unitPrice: 8_800, tiers: [{ minQty: 10, unitPrice: 8_360 }, { minQty: 100, unitPrice: 7_924 }], qtyMin: 2, qtyIncrement: 2 });
    expect(after.get('ENT-HAM-2')!.unitPrice).toBe(10_864);
    expect(after.get('ENT-PIP-1')!.unitPrice).toBe(110);
    expect(after.get('ENT-WRN-1')!.unitPrice).toBe(4_399);
    expect(after.get('ENT-DRL-1')!.unitPrice).toBe(220_000);
    // The preview showed exactly what was then written.
    for (const sample of dry.samples) {
      expect(before.find((e) => e.sku === sample.sku)!.unitPrice).toBe(sample.before.unitPrice);
      expect(after.get(sample.sku)!.unitPrice).toBe(sample.after.unitPrice);
    }
  });

  it('rounds exact halves to even, scopes the change by filter, and applies a rounding grid', async () => {
    const id = await f.newList('Halves');
    await f.ok('PUT', `/api/admin/price-lists/${id}/entries`, { items: [{ sku: 'ENT-PIP-1', unitPrice: 125 }, { sku: 'ENT-PIP-2', unitPrice: 135 }, { sku: 'ENT-HAM-1', unitPrice: 1_000 }] }, 200);
    // +10 %: 125 → 137.5 → 138 (even), 135 → 148.5 → 148 (even); only plumbing changes.
    const r = await f.ok<{ changed: number; matched: number }>('POST', `/api/admin/price-lists/${id}/entries/adjust`, { percent: 10, filter: { category: f.cat.plumbing } }, 200);
    expect([r.matched, r.changed]).toEqual([2, 2]);
    const by = async () => new Map((await entries(id)).map((e) => [e.sku, e.unitPrice]));
    expect(Object.fromEntries(await by())).toEqual({ 'ENT-PIP-1': 138, 'ENT-PIP-2': 148, 'ENT-HAM-1': 1_000 });
    // −3 % of 1000 = 970 → on a grid of 25: 970 / 25 = 38.8 → 39 × 25 = 975.
    await f.ok('POST', `/api/admin/price-lists/${id}/entries/adjust`, { percent: -3, filter: { q: 'ENT-HAM' }, rounding: { type: 'nearest', step: 25 } }, 200);
    expect((await by()).get('ENT-HAM-1')).toBe(975);
    await f.ok('POST', `/api/admin/price-lists/${id}/entries/adjust`, { percent: 2, filter: { q: 'hammer' }, rounding: { type: 'ending', ending: 99 } }, 200);
    // 975 × 1.02 = 994.5 → nearest price ending in 99 is 999.
    expect((await by()).get('ENT-HAM-1')).toBe(999);
  });

  it('refuses a change with more than two decimals, of zero, or one that overflows money, naming the field', async () => {
    const id = await f.newList('Refuse');
    await f.ok('PUT', `/api/admin/price-lists/${id}/entries`, { items: [{ sku: 'ENT-PIP-1', unitPrice: 1e15 }] }, 200);
    for (const percent of [1.234, 0, 500]) {
      const res = await f.call('POST', `/api/admin/price-lists/${id}/entries/adjust`, { percent });
      expect(res.statusCode, `${percent}: ${res.body}`).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'percent' });
    }
    expect((await entries(id))[0]!.unitPrice).toBe(1e15);
  });

  it('shows entry counts in the list of price lists', async () => {
    const id = await f.newList('Counted');
    await fill(id);
    const lists = await f.ok<{ items: { id: string; entryCount: number }[] }>('GET', '/api/admin/price-lists?limit=200');
    expect(lists.items.find((l) => l.id === id)?.entryCount).toBe(6);
  });

  it('refuses support staff (no pricing:write) and buyers', async () => {
    const id = await f.newList('Guarded');
    const { staffSession, buyerSession } = await import('../helpers/auth.ts');
    const support = await staffSession(t, 'support');
    const buyer = await buyerSession(t);
    for (const who of [support, buyer]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/admin/price-lists/${id}/entries/adjust`, headers: who.headers, payload: { percent: -12 } });
      expect(res.statusCode).toBe(403);
    }
  });
});
