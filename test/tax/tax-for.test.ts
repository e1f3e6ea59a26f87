import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import type { Ctx } from '../../src/http/context.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { createTaxRate, setTaxExemption, taxFor, updateTaxRate } from '../../src/modules/tax/index.ts';
import { createTestDatabase } from '../harness.ts';
import { makeCompany } from '../helpers/auth.ts';

describe('taxFor', () => {
  let database: Database;
  let drop: () => Promise<void>;
  const at = (iso: string): Ctx => systemCtx(database.db, { clock: { now: () => new Date(iso) } });
  const ctx = () => at('2026-06-15T12:00:00Z');
  beforeAll(async () => {
    ({ database, drop } = await createTestDatabase());
    await createTaxRate(ctx(), { country: 'CA', taxClass: 'standard', rateBp: 500, label: 'GST 5%' });
    await createTaxRate(ctx(), { country: 'CA', region: 'QC', taxClass: 'standard', rateBp: 1498, label: 'GST+QST 14.975%' });
    await createTaxRate(ctx(), { country: 'CA', taxClass: 'zero', rateBp: 0, label: 'Zero-rated' });
  });
  afterAll(async () => drop());

  it('taxes each line by region and class, falls back to standard, and taxes shipping at standard', async () => {
    const c = await makeCompany({ database }, { country: 'CA', currency: 'CAD' });
    const r = await taxFor(ctx(), {
      companyId: c.id,
      shipTo: { country: 'ca', region: 'qc' },
      currency: 'CAD',
      lines: [
        { key: 'l1', taxClass: 'standard', amount: 10_000 },
        { key: 'l2', taxClass: 'zero', amount: 5_000 },
        { key: 'l3', taxClass: 'books', amount: 2_000 },
      ],
      shipping: 1_000,
    });
    expect(Object.fromEntries(r.lines)).toEqual({
      l1: { rateBp: 1498, amount: 1_498, label: 'GST+QST 14.975%' },
      l2: { rateBp: 0, amount: 0, label: 'Zero-rated' },
      l3: { rateBp: 1498, amount: 300, label: 'GST+QST 14.975%' }, // 299.6 → 300
    });
    expect(r.shippingTax).toBe(150); // 149.8 → 150
    expect(r).toMatchObject({ total: 1_948, exempt: false });
    const ontario = await taxFor(ctx(), { companyId: c.id, shipTo: { country: 'CA', region: 'ON' }, currency: 'CAD', lines: [{ key: 'a', taxClass: 'standard', amount: 10_000 }], shipping: 0 });
    expect(ontario.lines.get('a')).toEqual({ rateBp: 500, amount: 500, label: 'GST 5%' });
  });

  it('exempts a company while its certificate is valid, through the expiry day', async () => {
    const c = await makeCompany({ database }, { country: 'CA', currency: 'CAD' });
    await setTaxExemption(ctx(), c.id, { certificateNumber: 'EX-2026-001', expiresOn: '2026-06-30' });
    const input = { companyId: c.id, shipTo: { country: 'CA' }, currency: 'CAD', lines: [{ key: 'a', taxClass: 'standard', amount: 10_000 }], shipping: 500 };
    const during = await taxFor(at('2026-06-30T23:59:00Z'), input);
    expect(during).toMatchObject({ total: 0, shippingTax: 0, exempt: true, exemptReason: 'Tax-exempt: certificate EX-2026-001, valid until 2026-06-30' });
    expect(during.lines.get('a')).toEqual({ rateBp: 500, amount: 0, label: 'GST 5%' });
    const after = await taxFor(at('2026-07-01T00:00:00Z'), input);
    expect(after).toMatchObject({ total: 525, exempt: false });
    expect(after.exemptReason).toBeUndefined();
  });

  it('refuses overlapping rates and reads the rate valid at the moment', async () => {
    await expect(createTaxRate(ctx(), { country: 'CA', taxClass: 'standard', rateBp: 600, label: 'GST 6%' })).rejects.toMatchObject({ code: 'TAX_RATE_CONFLICT' });
    // This test owns New Zealand's rates: a retry starts, like the first attempt, from none.
    await database.query("delete from tax_rates where country = 'NZ'");
    const old = await createTaxRate(ctx(), { country: 'NZ', taxClass: 'standard', rateBp: 1250, label: 'GST 12.5%', validTo: '2026-07-01T00:00:00Z' });
    await createTaxRate(ctx(), { country: 'NZ', taxClass: 'standard', rateBp: 1500, label: 'GST 15%', validFrom: '2026-07-01T00:00:00Z' });
    await expect(updateTaxRate(ctx(), old.id, { validTo: '2026-08-01T00:00:00Z' })).rejects.toMatchObject({ code: 'TAX_RATE_CONFLICT' });
    const input = { companyId: 'cmp_none', shipTo: { country: 'NZ' }, currency: 'NZD', lines: [{ key: 'a', taxClass: 'standard', amount: 1_000 }], shipping: 0 };
    expect((await taxFor(at('2026-06-30T00:00:00Z'), input)).total).toBe(125);
    expect((await taxFor(at('2026-07-02T00:00:00Z'), input)).total).toBe(150);
    expect((await taxFor(ctx(), { ...input, shipTo: { country: 'FR' } })).lines.get('a')).toEqual({ rateBp: 0, amount: 0, label: 'No tax' });
  });
});
