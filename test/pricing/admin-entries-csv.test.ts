import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { entriesFixture, type EntriesFixture, type EntryOut } from './admin-entries-fixture.ts';

interface ImportOut { created: number; updated: number; failed: number; errors: { row: number; field: string; message: string }[]; errorsTruncated: boolean }

describe('admin price-list entries as CSV', () => {
  let t: TestApp;
  let f: EntriesFixture;
  beforeAll(async () => {
    t = await createTestApp();
    f = await entriesFixture(t);
  });
  afterAll(async () => t.close());

  const importCsv = (listId: string, csv: string) => f.call('POST', `/api/admin/price-lists/${listId}/entries/import`, csv, { 'content-type': 'text/csv' });
  const imported = async (listId: string, csv: string): Promise<ImportOut> => {
    const res = await importCsv(listId, csv);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as ImportOut;
  };
  const entries = async (listId: string): Promise<Omit<EntryOut, 'variantId'>[]> =>
    (await f.ok<{ items: EntryOut[] }>('GET', `/api/admin/price-lists/${listId}/entries?limit=200`)).items
      .map(({ variantId: _v, ...e }) => e).sort((a, b) => a.sku.localeCompare(b.sku));

  it('imports entries with prices in major units, tiers as minQty:price|…, and quantity rules', async () => {
    const id = await f.newList('CSV in');
    const r = await imported(id, [
      'sku,unit_price,tiers,qty_min,qty_max,qty_increment',
      'ENT-HAM-1,100.00,10:95.00|100:90.05,2,100,2',
      'ent-ham-2,123.4,,,,',
      'ENT-DRL-1,2500,,,,',
      '',
    ].join('\n'));
    expect(r).toEqual({ created: 3, updated: 0, failed: 0, errors: [], errorsTruncated: false });
    const got = await entries(id);
    expect(got.find((e) => e.sku === 'ENT-HAM-1')).toMatchObject({ unitPrice: 10_000, tiers: [{ minQty: 10, unitPrice: 9_500 }, { minQty: 100, unitPrice: 9_005 }], qtyMin: 2, qtyMax: 100, qtyIncrement: 2 });
    expect(got.find((e) => e.sku === 'ENT-HAM-2')).toMatchObject({ unitPrice: 12_340, tiers: [], qtyMin: null });
    expect(got.find((e) => e.sku === 'ENT-DRL-1')!.unitPrice).toBe(250_000);
    // Importing again updates (and unchanged rows stay as they are).
    expect(await imported(id, 'sku,unit_price\nENT-HAM-2,123.40\nENT-DRL-1,2600\n')).toMatchObject({ created: 0, updated: 2, failed: 0 });
    expect((await entries(id)).find((e) => e.sku === 'ENT-DRL-1')!.unitPrice).toBe(260_000);
  });

  it('uses the currency’s decimals: JPY has none, KWD three', async () => {
    const jpy = await f.newList('Yen', 'JPY');
    const r = await imported(jpy, 'sku,unit_price,tiers\nENT-PIP-1,1250,10:1200\nENT-PIP-2,12.5,\n');
    expect([r.created, r.failed]).toEqual([1, 1]);
    expect(r.errors).toEqual([{ row: 3, field: 'unit_price', message: expect.stringMatching(/JPY has 0 decimal places/) }]);
    expect((await entries(jpy))[0]).toMatchObject({ unitPrice: 1250, tiers: [{ minQty: 10, unitPrice: 1200 }] });
    const kwd = await f.newList('Dinar', 'KWD');
    await imported(kwd, 'sku,unit_price\nENT-PIP-1,1.250\n');
    expect((await entries(kwd))[0]!.unitPrice).toBe(1_250);
  });

  it('round-trips: export then import into another list gives the same entries', async () => {
    const a = await f.newList('Round A');
    await f.ok('PUT', `/api/admin/price-lists/${a}/entries`, {
      items: [
        { sku: 'ENT-HAM-1', unitPrice: 10_001, tiers: [{ minQty: 100, unitPrice: 8_000 }, { minQty: 10, unitPrice: 9_000 }], qtyMin: 5, qtyMax: 500, qtyIncrement: 5 },
        { sku: 'ENT-HAM-2', unitPrice: 7 },
        { sku: 'ENT-WRN-1', unitPrice: 0, qtyMax: 3 },
        { sku: 'ENT-PIP-1', unitPrice: 999_999_999 },
      ],
    }, 200);
    const exp = await f.call('GET', `/api/admin/price-lists/${a}/entries.csv`);
    expect(exp.statusCode).toBe(200);
    expect(exp.headers['content-type']).toMatch(/^text\/csv/);
    expect(exp.headers['content-disposition']).toMatch(/attachment/);
    const lines = exp.body.trim().split('\n');
    expect(lines[0]).toBe('sku,unit_price,tiers,qty_min,qty_max,qty_increment,product_name');
    expect(lines).toContain('ENT-HAM-1,100.01,10:90.00|100:80.00,5,500,5,Claw Hammer Steel');
    expect(lines).toContain('ENT-HAM-2,0.07,,,,,Claw Hammer Steel');
    const b = await f.newList('Round B');
    expect(await imported(b, exp.body)).toMatchObject({ created: 4, failed: 0 });
    const sorted = (es: Omit<EntryOut, 'variantId'>[]) => es.map((e) => ({ ...e, tiers: [...e.tiers].sort((x, y) => x.minQty - y.minQty) }));
    expect(sorted(await entries(b))).toEqual(sorted(await entries(a)));
    // The export takes the grid's filters.
    const filtered = await f.call('GET', `/api/admin/price-lists/${a}/entries.csv?category=${f.cat.plumbing}`);
    expect(filtered.body.trim().split('\n').slice(1).map((l) => l.split(',')[0]).sort()).toEqual(['ENT-PIP-1', 'ENT-WRN-1']);
  });

  it('reports bad rows by row and field, writes the valid rows, and never writes half a row', async () => {
    const id = await f.newList('Bad rows');
    const r = await imported(id, [
      'sku,unit_price,tiers,qty_min,qty_max,qty_increment',
      'ENT-HAM-1,10.00,,,,', // row 2: fine
      'ENT-HAM-2,-1,,,,', // row 3: negative price
      'NOPE-404,5.00,,,,', // row 4: unknown SKU
      'ENT-DRL-1,5.001,,,,', // row 5: three decimals in PKR
      'ENT-PIP-1,5.00,10:4.50|10:4.00,,,', // row 6: two tiers at 10
      'ENT-PIP-2,5.00,ten:4,,,', // row 7: tier notation
      'ENT-WRN-1,5.00,,3,,2', // row 8: min not a multiple of the increment
      ',5.00,,,,', // row 9: no SKU
      'ENT-WRN-1,1e3,,,,', // row 10: exponent
      'ENT-WRN-1,7.00,,,,,extra', // row 11: too many cells
      'ENT-WRN-1,"1,000.00",,,,', // row 12: thousands separator
      'ENT-DRL-1,12.00,,0,,', // row 13: zero minimum
      'ENT-PIP-2,3.50,,,,', // row 14: fine
    ].join('\n'));
    expect([r.created, r.updated, r.failed]).toEqual([2, 0, 11]);
    expect(r.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'unit_price'], [4, 'sku'], [5, 'unit_price'], [6, 'tiers'], [7, 'tiers'], [8, 'qty_min'], [9, 'sku'], [10, 'unit_price'], [11, 'row'], [12, 'unit_price'], [13, 'qty_min'],
    ]);
    expect(r.errors.find((e) => e.row === 4)!.message).toMatch(/No variant has SKU NOPE-404/);
    expect(r.errors.find((e) => e.row === 5)!.message).toMatch(/PKR has 2 decimal places/);
    const got = await entries(id);
    expect(got.map((e) => [e.sku, e.unitPrice])).toEqual([['ENT-HAM-1', 1_000], ['ENT-PIP-2', 350]]);
  });

  it('keeps the last row of a SKU given twice and caps error details while counting every failure', async () => {
    const id = await f.newList('Dupes');
    const r = await imported(id, 'sku,unit_price\nENT-HAM-1,1.00\nENT-HAM-1,2.00\n');
    expect([r.created, r.updated, r.failed]).toEqual([1, 1, 0]);
    expect((await entries(id))[0]!.unitPrice).toBe(200);
    const many = ['sku,unit_price', ...Array.from({ length: 1_200 }, (_, i) => `ENT-HAM-1,bad${i}`)].join('\n');
    const capped = await imported(id, many);
    expect([capped.failed, capped.errors.length, capped.errorsTruncated]).toEqual([1_200, 1_000, true]);
  });

  it('streams a file of many batches: row numbers stay exact and the last row of a SKU wins across batches', async () => {
    const id = await f.newList('Many batches');
    const skus = ['ENT-HAM-1', 'ENT-HAM-2', 'ENT-DRL-1', 'ENT-PIP-1', 'ENT-PIP-2', 'ENT-WRN-1'];
    const lines = ['sku,unit_price,tiers,qty_min,qty_max,qty_increment'];
    for (let i = 0; i < 12_000; i++) lines.push(i === 10_998 ? 'ENT-HAM-1,oops,,,,' : `${skus[i % 6]},${(i / 100).toFixed(2)},,,,`);
    const r = await imported(id, lines.join('\n'));
    expect([r.created, r.updated, r.failed]).toEqual([6, 11_993, 1]);
    expect(r.errors).toEqual([{ row: 11_000, field: 'unit_price', message: expect.any(String) }]);
    const got = new Map((await entries(id)).map((e) => [e.sku, e.unitPrice]));
    // The last data row (i = 11,999) is ENT-WRN-1 at 119.99; i = 11,994 is ENT-HAM-1 at 119.94.
    expect(got.get('ENT-WRN-1')).toBe(11_999);
    expect(got.get('ENT-HAM-1')).toBe(11_994);
  });

  it('answers a malformed or empty file with 400 CSV_INVALID and writes nothing', async () => {
    const id = await f.newList('Malformed');
    const cases: [string, string][] = [
      ['', 'body'],
      ['\n\n', 'body'],
      ['product,price\nENT-HAM-1,1.00\n', 'product'],
      ['unit_price,tiers\n1.00,\n', 'sku'],
      ['sku,unit_price,sku\nENT-HAM-1,1,ENT-HAM-1\n', 'sku'],
      ['"sku,unit_price\nENT-HAM-1,1.00\n', 'body'],
      ['\u0000\u0001\u0002binary\u00ff', '\u0000\u0001\u0002binary\u00ff'.toLowerCase()],
    ];
    for (const [csv, field] of cases) {
      const res = await importCsv(id, csv);
      expect(res.statusCode, `${JSON.stringify(csv)}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'CSV_INVALID', field });
    }
    expect(await entries(id)).toEqual([]);
    // A line that cannot be parsed midway ends the import there, keeping the rows before it.
    const mid = await imported(id, 'sku,unit_price\nENT-HAM-1,1.00\n"ENT-HAM-2,2.00\n');
    expect([mid.created, mid.failed, mid.errors[0]?.field]).toEqual([1, 1, 'csv']);
  });

  it('refuses other content types, unknown lists, and support staff without pricing:write', async () => {
    const id = await f.newList('Types');
    const json = await f.call('POST', `/api/admin/price-lists/${id}/entries/import`, { sku: 'x' });
    expect(json.statusCode).toBe(400);
    const form = await f.call('POST', `/api/admin/price-lists/${id}/entries/import`, 'a=1', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.statusCode).toBe(415);
    expect((await importCsv('prl_00000000000000000000000000', 'sku,unit_price\n')).statusCode).toBe(404);
    expect((await f.call('GET', '/api/admin/price-lists/prl_00000000000000000000000000/entries.csv')).statusCode).toBe(404);
    const { staffSession } = await import('../helpers/auth.ts');
    const support = await staffSession(t, 'support');
    const res = await t.app.inject({ method: 'POST', url: `/api/admin/price-lists/${id}/entries/import`, headers: { ...support.headers, 'content-type': 'text/csv' }, payload: 'sku,unit_price\nENT-HAM-1,1\n' });
    expect(res.statusCode).toBe(403);
    expect(await entries(id)).toEqual([]);
  });
});
