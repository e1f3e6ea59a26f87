import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { makeBuyer, loginBuyer, makeCompany } from '../helpers/auth.ts';
import { cards, pricedStore, variants } from './storefront-fixture.ts';

const pkr = (amount: number) => ({ amount, currency: 'PKR' });

describe('buyer prices in the storefront', () => {
  let t: TestApp;
  let s: Awaited<ReturnType<typeof pricedStore>>;
  beforeAll(async () => {
    t = await createTestApp();
    s = await pricedStore(t);
  });
  afterAll(async () => t.close());

  it('shows a group buyer the lowest variant price on the card, with the saving against the base list', async () => {
    const card = (await cards(t, s.builder, 'Pricing Hammer')).get('Pricing Hammer')!;
    expect(card.price).toMatchObject({ unitPrice: pkr(8_800), basePrice: pkr(10_000), saving: { amount: pkr(1_200), percent: 12 }, kind: 'list', label: 'Your price' });
    expect(card.priceVaries).toBe(true);
  });

  it('prices each variant on the product page: the tier table, and the contract price over the group list', async () => {
    const v = await variants(t, s.builder, s.hammer.slug);
    expect(v.get('SFP-1')!.price!.tiers).toEqual([{ minQty: 1, unitPrice: pkr(8_800) }, { minQty: 100, unitPrice: pkr(7_920) }]);
    expect(v.get('SFP-2')!.price).toMatchObject({
      unitPrice: pkr(10_000), kind: 'contract', contractRef: 'C-9', label: 'Your contract price (ref C-9)', basePrice: pkr(12_000), saving: { amount: pkr(2_000), percent: 16.7 },
    });
  });

  it('never shows one company the contract or group prices of another', async () => {
    const v = await variants(t, s.outsider, s.hammer.slug);
    expect(v.get('SFP-2')!.price).toMatchObject({ unitPrice: pkr(12_000), kind: 'base', contractRef: null, saving: null });
    expect(v.get('SFP-1')!.price!.unitPrice).toEqual(pkr(10_000));
    const card = (await cards(t, s.outsider, 'Pricing Hammer')).get('Pricing Hammer')!;
    expect(card.price!.unitPrice).toEqual(pkr(10_000));
  });

  it('shows anonymous visitors and staff the base list price', async () => {
    for (const who of [null, s.admin]) {
      const v = await variants(t, who, s.hammer.slug);
      expect(v.get('SFP-1')!.price).toMatchObject({ unitPrice: pkr(10_000), kind: 'base', label: 'List price', saving: null, basePrice: pkr(10_000) });
      expect(v.get('SFP-2')!.price!.unitPrice).toEqual(pkr(12_000));
    }
    const card = (await cards(t, null, 'Pricing Hammer')).get('Pricing Hammer')!;
    expect(card.price!.unitPrice).toEqual(pkr(10_000));
  });

  it('prices at the minimum order quantity and states the quantity rules; a tier reached there is a volume price', async () => {
    const v = await variants(t, s.builder, s.bolts.slug);
    expect(v.get('SFP-10')!.price).toMatchObject({ quantity: 5, unitPrice: pkr(50_000), quantityRules: { min: 5, max: null, increment: 5 } });
    expect(v.get('SFP-11')!.price).toMatchObject({ quantity: 100, unitPrice: pkr(900), kind: 'volume', tierMinQty: 100, label: 'Volume price from 100', saving: null });
  });

  it("prices a subsidiary from its parent's inherited list, and from a derived list (percent off base, rounded)", async () => {
    const parent = await makeCompany(t, { industry: 'retail' });
    const child = await makeCompany(t, { parentId: parent.id, industry: 'retail' });
    await s.list({ name: 'HQ deal', targets: [{ type: 'company', companyId: parent.id, includeDescendants: true }] }, [{ sku: 'SFP-2', unitPrice: 11_000 }]);
    await s.list({
      name: 'Ten off', kind: 'derived', targets: [{ type: 'company', companyId: child.id, includeDescendants: false }],
      derived: { baseListId: s.baseId, adjustment: { type: 'percent', value: 10 }, rounding: { type: 'nearest', step: 100 } },
    }, []);
    const { email } = await makeBuyer(t, { companyId: child.id });
    const buyer = await loginBuyer(t.app, email);
    const v = await variants(t, buyer, s.hammer.slug);
    expect(v.get('SFP-2')!.price).toMatchObject({ unitPrice: pkr(10_800), kind: 'list', saving: { amount: pkr(1_200), percent: 10 } });
    expect(v.get('SFP-1')!.price!.tiers).toEqual([{ minQty: 1, unitPrice: pkr(9_000) }, { minQty: 100, unitPrice: pkr(8_100) }]);
  });

  it('leaves unpriced variants and products without a price', async () => {
    expect((await cards(t, s.builder, 'Pricing Unlisted')).get('Pricing Unlisted')!.price).toBeNull();
    expect((await variants(t, s.builder, s.unlisted.slug)).get('SFP-3')!.price).toBeNull();
  });
});
