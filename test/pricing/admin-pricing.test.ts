import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { buyerSession, makeCompany, staffSession, type SignedIn } from '../helpers/auth.ts';
import { unique } from '../helpers/unique.ts';

type Method = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
interface Step { candidate: { kind: string; label: string; listId: string | null }; considered: boolean; won: boolean; reason: string; unitPrice?: number }
interface Res { priced: boolean; unitPrice: number; lineTotal: number; source: { kind: string; listId: string | null; contractRef?: string }; tier: { minQty: number } | null; trace: Step[]; tierTable: { minQty: number; unitPrice: number }[]; basePrice: number | null }

describe('admin pricing', () => {
  let t: TestApp;
  let pricer: SignedIn;
  let support: SignedIn;
  let buyer: SignedIn;
  beforeAll(async () => {
    t = await createTestApp();
    pricer = await staffSession(t, 'pricing_manager');
    support = await staffSession(t, 'support');
    buyer = await buyerSession(t);
    const admin = await staffSession(t, 'admin');
    const res = await t.app.inject({
      method: 'POST', url: '/api/admin/products', headers: admin.headers,
      payload: { name: 'Price Test Hammer', status: 'active', variants: [{ sku: 'PRI-1' }, { sku: 'PRI-2' }] },
    });
    expect(res.statusCode, res.body).toBe(201);
  });
  afterAll(async () => t.close());

  const call = (who: SignedIn, method: Method, url: string, payload?: unknown) =>
    t.app.inject({ method, url, headers: who.headers, ...(payload !== undefined ? { payload: payload as object } : {}) });
  const ok = async (method: Method, url: string, payload?: unknown, status = method === 'POST' ? 201 : 200) => {
    const res = await call(pricer, method, url, payload);
    expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
    return status === 204 ? null : res.json();
  };
  const resolve = async (q: Record<string, string | number>): Promise<Res> =>
    ok('GET', `/api/admin/pricing/resolve?${new URLSearchParams(Object.entries(q).map(([k, v]) => [k, String(v)])).toString()}`) as Promise<Res>;
  const list = async (body: Record<string, unknown>, entries: Record<string, unknown>[]): Promise<string> => {
    const l = await ok('POST', '/api/admin/price-lists', { currency: 'PKR', status: 'active', ...body });
    if (entries.length > 0) {
      const put = await ok('PUT', `/api/admin/price-lists/${l.id}/entries`, { items: entries });
      expect(put.failed, JSON.stringify(put.errors)).toBe(0);
    }
    return l.id as string;
  };

  let baseId: string;
  it('prices from a base list with volume tiers, and shows the tier table', async () => {
    baseId = await list({ name: 'Base PKR', kind: 'base' }, [{ sku: 'PRI-1', unitPrice: 10_000, tiers: [{ minQty: 10, unitPrice: 9_000 }, { minQty: 100, unitPrice: 8_000 }] }, { sku: 'pri-2', unitPrice: 500 }]);
    const company = await makeCompany(t);
    const r = await resolve({ companyId: company.id, sku: 'PRI-1', quantity: 12 });
    expect([r.priced, r.unitPrice, r.lineTotal, r.source.kind, r.tier]).toEqual([true, 9_000, 108_000, 'base', { minQty: 10 }]);
    expect(r.tierTable).toEqual([{ minQty: 1, unitPrice: 10_000 }, { minQty: 10, unitPrice: 9_000 }, { minQty: 100, unitPrice: 8_000 }]);
    const entries = await ok('GET', `/api/admin/price-lists/${baseId}/entries`);
    expect(entries.items.map((e: { sku: string }) => e.sku).sort()).toEqual(['PRI-1', 'PRI-2']);
  });

  it('chooses between base, company list and contract per strategy, with a trace; ignores expired contracts', async () => {
    const company = await makeCompany(t);
    const listId = await list({ name: 'Acme deal', priority: 5, targets: [{ type: 'company', companyId: company.id, includeDescendants: false }] }, [{ sku: 'PRI-1', unitPrice: 9_500 }]);
    await ok('POST', `/api/admin/companies/${company.id}/contract-prices`, { sku: 'PRI-1', currency: 'PKR', unitPrice: 9_700, reference: 'C-1', validTo: '2999-01-01T00:00:00Z' });
    await ok('POST', `/api/admin/companies/${company.id}/contract-prices`, { sku: 'PRI-1', currency: 'PKR', unitPrice: 1, reference: 'OLD', validTo: '2001-01-01T00:00:00Z' });
    const contracts = await ok('GET', `/api/admin/companies/${company.id}/contract-prices`);
    expect(contracts.items).toHaveLength(2);

    const lowest = await resolve({ companyId: company.id, sku: 'PRI-1', strategy: 'lowest' });
    expect([lowest.unitPrice, lowest.source]).toEqual([9_500, { kind: 'company', listId }]);
    expect(lowest.basePrice).toBe(10_000);
    const lost = lowest.trace.find((s) => s.candidate.kind === 'contract' && s.considered);
    expect(lost?.reason).toMatch(/lost to list Acme deal/);
    expect(lowest.trace.find((s) => s.reason.includes('contract OLD expired'))).toBeDefined();

    const priority = await resolve({ companyId: company.id, sku: 'PRI-1', strategy: 'priority' });
    expect([priority.unitPrice, priority.source.kind, priority.source.contractRef]).toEqual([9_700, 'contract', 'C-1']);
    expect(priority.trace.find((s) => s.won)?.reason).toMatch(/priority strategy/);
  });

  it('passes a company list down to descendants only when it includes them', async () => {
    const parent = await makeCompany(t);
    const child = await makeCompany(t, { parentId: parent.id });
    const grandchild = await makeCompany(t, { parentId: child.id });
    const inherited = await list({ name: 'Group HQ', targets: [{ type: 'company', companyId: parent.id, includeDescendants: true }] }, [{ sku: 'PRI-2', unitPrice: 400 }]);
    await list({ name: 'Child only', targets: [{ type: 'company', companyId: child.id, includeDescendants: false }] }, [{ sku: 'PRI-2', unitPrice: 300 }]);
    const r = await resolve({ companyId: grandchild.id, sku: 'PRI-2' });
    expect([r.unitPrice, r.source]).toEqual([400, { kind: 'inherited', listId: inherited }]);
    const c = await resolve({ companyId: child.id, sku: 'PRI-2' });
    expect(c.unitPrice).toBe(300);
  });

  it('prices a derived list from its base list entries (percent off, rounded), even with no own entries', async () => {
    const company = await makeCompany(t);
    const derived = await list({
      name: 'Ten off', kind: 'derived', targets: [{ type: 'company', companyId: company.id, includeDescendants: false }],
      derived: { baseListId: baseId, adjustment: { type: 'percent', value: 10 }, rounding: { type: 'nearest', step: 100 } },
    }, []);
    const r = await resolve({ companyId: company.id, sku: 'PRI-1', quantity: 100 });
    expect([r.unitPrice, r.source, r.tier, r.basePrice]).toEqual([7_200, { kind: 'company', listId: derived }, { minQty: 100 }, 8_000]);
    const loop = await call(pricer, 'PATCH', `/api/admin/price-lists/${derived}`, { derived: { baseListId: derived, adjustment: { type: 'percent', value: 5 }, rounding: { type: 'none' } } });
    expect(loop.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'derived.baseListId' });
    expect((await call(pricer, 'DELETE', `/api/admin/price-lists/${baseId}`)).statusCode).toBe(409);
  });

  it('applies group lists only for the groups passed in', async () => {
    const company = await makeCompany(t);
    await list({ name: 'Trade group', targets: [{ type: 'group', groupId: 'grp_trade' }] }, [{ sku: 'PRI-2', unitPrice: 450 }]);
    expect((await resolve({ companyId: company.id, sku: 'PRI-2' })).unitPrice).toBe(500);
    expect((await resolve({ companyId: company.id, sku: 'PRI-2', groupIds: 'grp_trade' })).unitPrice).toBe(450);
  });

  it('prices a company by the customer groups its rules put it in, without being told', async () => {
    const miner = await makeCompany(t, { industry: 'mining', country: 'PK' });
    const builder = await makeCompany(t, { industry: 'construction', country: 'PK' });
    const group = await ok('POST', '/api/admin/customer-groups', { name: unique('Mining, Pakistan'), rule: 'industry = "mining" and country = "PK"' });
    await list({ name: 'Mining group prices', targets: [{ type: 'group', groupId: group.id }] }, [{ sku: 'PRI-2', unitPrice: 430 }]);
    const priced = await resolve({ companyId: miner.id, sku: 'PRI-2' });
    expect(priced.unitPrice).toBe(430);
    expect(priced.source.kind).toBe('group');
    expect((await resolve({ companyId: builder.id, sku: 'PRI-2' })).unitPrice).toBe(500);
    // An explicit group list is a "what if": it replaces the stored memberships.
    expect((await resolve({ companyId: miner.id, sku: 'PRI-2', groupIds: '' })).unitPrice).toBe(500);
  });

  it('rejects a quantity minimum that is not a multiple of the increment, naming the field', async () => {
    const res = await call(pricer, 'PUT', `/api/admin/price-lists/${baseId}/entries`, { items: [{ sku: 'PRI-2', unitPrice: 500, qtyMin: 5, qtyIncrement: 3 }, { sku: 'NOPE', unitPrice: 1 }] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ created: 0, updated: 0, failed: 2, errors: [{ index: 0, field: 'qtyMin' }, { index: 1, field: 'sku' }] });
    const bad = await call(pricer, 'POST', '/api/admin/price-lists', { name: 'Bad', currency: 'PKR', targets: [{ type: 'everyone' }], validFrom: '2027-01-01T00:00:00Z', validTo: '2026-01-01T00:00:00Z' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'validTo' });
    const nobody = await call(pricer, 'POST', '/api/admin/price-lists', { name: 'Nobody', currency: 'PKR' });
    expect(nobody.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'targets' });
  });

  it('reads, updates and deletes a list; unknown ids answer 404', async () => {
    const id = await list({ name: 'Temp', targets: [{ type: 'everyone' }] }, []);
    const patched = await ok('PATCH', `/api/admin/price-lists/${id}`, { name: 'Temp 2', status: 'draft', priority: 3 });
    expect(patched).toMatchObject({ name: 'Temp 2', status: 'draft', priority: 3, targets: [{ type: 'everyone' }] });
    const page = await ok('GET', '/api/admin/price-lists?limit=200');
    expect(page.items.some((l: { id: string }) => l.id === id)).toBe(true);
    await ok('DELETE', `/api/admin/price-lists/${id}`, undefined, 204);
    expect((await call(pricer, 'GET', `/api/admin/price-lists/${id}`)).statusCode).toBe(404);
    expect((await call(pricer, 'GET', '/api/admin/price-lists/pl_nope')).statusCode).toBe(404);
    expect((await call(pricer, 'GET', '/api/admin/pricing/resolve?companyId=cmp_nope&sku=PRI-1')).statusCode).toBe(404);
  });

  it('keeps buyers out and lets read-only staff read but not write', async () => {
    expect((await call(buyer, 'GET', '/api/admin/price-lists')).statusCode).toBe(403);
    expect((await call(buyer, 'GET', `/api/admin/pricing/resolve?companyId=${String((buyer.body.company as { id?: string } | undefined)?.id ?? 'x')}&sku=PRI-1`)).statusCode).toBe(403);
    expect((await call(support, 'POST', '/api/admin/price-lists', { name: 'X', currency: 'PKR', targets: [{ type: 'everyone' }] })).statusCode).toBe(403);
  });
});
