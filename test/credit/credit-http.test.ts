import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { reserveCredit } from '../../src/modules/credit/index.ts';
import { addStaticMember, createGroup } from '../../src/modules/segments/index.ts';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, staffSession, type SignedIn } from '../helpers/auth.ts';

describe('terms & credit over HTTP', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, 'admin');
  });
  afterAll(async () => t.close());

  it('lets the credit controller set terms and a limit, and shows exposure and the ledger', async () => {
    const buyer = await buyerSession(t, { company: { currency: 'AED', country: 'AE' } });
    const url = `/api/admin/companies/${buyer.company.id}/credit`;
    const before = await t.app.inject({ url, headers: admin.headers });
    expect(before.json()).toMatchObject({ hasAccount: false, onAccount: false, creditLimit: null, currency: 'AED', termsSource: 'none' });

    const controller = await staffSession(t, 'credit_controller');
    const put = await t.app.inject({ method: 'PUT', url, headers: controller.headers, payload: { paymentTerms: 'net30', creditLimit: 500_000, overLimitAction: 'hold', poRequired: true, allowNewShipTo: false } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ hasAccount: true, onAccount: true, paymentTerms: 'net30', effectiveTerms: { code: 'net30', label: 'Net 30' }, termsSource: 'company', creditLimit: 500_000, exposure: 0, available: 500_000, overLimitAction: 'hold', poRequired: true, allowNewShipTo: false });

    await reserveCredit(systemCtx(t.database.db), { companyId: buyer.company.id, amount: 120_000, currency: 'AED', ref: { kind: 'order', id: 'ord_demo' } });
    expect((await t.app.inject({ url, headers: admin.headers })).json()).toMatchObject({ exposure: 120_000, available: 380_000 });
    const ledger = await t.app.inject({ url: `${url}/ledger`, headers: admin.headers });
    expect(ledger.json()).toMatchObject({ items: [{ refKind: 'order', refId: 'ord_demo', amount: 120_000, exposureAfter: 120_000, actorKind: 'system' }], nextCursor: null });

    const store = await t.app.inject({ url: '/api/store/credit', headers: buyer.headers });
    expect(store.json()).toEqual({
      onAccount: true,
      paymentTerms: { code: 'net30', label: 'Net 30' },
      limit: { amount: 500_000, currency: 'AED' },
      used: { amount: 120_000, currency: 'AED' },
      available: { amount: 380_000, currency: 'AED' },
      poRequired: true,
      overLimitAction: 'hold',
    });
  });

  it('refuses staff without credit:write and bad input, and answers 404 for unknown companies', async () => {
    const buyer = await buyerSession(t);
    const pricing = await staffSession(t, 'pricing_manager');
    const url = `/api/admin/companies/${buyer.company.id}/credit`;
    expect((await t.app.inject({ method: 'PUT', url, headers: pricing.headers, payload: { creditLimit: 1 } })).statusCode).toBe(403);
    const bad = await t.app.inject({ method: 'PUT', url, headers: admin.headers, payload: { paymentTerms: 'net45' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect((await t.app.inject({ url: '/api/admin/companies/cmp_00000000000000000000000000/credit', headers: admin.headers })).statusCode).toBe(404);
    expect((await t.app.inject({ url: '/api/store/credit', headers: admin.headers })).statusCode).toBe(401);
  });

  it('shows terms inherited from a customer group, and the store summary of a company without an account', async () => {
    const buyer = await buyerSession(t);
    const group = await createGroup(systemCtx(t.database.db), { name: `Trade ${buyer.company.id}` });
    await addStaticMember(systemCtx(t.database.db), group.id, buyer.company.id);
    const set = await t.app.inject({ method: 'PUT', url: `/api/admin/customer-groups/${group.id}/payment-terms`, headers: admin.headers, payload: { paymentTerms: 'eom', priority: 3 } });
    expect(set.json()).toEqual({ groupId: group.id, paymentTerms: 'eom', priority: 3 });
    const view = await t.app.inject({ url: `/api/admin/companies/${buyer.company.id}/credit`, headers: admin.headers });
    expect(view.json()).toMatchObject({ termsSource: 'group', termsGroupId: group.id, effectiveTerms: { code: 'eom' }, onAccount: false });
    const store = await t.app.inject({ url: '/api/store/credit', headers: buyer.headers });
    expect(store.json()).toEqual({ onAccount: false, paymentTerms: { code: 'eom', label: 'End of month following' }, limit: null, used: { amount: 0, currency: 'PKR' }, available: null, poRequired: false, overLimitAction: 'block' });
  });
});
