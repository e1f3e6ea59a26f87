import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { cartStore, pkr, type Cart } from './fixture.ts';

interface QuickLine { lineNos: number[]; sku: string; quantity: number | null; productName: string | null; unitPrice: unknown; lineTotal: unknown; problems: { code: string; message: string }[] }
interface Preview { currency: string; lines: QuickLine[]; subtotal: unknown; validLines: number; problemLines: number }

describe('quick order', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof cartStore>>;
  beforeAll(async () => {
    t = await createTestApp();
    s = await cartStore(t);
    // Bolts are hidden from the outsider.
    const hide = await s.call(s.admin, 'POST', '/api/admin/shared-catalogs', {
      name: 'No bolts', status: 'active', rules: [{ effect: 'exclude', kind: 'product', value: s.bolts.id }],
      assignments: [{ type: 'company', companyId: s.outsider.company.id, includeDescendants: false }],
    });
    expect(hide.statusCode, hide.body).toBe(201);
  });
  afterAll(async () => t.close());

  const preview = async (body: unknown, who = s.builder) => {
    const res = await s.call(who, 'POST', '/api/store/quick-order/preview', body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Preview;
  };

  it('previews pasted lines: merges duplicates, prices them and names every problem with its line', async () => {
    const p = await preview({ text: 'sfp-1\t60\nNOPE-7, 2\nSFP-2 7\nSFP-10;3\nSFP-1 40\nSFP-3 lots\n' });
    expect(p.lines.map((l) => [l.lineNos, l.sku, l.quantity, l.problems.map((x) => x.code)])).toEqual([
      [[1, 5], 'SFP-1', 100, []],
      [[2], 'NOPE-7', 2, ['SKU_UNKNOWN']],
      [[3], 'SFP-2', 7, ['INSUFFICIENT_STOCK']],
      [[4], 'SFP-10', 3, ['QUANTITY_BELOW_MIN', 'QUANTITY_NOT_INCREMENT']],
      [[6], 'SFP-3', null, ['QUANTITY_INVALID']],
    ]);
    expect(p.lines[0]).toMatchObject({ productName: 'Pricing Hammer', unitPrice: pkr(7_920), lineTotal: pkr(792_000) });
    expect(p.lines[1]!.problems[0]!.message).toBe('No item has SKU NOPE-7');
    expect([p.validLines, p.problemLines, p.currency]).toEqual([1, 4, 'PKR']);
    expect(p.subtotal).toEqual(pkr(792_000 + 7 * 10_000 + 3 * 50_000));
  });

  it('reads an uploaded CSV file, and refuses one without the columns', async () => {
    const p = await preview({ csv: 'SKU,Quantity\nSFP-2,2\nSFP-11,100\n' });
    expect(p.lines.map((l) => [l.lineNos, l.sku, l.problems])).toEqual([[[2], 'SFP-2', []], [[3], 'SFP-11', []]]);
    const bad = await s.call(s.builder, 'POST', '/api/store/quick-order/preview', { csv: 'code;amount\nA;1' });
    expect([bad.statusCode, bad.json().code, bad.json().field]).toEqual([400, 'CSV_INVALID', 'csv']);
  });

  it('answers a SKU hidden from the company exactly like an unknown one', async () => {
    const p = await preview({ text: 'SFP-10 5\nSFP-98 5' }, s.outsider);
    expect(p.lines.map((l) => ({ ...l, sku: '' }))).toEqual([
      { lineNos: [1], sku: '', quantity: 5, variantId: null, productName: null, unitPrice: null, lineTotal: null, available: null, problems: [{ code: 'SKU_UNKNOWN', message: 'No item has SKU SFP-10', limit: null }] },
      { lineNos: [2], sku: '', quantity: 5, variantId: null, productName: null, unitPrice: null, lineTotal: null, available: null, problems: [{ code: 'SKU_UNKNOWN', message: 'No item has SKU SFP-98', limit: null }] },
    ]);
  });

  it('bounds the input: over 1,000 lines is a 413, neither or both inputs a 400', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => `SKU-${i} 1`).join('\n');
    const res = await s.call(s.builder, 'POST', '/api/store/quick-order/preview', { text: many });
    expect([res.statusCode, res.json().code]).toEqual([413, 'QUICK_ORDER_TOO_LARGE']);
    expect((await s.call(s.builder, 'POST', '/api/store/quick-order/preview', {})).statusCode).toBe(400);
    expect((await s.call(s.builder, 'POST', '/api/store/quick-order/preview', { text: 'A 1', csv: 'sku,quantity' })).statusCode).toBe(400);
    expect((await s.call(null, 'POST', '/api/store/quick-order/preview', { text: 'A 1' })).statusCode).toBe(401);
  });

  it('adds the lines to a chosen cart in one go, reporting unknown SKUs as skipped', async () => {
    const c = await s.cart(s.colleague, 'POST', '/api/store/carts', { name: 'Quick', makeCurrent: false }, 201);
    await s.cart(s.colleague, 'POST', `/api/store/carts/${c.id}/lines`, { sku: 'SFP-1', quantity: 10 });
    const res = await s.call(s.colleague, 'POST', '/api/store/quick-order/add', { cartId: c.id, lines: [{ sku: 'sfp-1', quantity: 5 }, { sku: 'SFP-2', quantity: 2 }, { sku: 'NOPE', quantity: 1 }] });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { cart: Cart; added: number; skipped: unknown[] };
    expect(body.added).toBe(2);
    expect(body.skipped).toEqual([{ sku: 'NOPE', code: 'SKU_UNKNOWN', message: 'No item has SKU NOPE' }]);
    expect(body.cart.lines.map((l) => [l.sku, l.quantity])).toEqual([['SFP-1', 15], ['SFP-2', 2]]);
    // Without a cart id the lines go to the current cart (made when needed).
    const cur = await s.call(s.viewer, 'POST', '/api/store/quick-order/add', { lines: [{ sku: 'SFP-1', quantity: 1 }] });
    expect(cur.statusCode).toBe(403);
  });
});
