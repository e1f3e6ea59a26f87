import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, staffSession, type SignedIn } from '../helpers/auth.ts';

describe('tax settings over HTTP', () => {
  let t: TestApp;
  let admin: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    admin = await staffSession(t, 'admin');
  });
  afterAll(async () => t.close());

  it('creates, lists by country, edits and deletes rates; overlapping rates are a conflict', async () => {
    const create = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/admin/tax-rates', headers: admin.headers, payload });
    // This test owns Germany's and Britain's rates: a retry starts, like the first attempt, from none.
    await t.database.query("delete from tax_rates where country in ('DE', 'GB')");
    const de = await create({ country: 'de', taxClass: 'standard', rateBp: 1900, label: 'VAT 19%' });
    expect(de.statusCode).toBe(201);
    expect(de.json()).toMatchObject({ country: 'DE', region: null, taxClass: 'standard', rateBp: 1900, label: 'VAT 19%', validFrom: null, validTo: null });
    expect((await create({ country: 'DE', taxClass: 'reduced', rateBp: 700, label: 'VAT 7%' })).statusCode).toBe(201);
    expect((await create({ country: 'GB', taxClass: 'standard', rateBp: 2000, label: 'VAT 20%' })).statusCode).toBe(201);
    const clash = await create({ country: 'DE', taxClass: 'standard', rateBp: 1600, label: 'VAT 16%' });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'TAX_RATE_CONFLICT', field: 'taxClass' });
    expect((await create({ country: 'DE', taxClass: 'standard', rateBp: 20_000, label: 'x' })).statusCode).toBe(400);

    const list = await t.app.inject({ url: '/api/admin/tax-rates?country=DE', headers: admin.headers });
    expect(list.json().items.map((r: { label: string }) => r.label).sort()).toEqual(['VAT 19%', 'VAT 7%']);

    const id = de.json().id as string;
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/admin/tax-rates/${id}`, headers: admin.headers, payload: { rateBp: 1600, label: 'VAT 16%', validTo: '2027-01-01' } });
    expect(patched.json()).toMatchObject({ rateBp: 1600, label: 'VAT 16%', validTo: '2027-01-01T00:00:00.000Z' });
    // The next window starts where the first ends: no overlap.
    expect((await create({ country: 'DE', taxClass: 'standard', rateBp: 1900, label: 'VAT 19%', validFrom: '2027-01-01' })).statusCode).toBe(201);

    expect((await t.app.inject({ method: 'DELETE', url: `/api/admin/tax-rates/${id}`, headers: admin.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/admin/tax-rates/${id}`, headers: admin.headers })).statusCode).toBe(404);
  });

  it("records a company's exemption certificate next to its VAT id; only settings:write may change it", async () => {
    const buyer = await buyerSession(t, { company: { taxId: 'DE123456789' } });
    const url = `/api/admin/companies/${buyer.company.id}/tax-exemption`;
    const sales = await staffSession(t, 'sales_rep');
    expect((await t.app.inject({ method: 'PUT', url, headers: sales.headers, payload: { certificateNumber: 'X', expiresOn: '2030-01-01' } })).statusCode).toBe(403);
    const put = await t.app.inject({ method: 'PUT', url, headers: admin.headers, payload: { certificateNumber: 'EX-77', expiresOn: '2030-12-31' } });
    expect(put.json()).toEqual({ companyId: buyer.company.id, vatId: 'DE123456789', exemption: { certificateNumber: 'EX-77', expiresOn: '2030-12-31', valid: true } });
    const expired = await t.app.inject({ method: 'PUT', url, headers: admin.headers, payload: { certificateNumber: 'EX-77', expiresOn: '2020-01-31' } });
    expect(expired.json().exemption).toMatchObject({ valid: false });
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/admin/companies/${buyer.company.id}/tax`, headers: sales.headers })).json()).toMatchObject({ exemption: null });
    expect((await t.app.inject({ method: 'DELETE', url, headers: admin.headers })).statusCode).toBe(404);
  });
});
