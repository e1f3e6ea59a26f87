import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSession, makeCompany, type SignedIn } from '../helpers/auth.ts';
import { metricsApp, type MetricsApp } from './metrics-fixture.ts';
import { unique } from '../helpers/unique.ts';

describe('order-history API and purchase metrics over HTTP', () => {
  let t: MetricsApp;
  let admin: SignedIn;
  let catalogManager: SignedIn;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    t = await metricsApp('2026-06-30T12:00:00Z');
    admin = await staffSession(t, 'admin');
    catalogManager = await staffSession(t, 'catalog_manager');
    for (const [name, scopes] of [
      ['erp', ['orders:write']],
      ['reader', ['catalog:read']],
    ] as const) {
      const res = await t.app.inject({ method: 'POST', url: '/api/admin/api-keys', headers: admin.headers, payload: { name, scopes } });
      expect(res.statusCode, res.body).toBe(201);
      keys[name] = res.json().key;
    }
  });
  afterAll(async () => t.close());

  it('an ERP with orders:write imports history; the company’s metrics follow; a key without the scope is refused', async () => {
    const c = await makeCompany(t, { legalName: 'ERP Customer' });
    const body = { source: 'sap', orders: [{ externalRef: unique('4500001'), companyId: c.id, orderedAt: '2026-06-10T08:00:00Z', currency: 'PKR', lines: [{ sku: 'HAM-100', quantity: 4, amount: 12_000_00 }] }] };
    const denied = await t.app.inject({ method: 'POST', url: '/api/integrations/order-history', headers: { authorization: `Bearer ${keys.reader}` }, payload: body });
    expect(denied.statusCode).toBe(403);
    expect(denied.json()).toMatchObject({ code: 'SCOPE_MISSING' });

    const res = await t.app.inject({ method: 'POST', url: '/api/integrations/order-history', headers: { authorization: `Bearer ${keys.erp}` }, payload: body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 0, failed: 0, errors: [], companies: 1, joined: 0, left: 0 });
    const again = await t.app.inject({ method: 'POST', url: '/api/integrations/order-history', headers: { authorization: `Bearer ${keys.erp}` }, payload: body });
    expect(again.json()).toMatchObject({ created: 0, updated: 1 });

    const m = await t.app.inject({ url: `/api/admin/companies/${c.id}/purchase-metrics`, headers: { cookie: admin.cookie } });
    expect(m.statusCode, m.body).toBe(200);
    expect(m.json()).toMatchObject({ companyId: c.id, spend_30d: { PKR: 12_000_00 }, order_count_lifetime: 1, brands_bought: ['acme'], asOf: '2026-06-30T12:00:00.000Z' });
    const missing = await t.app.inject({ url: '/api/admin/companies/cmp_doesnotexist/purchase-metrics', headers: { cookie: admin.cookie } });
    expect(missing.statusCode).toBe(404);
  });

  it('staff with orders:write upload a CSV; others are refused', async () => {
    const c = await makeCompany(t, { legalName: 'CSV Upload Co' });
    const run = unique('U'); // order refs are unique per source: a retry must not update the first attempt's
    const csv = `order_ref,company_id,ordered_at,currency,sku,quantity,amount\n${run}-1,${c.id},2026-06-01,PKR,SCR-001,1,250.00\n${run}-2,${c.id},2026-06-02,PKR,NOPE,1,1.00\n`;
    const refused = await t.app.inject({ method: 'POST', url: '/api/admin/order-history/import', headers: { ...catalogManager.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(refused.statusCode).toBe(403);
    const res = await t.app.inject({ method: 'POST', url: '/api/admin/order-history/import', headers: { ...admin.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ created: 1, updated: 0, failed: 1, errors: [{ row: 3, field: 'sku', message: 'No variant has SKU NOPE' }], companies: 1, joined: 0, left: 0 });
    const bad = await t.app.inject({ method: 'POST', url: '/api/admin/order-history/import', headers: { ...admin.headers, 'content-type': 'text/csv' }, payload: 'order_ref,when\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'CSV_INVALID', field: 'when' });
  });
});
