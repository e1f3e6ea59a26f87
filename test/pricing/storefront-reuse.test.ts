import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storePricer } from '../../src/modules/pricing/index.ts';
import { buyerCtx } from '../carts/fixture.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { pricedStore } from './storefront-fixture.ts';

/**
 * The pricer reuses the index it built for a company's variants while they are asked again (a cart
 * re-validated on each change). Reuse must never outlive what the index was built from.
 */
describe('storefront pricer reuse', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof pricedStore>>;
  let sfp1: string;
  let sfp2: string;
  beforeAll(async () => {
    t = await createTestApp();
    s = await pricedStore(t);
    const product = await s.ok('GET', `/api/admin/products/${s.hammer.id}`);
    const bySku = new Map((product.variants as { id: string; sku: string }[]).map((v) => [v.sku, v.id]));
    [sfp1, sfp2] = [bySku.get('SFP-1')!, bySku.get('SFP-2')!];
  });
  afterAll(async () => t.close());

  const priceAt = async (at: Date, ids: string[], variantId: string) => {
    const ctx = { ...buyerCtx(t, s.builder.user.id, s.builder.company.id), clock: { now: () => at } };
    const r = (await storePricer(ctx, ids, 'lowest')).resolve(variantId, 1);
    return r?.resolution.priced ? r.resolution.unitPrice : null;
  };

  it('prices with a list the moment it becomes valid, though an index built before it is reused', async () => {
    const now = new Date();
    const soon = new Date(now.getTime() + 60 * 60_000);
    await s.list({ name: 'From the next hour', validFrom: soon.toISOString(), targets: [{ type: 'company', companyId: s.builder.company.id, includeDescendants: false }] }, [
      { sku: 'SFP-1', unitPrice: 7_000 },
    ]);
    expect(await priceAt(now, [sfp1, sfp2], sfp1)).toBe(8_800); // the builders' group price
    expect(await priceAt(new Date(now.getTime() + 1_000), [sfp1], sfp1)).toBe(8_800); // reused for a subset
    expect(await priceAt(new Date(soon.getTime() + 1_000), [sfp1, sfp2], sfp1)).toBe(7_000);
  });

  it('prices variants the reused index was not built for', async () => {
    const now = new Date();
    expect(await priceAt(now, [sfp1], sfp1)).toBe(8_800);
    expect(await priceAt(now, [sfp1, sfp2], sfp2)).toBe(10_000); // the builder's contract price
  });
});
