import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { exportProductsCsv, importProductsCsv } from '../../src/modules/catalog/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { staffSession, type SignedIn } from '../helpers/auth.ts';
import { seedCatalog, type CatalogFixture } from './fixtures.ts';
import { unique } from '../helpers/unique.ts';

const HEADER = 'product_slug,product_name,description,category_slug,brand,sku,gtin,variant_name,uom,pack_size,weight_grams,tax_class,status,attributes,image_urls';

function collect(): { out: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const out = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(Buffer.from(chunk));
      cb();
    },
  });
  return { out, text: () => Buffer.concat(chunks).toString('utf8') };
}

describe('catalog CSV import and export', () => {
  let t: TestApp;
  let f: CatalogFixture;
  let staff: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    f = await seedCatalog(t.database, 5);
    staff = await staffSession(t, 'catalog_manager');
  });
  afterAll(async () => t.close());

  const postCsv = (url: string, body: string, who: SignedIn = staff) =>
    t.app.inject({ method: 'POST', url, headers: { ...who.headers, 'content-type': 'text/csv' }, payload: body });

  it('imports the good rows and reports row and field for each bad one', async () => {
    // This test owns the products it imports: a retry starts, like the first attempt, without them.
    await t.database.query("delete from products where slug in ('pipe-wrench', 'quoted-name', 'tape-measure')");
    const csv = [
      HEADER,
      'pipe-wrench,Pipe Wrench 14in,Adjustable,hand-tools,Ridgid,PW-14,12345678,14 inch,each,1,900,standard,active,size=14in;jaw=steel,https://img.example.com/pw14.jpg|https://img.example.com/pw14b.jpg',
      'pipe-wrench,Pipe Wrench 14in,Adjustable,hand-tools,Ridgid,PW-18,,18 inch,each,1,1200,standard,active,size=18in,https://img.example.com/pw14.jpg',
      'Bad Slug,Broken,,hand-tools,Ridgid,BRK-1,,,each,1,,standard,active,,', // row 4: slug
      'broken-2,Broken,,no-such-category,Ridgid,BRK-2,,,each,1,,standard,active,,', // row 5: category
      'broken-3,Broken,,hand-tools,Ridgid,BRK-3,12ab,,each,zero,,standard,gone,color,', // row 6: several cells
      'broken-4,Broken,,hand-tools,Ridgid,HAM-001,,,each,1,,standard,active,,', // row 7: SKU of another product
      '"quoted-name",,"desc, with comma",hand-tools,Ridgid,QN-1,,,each,1,,standard,active,,', // row 8: name missing
      'tape-measure,Tape Measure 5m,"Says ""5m"", honestly",,,TM-5,,,each,1,,,,,', // no category/brand: fine
    ].join('\n');
    const res = await postCsv('/api/admin/products/import', csv);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ created: 3, updated: 0, failed: 5 });
    const fields = body.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`);
    expect(fields).toEqual(['4:product_slug', '5:category_slug', '6:status', '6:gtin', '6:pack_size', '6:attributes', '7:sku', '8:product_name']);

    const page = (await t.app.inject('/api/store/products/pipe-wrench')).json();
    expect(page).toMatchObject({
      name: 'Pipe Wrench 14in',
      brand: { name: 'Ridgid' },
      category: { id: f.cat.hand.id },
      images: ['https://img.example.com/pw14.jpg'],
    });
    expect(page.variants.map((v: { sku: string; attributes: object; weightGrams: number }) => [v.sku, v.attributes, v.weightGrams])).toEqual([
      ['PW-14', { size: '14in', jaw: 'steel' }, 900],
      ['PW-18', { size: '18in' }, 1200],
    ]);
    // status column absent (empty) → new products stay draft
    expect((await t.app.inject('/api/store/products/tape-measure')).statusCode).toBe(404);
    const admin = (await t.app.inject({ url: '/api/admin/products?q=tape', headers: staff.headers })).json();
    expect(admin.items[0]).toMatchObject({ status: 'draft', variantCount: 1 });
    // the untouched product keeps its SKU
    expect((await t.app.inject('/api/store/products/claw-hammer')).json().variants.map((v: { sku: string }) => v.sku)).toContain('HAM-001');
  });

  it('upserts by slug and SKU on a second import and reports progress per batch', async () => {
    // This test owns the bulk-* products: a retry starts, like the first attempt, without them.
    await t.database.query("delete from products where slug like 'bulk-%'");
    const rows = Array.from({ length: 23 }, (_, i) => `bulk-${i},Bulk ${i},,fasteners,Acme,BLK-${i},,,box,10,,standard,active,finish=zinc,`);
    const progress: number[] = [];
    const ctx = systemCtx(t.database.db);
    const first = await importProductsCsv(ctx, [HEADER, ...rows].join('\n'), { batchSize: 10, onProgress: (n) => progress.push(n) });
    expect(first).toEqual({ created: 23, updated: 0, failed: 0, errors: [] });
    expect(progress).toEqual([10, 20, 23]);
    const renamed = rows.map((r) => r.replace(/Bulk (\d+)/, 'Bulk item $1').replace('box,10', 'box,12'));
    const second = await importProductsCsv(ctx, [HEADER, ...renamed].join('\r\n'));
    expect(second).toEqual({ created: 0, updated: 23, failed: 0, errors: [] });
    const page = (await t.app.inject('/api/store/products/bulk-7')).json();
    expect(page.name).toBe('Bulk item 7');
    expect(page.variants[0]).toMatchObject({ sku: 'BLK-7', packSize: 12, uom: 'box' });
    expect((await t.app.inject('/api/store/products?attr=finish:zinc&q=bulk')).json().total).toBe(23);
  });

  it('keeps the rows before a malformed line and reports where it broke', async () => {
    const run = unique('ok', ''); // slugs and SKUs unique per attempt: a retry creates, as the first attempt did
    const csv = [HEADER, `${run}-row,OK Row,,,,${run.toUpperCase()}-1,,,,,,,,,`, 'bad-quote,"Unclosed,,,,BQ-1,,,,,,,,,'].join('\n');
    const res = await importProductsCsv(systemCtx(t.database.db), csv);
    expect(res.created).toBe(1);
    expect(res.failed).toBe(1);
    expect(res.errors[0]).toMatchObject({ field: 'csv' });
  });

  it('refuses a file with an unknown or missing column before writing anything', async () => {
    const unknown = await postCsv('/api/admin/products/import', 'product_slug,product_name,colour\nnever-imported,Never Imported,red\n');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json()).toMatchObject({ code: 'CSV_INVALID', field: 'colour' });
    const missing = await postCsv('/api/admin/products/import', 'product_slug,sku\nnever-imported,NEVER-1\n');
    expect(missing.json()).toMatchObject({ code: 'CSV_INVALID', field: 'product_name' });
    const empty = await postCsv('/api/admin/products/import', '');
    expect(empty.statusCode).toBe(400);
    const json = await t.app.inject({ method: 'POST', url: '/api/admin/products/import', headers: staff.headers, payload: { rows: [] } });
    expect(json.statusCode).toBe(400);
    expect(json.json().field).toBe('body');
    expect((await t.app.inject({ url: '/api/admin/products?q=never', headers: staff.headers })).json().items).toEqual([]);
  });

  it('round-trips: export, import into an empty catalog, export again gives the same file', async () => {
    const exported = await t.app.inject({ url: '/api/admin/products/export', headers: staff.headers });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('text/csv');
    const text = exported.body;
    expect(text.split('\n')[0]).toBe(`${HEADER},product_attributes`);
    expect(text).toContain('HAM-001');

    // Re-importing the export into the same catalog changes nothing.
    const again = await postCsv('/api/admin/products/import', text);
    expect(again.json()).toMatchObject({ created: 0, failed: 0 });

    const other = await createTestApp();
    try {
      // Categories are not part of the file: the target has the same tree (by slug).
      const o = await seedCatalog(other.database, 0);
      await other.database.exec('delete from inventory; delete from variants; delete from products; delete from brands;');
      void o;
      const ctx = systemCtx(other.database.db);
      const imported = await importProductsCsv(ctx, text);
      expect(imported.failed, JSON.stringify(imported.errors)).toBe(0);
      const sink = collect();
      await exportProductsCsv(ctx, sink.out);
      const sortLines = (s: string) => s.trim().split(/\r?\n/).slice(1).sort();
      expect(sortLines(sink.text())).toEqual(sortLines(text));
    } finally {
      await other.close();
    }
  });

  it('imports and exports inventory levels by SKU and warehouse code', async () => {
    // This test creates HAM-100's stock levels: a retry starts, like the first attempt, without them.
    await t.database.query("delete from inventory where variant_id in (select id from variants where sku = 'HAM-100')");
    const csv = ['sku,warehouse_code,on_hand', 'HAM-100,MAIN,25', 'ham-100,north,5', 'HAM-001,MAIN,1', 'NOPE,MAIN,3', 'HAM-200,MAIN,-1', 'HAM-200,MARS,1'].join('\n');
    const res = await postCsv('/api/admin/inventory/import', csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ created: 2, updated: 0, failed: 4 });
    expect(res.json().errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`)).toEqual(['4:on_hand', '5:sku', '6:on_hand', '7:warehouse_code']);
    expect((await t.app.inject('/api/store/products/sledge-hammer')).json().variants[0].available).toBe(30);

    const exported = await t.app.inject({ url: '/api/admin/inventory/export', headers: staff.headers });
    expect(exported.statusCode).toBe(200);
    const lines = exported.body.trim().split(/\r?\n/);
    expect(lines[0]).toBe('sku,warehouse_code,on_hand');
    expect(lines.slice(1).sort()).toEqual(['HAM-001,MAIN,10', 'HAM-001,NORTH,5', 'HAM-002,MAIN,2', 'HAM-100,MAIN,25', 'HAM-100,NORTH,5'].sort());
  });
});
