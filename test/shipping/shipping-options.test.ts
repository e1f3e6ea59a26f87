import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { createShippingMethod, shippingOptions, shippingQuote, updateShippingMethod } from '../../src/modules/shipping/index.ts';
import { createTestDatabase } from '../harness.ts';

describe('shipping options and quotes', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const ctx = () => systemCtx(database.db);
  // A database per attempt: the options list every active method, so a retry on the first
  // attempt's methods would offer each one twice.
  beforeEach(async () => {
    ({ database, drop } = await createTestDatabase());
  });
  afterEach(async () => drop());

  it('offers methods by zone, currency and weight, cheapest first, free above the threshold', async () => {
    const standard = await createShippingMethod(ctx(), {
      name: 'Standard',
      carrier: 'TCS',
      currency: 'PKR',
      freeThreshold: 5_000_000,
      estimatedDays: { min: 2, max: 4 },
      zones: [{ country: 'PK', region: '' }],
      bands: [
        { maxGrams: 10_000, amount: 60_000 },
        { maxGrams: 1_000, amount: 25_000 },
      ],
    });
    const sindhExpress = await createShippingMethod(ctx(), {
      name: 'Karachi same-day',
      carrier: 'Bykea',
      currency: 'PKR',
      estimatedDays: { min: 0, max: 1 },
      zones: [{ country: 'PK', region: 'Sindh' }],
      bands: [{ maxGrams: 5_000, amount: 90_000 }],
    });
    await createShippingMethod(ctx(), { name: 'Dubai', carrier: 'Aramex', currency: 'AED', estimatedDays: { min: 1, max: 2 }, zones: [{ country: 'AE', region: '' }], bands: [{ maxGrams: 30_000, amount: 2_500 }] });
    expect(standard.bands.map((b) => b.maxGrams)).toEqual([1_000, 10_000]);

    const base = { companyId: 'cmp_x', currency: 'PKR', weightGrams: 800, subtotal: 100_000 };
    const sindh = await shippingOptions(ctx(), { ...base, shipTo: { country: 'PK', region: 'sindh' } });
    expect(sindh.map((o) => [o.name, o.amount, o.free])).toEqual([
      ['Standard', 25_000, false],
      ['Karachi same-day', 90_000, false],
    ]);
    expect(sindh[0]).toEqual({ id: standard.id, name: 'Standard', carrier: 'TCS', amount: 25_000, currency: 'PKR', free: false, estimatedDays: { min: 2, max: 4 } });
    expect((await shippingOptions(ctx(), { ...base, shipTo: { country: 'PK', region: 'Punjab' } })).map((o) => o.name)).toEqual(['Standard']);
    expect(await shippingOptions(ctx(), { ...base, currency: 'USD', shipTo: { country: 'PK' } })).toEqual([]);
    expect((await shippingOptions(ctx(), { ...base, weightGrams: 8_000, shipTo: { country: 'PK', region: 'Sindh' } })).map((o) => [o.name, o.amount])).toEqual([['Standard', 60_000]]);
    expect((await shippingOptions(ctx(), { ...base, subtotal: 5_000_000, shipTo: { country: 'PK' } }))[0]).toMatchObject({ amount: 0, free: true });

    await expect(shippingQuote(ctx(), sindhExpress.id, { ...base, shipTo: { country: 'PK', region: 'Punjab' } })).rejects.toMatchObject({ code: 'SHIPPING_METHOD_UNAVAILABLE', field: 'shippingMethodId' });
    await expect(shippingQuote(ctx(), 'shm_nope', { ...base, shipTo: { country: 'PK' } })).rejects.toMatchObject({ code: 'SHIPPING_METHOD_UNAVAILABLE' });
    expect(await shippingQuote(ctx(), sindhExpress.id, { ...base, shipTo: { country: 'PK', region: 'Sindh' } })).toMatchObject({ amount: 90_000 });

    await updateShippingMethod(ctx(), sindhExpress.id, { active: false });
    await expect(shippingQuote(ctx(), sindhExpress.id, { ...base, shipTo: { country: 'PK', region: 'Sindh' } })).rejects.toMatchObject({ code: 'SHIPPING_METHOD_UNAVAILABLE' });
  });
});
