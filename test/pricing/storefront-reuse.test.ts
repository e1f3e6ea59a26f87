import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.ts';
import { priceCacheFor, storePricer } from '../../src/modules/pricing/index.ts';
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

  it('never keeps an index whose load overlapped a pricing write (the write shows on the next request)', async () => {
    // A handle of its own (so a cache of its own) whose next raw query, once armed, is followed by a
    // committed contract change and the invalidation its notification brings — while the index loads.
    let onNextQuery: (() => Promise<void>) | null = null;
    const db: Db = new Proxy(t.database.db, {
      get(target, prop, receiver) {
        const value: unknown = Reflect.get(target, prop, receiver);
        if (prop !== 'execute' || typeof value !== 'function') return value;
        return async (...args: unknown[]) => {
          const result: unknown = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          const hook = onNextQuery;
          onNextQuery = null;
          if (hook) await hook();
          return result;
        };
      },
    });
    const ctx = { ...buyerCtx(t, s.builder.user.id, s.builder.company.id), db };
    const price = async (ids: string[], variantId: string) => {
      const r = (await storePricer(ctx, ids, 'lowest')).resolve(variantId, 1);
      return r?.resolution.priced ? r.resolution.unitPrice : null;
    };
    expect(await price([sfp1], sfp1)).toBe(8_800); // warms the company's context and contracts
    onNextQuery = async () => {
      await t.database.query(`update contract_prices set unit_price = 6000 where company_id = $1 and reference = 'C-9'`, [s.builder.company.id]);
      priceCacheFor(db).invalidate();
    };
    expect(await price([sfp1, sfp2], sfp2)).toBe(10_000); // read before the write: fine for this answer
    expect(await price([sfp2], sfp2)).toBe(6_000); // but not kept for the next one
    await t.database.query(`update contract_prices set unit_price = 10000 where company_id = $1 and reference = 'C-9'`, [s.builder.company.id]);
    priceCacheFor(t.database.db).invalidate(); // not waiting for the notification to reach the shared cache
  });

  it('prices variants the reused index was not built for', async () => {
    const now = new Date();
    expect(await priceAt(now, [sfp1], sfp1)).toBe(8_800);
    expect(await priceAt(now, [sfp1, sfp2], sfp2)).toBe(10_000); // the builder's contract price
  });
});
