import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/client.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { checkoutPolicy, reserveCredit } from '../../src/modules/credit/index.ts';
import { shippingOptions } from '../../src/modules/shipping/index.ts';
import { taxFor } from '../../src/modules/tax/index.ts';
import { generateCreditAccounts, seedCheckoutSettings } from '../../src/seed/demo-checkout-settings.ts';
import { DEMO_COMPANIES } from '../../src/seed/demo.ts';
import { generateDataset } from '../../src/seed/generate.ts';
import { createRng } from '../../src/seed/prng.ts';
import { createTestDatabase } from '../harness.ts';
import { makeCompany } from '../helpers/auth.ts';

const small = generateDataset('small');

describe('demo checkout settings', () => {
  it('gives every company a credit account in its currency, the same for the same seed', () => {
    const a = generateCreditAccounts(createRng('x').fork('credit'), small.companies);
    expect(a).toHaveLength(small.companies.length);
    expect(generateCreditAccounts(createRng('x').fork('credit'), small.companies)).toEqual(a);
    const byId = new Map(small.companies.map((c) => [c.id, c]));
    for (const row of a) {
      expect(row.currency).toBe(byId.get(row.companyId)?.currency);
      expect(row.paymentTerms === null).toBe(row.creditLimit === null);
    }
    const terms = new Set(a.map((r) => r.paymentTerms));
    for (const t of ['net30', 'net60', 'eom', 'due_on_receipt']) expect(terms.has(t as never)).toBe(true);
    expect(new Set(a.map((r) => r.overLimitAction))).toEqual(new Set(['block', 'hold']));
  });

  describe('loaded', () => {
    let database: Database;
    let drop: () => Promise<void>;
    const ctx = () => systemCtx(database.db);
    const ids: Record<string, string> = {};
    beforeAll(async () => {
      ({ database, drop } = await createTestDatabase());
      const picked = [];
      for (const key of ['karachi', 'lahore', 'gulf'] as const) {
        const spec = small.companies.find((c) => c.legalName === DEMO_COMPANIES[key].legalName);
        if (!spec) throw new Error(`demo company ${key} missing`);
        const created = await makeCompany({ database }, { legalName: spec.legalName, country: spec.country, currency: spec.currency });
        ids[key] = created.id;
        picked.push({ ...spec, id: created.id });
      }
      expect(await seedCheckoutSettings(database, picked, 'precis-demo')).toMatchObject({ creditAccounts: 3 });
    });
    afterAll(async () => drop());

    it('tells the demo story: Karachi on Net 30 with PO and hold, Lahore blocked past a low limit', async () => {
      expect(await checkoutPolicy(ctx(), ids.karachi ?? '')).toMatchObject({ paymentTerms: { code: 'net30' }, onAccount: true, overLimitAction: 'hold', poRequired: true, currency: 'PKR' });
      expect(await checkoutPolicy(ctx(), ids.lahore ?? '')).toMatchObject({ paymentTerms: { code: 'eom' }, overLimitAction: 'block', creditLimit: 15_000_000, allowNewShipTo: false });
      expect(await reserveCredit(ctx(), { companyId: ids.lahore ?? '', amount: 15_000_001, currency: 'PKR', ref: { kind: 'order', id: 'ord_demo' } })).toEqual({ ok: false, available: 15_000_000 });
      expect(await checkoutPolicy(ctx(), ids.gulf ?? '')).toMatchObject({ currency: 'AED', overLimitAction: 'block' });
    });

    it('charges the real rates and offers shipping in the local currency', async () => {
      const line = (amount: number) => [{ key: 'a', taxClass: 'standard', amount }];
      const pk = await taxFor(ctx(), { companyId: ids.karachi ?? '', shipTo: { country: 'PK', region: 'Sindh' }, currency: 'PKR', lines: line(100_000), shipping: 0 });
      expect(pk.lines.get('a')).toEqual({ rateBp: 1800, amount: 18_000, label: 'GST 18%' });
      const ae = await taxFor(ctx(), { companyId: ids.gulf ?? '', shipTo: { country: 'AE' }, currency: 'AED', lines: line(100_000), shipping: 0 });
      expect(ae.lines.get('a')?.label).toBe('VAT 5%');
      const options = await shippingOptions(ctx(), { companyId: ids.karachi ?? '', shipTo: { country: 'PK', region: 'Sindh' }, currency: 'PKR', weightGrams: 3_000, subtotal: 1_000_000 });
      expect(options.map((o) => [o.carrier, o.currency])).toEqual([
        ['TCS', 'PKR'],
        ['Leopards Courier', 'PKR'],
        ['Bykea', 'PKR'],
      ]);
      const heavy = await shippingOptions(ctx(), { companyId: ids.karachi ?? '', shipTo: { country: 'PK', region: 'Punjab' }, currency: 'PKR', weightGrams: 2_000_000, subtotal: 30_000_000 });
      expect(heavy).toMatchObject([{ carrier: 'TCS', amount: 0, free: true }]);
    });
  });
});
