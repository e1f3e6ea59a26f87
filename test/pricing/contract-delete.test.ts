import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';

describe('admin: deleting a contract price', () => {
  let t: TestApp;
  let pricer: SignedIn;
  let support: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    pricer = await staffSession(t, 'pricing_manager');
    support = await staffSession(t, 'support');
    const admin = await staffSession(t, 'admin');
    const res = await t.app.inject({
      method: 'POST', url: '/api/admin/products', headers: admin.headers,
      payload: { name: 'Contract Test Drill', status: 'active', variants: [{ sku: 'CDEL-1' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    const base = await t.app.inject({ method: 'POST', url: '/api/admin/price-lists', headers: pricer.headers, payload: { name: 'Base', currency: 'PKR', status: 'active', kind: 'base' } });
    expect(base.statusCode, base.body).toBe(201);
    const put = await t.app.inject({ method: 'PUT', url: `/api/admin/price-lists/${base.json().id}/entries`, headers: pricer.headers, payload: { items: [{ sku: 'CDEL-1', unitPrice: 50_000 }] } });
    expect(put.statusCode, put.body).toBe(200);
  });
  afterAll(async () => t.close());

  const contract = async (companyId: string, reference: string) => {
    const res = await t.app.inject({
      method: 'POST', url: `/api/admin/companies/${companyId}/contract-prices`, headers: pricer.headers,
      payload: { sku: 'CDEL-1', currency: 'PKR', unitPrice: 41_000, reference, validTo: '2999-01-01T00:00:00Z' },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string };
  };
  const del = (companyId: string, contractId: string, who: SignedIn = pricer) =>
    t.app.inject({ method: 'DELETE', url: `/api/admin/companies/${companyId}/contract-prices/${contractId}`, headers: who.headers });
  const price = async (companyId: string) =>
    (await t.app.inject({ method: 'GET', url: `/api/admin/pricing/resolve?companyId=${companyId}&sku=CDEL-1`, headers: pricer.headers })).json() as { unitPrice: number; source: { kind: string } };

  it('removes the contract: it leaves the list and the trace prices from the base list again', async () => {
    const company = await makeCompany(t);
    const c = await contract(company.id, 'K-2026-01');
    expect(await price(company.id)).toMatchObject({ unitPrice: 41_000, source: { kind: 'contract' } });
    expect((await del(company.id, c.id)).statusCode).toBe(204);
    const list = await t.app.inject({ method: 'GET', url: `/api/admin/companies/${company.id}/contract-prices`, headers: pricer.headers });
    expect(list.json().items).toEqual([]);
    expect(await price(company.id)).toMatchObject({ unitPrice: 50_000, source: { kind: 'base' } });
    expect((await del(company.id, c.id)).statusCode).toBe(404);
  });

  it("answers 404 for another company's contract, an unknown id or company, and leaves the contract in place", async () => {
    const owner = await makeCompany(t);
    const other = await makeCompany(t);
    const c = await contract(owner.id, 'K-2026-02');
    const foreign = await del(other.id, c.id);
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().code).toBe('NOT_FOUND');
    expect((await del(owner.id, 'cpr_01jd0000000000000000000000')).statusCode).toBe(404);
    expect((await del(owner.id, 'not-an-id')).statusCode).toBe(404);
    expect((await del('cmp_missing', c.id)).statusCode).toBe(404);
    expect(await price(owner.id)).toMatchObject({ unitPrice: 41_000, source: { kind: 'contract' } });
  });

  it('is refused to staff without pricing:write', async () => {
    const company = await makeCompany(t);
    const c = await contract(company.id, 'K-2026-03');
    expect((await del(company.id, c.id, support)).statusCode).toBe(403);
    expect(await price(company.id)).toMatchObject({ source: { kind: 'contract' } });
  });
});
