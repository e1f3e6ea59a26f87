import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import type { SignedIn } from '../helpers/auth.ts';
import { pricedStore } from './storefront-fixture.ts';
import { unique } from '../helpers/unique.ts';

const pkr = (amount: number) => ({ amount, currency: 'PKR' });
interface Line { sku: string; variantId: string | null; productName: string | null; quantity: number; unitPrice: unknown; lineTotal: unknown; kind: string | null; label: string | null; problems: { code: string; field: string; message: string }[] }

describe('POST /api/store/cart-preview', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof pricedStore>>;
  beforeAll(async () => {
    t = await createTestApp();
    s = await pricedStore(t);
  });
  afterAll(async () => t.close());

  const preview = async (who: SignedIn | null, lines: { sku: string; quantity: number }[]) =>
    t.app.inject({ method: 'POST', url: '/api/store/cart-preview', ...(who ? { headers: who.headers } : {}), payload: { lines } });

  it("prices each line at the buyer's price, with tiers and contracts, and an exact subtotal", async () => {
    const res = await preview(s.builder, [{ sku: 'sfp-1', quantity: 100 }, { sku: 'SFP-2', quantity: 3 }, { sku: 'SFP-1', quantity: 1 }]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { currency: string; lines: Line[]; subtotal: unknown; pricedLines: number; problemLines: number };
    expect(body.lines.map((l) => [l.sku, l.productName, l.unitPrice, l.lineTotal, l.kind])).toEqual([
      ['SFP-1', 'Pricing Hammer', pkr(7_920), pkr(792_000), 'volume'],
      ['SFP-2', 'Pricing Hammer', pkr(10_000), pkr(30_000), 'contract'],
      ['SFP-1', 'Pricing Hammer', pkr(8_800), pkr(8_800), 'list'],
    ]);
    expect(body.lines[1]!.label).toBe('Your contract price (ref C-9)');
    expect(body.subtotal).toEqual(pkr(792_000 + 30_000 + 8_800));
    expect([body.currency, body.pricedLines, body.problemLines]).toEqual(['PKR', 3, 0]);
  });

  it('reports problems per line — unknown SKU, quantity rules, no price — without failing the request', async () => {
    const res = await preview(s.builder, [
      { sku: 'NOPE-1', quantity: 1 },
      { sku: 'SFP-10', quantity: 3 },
      { sku: 'SFP-3', quantity: 1 },
      { sku: 'SFP-2', quantity: 2 },
    ]);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { lines: Line[]; subtotal: unknown; pricedLines: number; problemLines: number };
    const [unknown, rules, unpriced, fine] = body.lines;
    expect(unknown).toMatchObject({ variantId: null, unitPrice: null, problems: [{ code: 'SKU_UNKNOWN', field: 'lines[0].sku' }] });
    expect(rules!.problems.map((p) => [p.code, p.field])).toEqual([['QUANTITY_BELOW_MIN', 'lines[1].quantity'], ['QUANTITY_NOT_INCREMENT', 'lines[1].quantity']]);
    expect(rules!.problems[0]!.message).toBe('Order at least 5');
    expect(unpriced).toMatchObject({ productName: 'Pricing Unlisted', unitPrice: null, problems: [{ code: 'PRICE_UNAVAILABLE', field: 'lines[2].sku' }] });
    expect(fine!.problems).toEqual([]);
    // The line with a quantity problem is still priced; the subtotal is the priced lines'.
    expect(body.subtotal).toEqual(pkr(3 * 50_000 + 2 * 10_000));
    expect([body.pricedLines, body.problemLines]).toEqual([2, 3]);
  });

  it('answers a product hidden by the company catalogs exactly like an unknown SKU', async () => {
    const hide = await s.call(s.admin, 'POST', '/api/admin/shared-catalogs', {
      name: unique('No bolts for builders'), status: 'active',
      rules: [{ effect: 'exclude', kind: 'product', value: s.bolts.id }],
      assignments: [{ type: 'company', companyId: s.builder.company.id, includeDescendants: false }],
    });
    expect(hide.statusCode, hide.body).toBe(201);
    const hidden = (await preview(s.builder, [{ sku: 'SFP-10', quantity: 5 }])).json() as { lines: Line[] };
    const unknown = (await preview(s.builder, [{ sku: 'SFP-99', quantity: 5 }])).json() as { lines: Line[] };
    const strip = (l: Line) => ({ ...l, sku: '' });
    expect(strip(hidden.lines[0]!)).toEqual({ ...strip(unknown.lines[0]!), problems: [{ code: 'SKU_UNKNOWN', field: 'lines[0].sku', message: 'No item has SKU SFP-10' }] });
    // Another company still buys it.
    const other = (await preview(s.outsider, [{ sku: 'SFP-10', quantity: 5 }])).json() as { lines: Line[] };
    expect(other.lines[0]).toMatchObject({ unitPrice: pkr(50_000), problems: [] });
  });

  it('is for signed-in buyers, and bounds the request', async () => {
    expect((await preview(null, [{ sku: 'SFP-1', quantity: 1 }])).statusCode).toBe(401);
    // A staff session is not a store session: the store surface does not see it.
    expect((await preview(s.admin, [{ sku: 'SFP-1', quantity: 1 }])).statusCode).toBe(401);
    expect((await preview(s.builder, [])).statusCode).toBe(400);
    expect((await preview(s.builder, [{ sku: 'SFP-1', quantity: 0 }])).statusCode).toBe(400);
    const many = Array.from({ length: 501 }, () => ({ sku: 'SFP-1', quantity: 1 }));
    expect((await preview(s.builder, many)).statusCode).toBe(400);
    const max = (await preview(s.builder, many.slice(0, 500))).json() as { subtotal: unknown };
    expect(max.subtotal).toEqual(pkr(500 * 8_800));
  });
});
