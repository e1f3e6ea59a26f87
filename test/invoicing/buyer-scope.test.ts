import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { loginBuyer, makeBuyer, staffSession, type SignedIn } from '../helpers/auth.ts';
import { invoicingCompany, placeTestOrder } from './fixture.ts';

/**
 * A company admin (whose role also reads subsidiaries) sees their own company's invoices: the scope
 * is the company plus its descendants, never the descendants alone.
 */
describe("a company admin's invoices", () => {
  let t: TestApp;
  let staff: SignedIn;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await staffSession(t, 'credit_controller');
  });
  afterAll(async () => t.close());

  it('are in the list, open by id and count in the statement; another company’s stay a 404', async () => {
    const buyer = await invoicingCompany(t, { legalName: 'Admin Scope LLC' });
    const other = await invoicingCompany(t, { legalName: 'Someone Else LLC' });
    const admin = await makeBuyer(t, { companyId: buyer.companyId, role: 'admin' });
    const adminSession = await loginBuyer(t.app, admin.email, admin.password);
    const invoiceOf = async (companyId: string) => {
      const order = await placeTestOrder(t, { companyId });
      const res = await t.app.inject({ method: 'POST', url: `/api/admin/orders/${order.id}/invoices`, headers: staff.headers, payload: {} });
      expect(res.statusCode).toBe(201);
      return res.json() as { id: string; number: string };
    };
    const mine = await invoiceOf(buyer.companyId);
    const theirs = await invoiceOf(other.companyId);

    const list = await t.app.inject({ method: 'GET', url: '/api/store/invoices', headers: adminSession.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((i: { id: string }) => i.id)).toEqual([mine.id]);
    const one = await t.app.inject({ method: 'GET', url: `/api/store/invoices/${mine.id}`, headers: adminSession.headers });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toMatchObject({ id: mine.id, number: mine.number });
    const statement = await t.app.inject({ method: 'GET', url: '/api/store/statement', headers: adminSession.headers });
    expect(statement.statusCode).toBe(200);
    expect(JSON.stringify(statement.json())).toContain(mine.number);
    expect((await t.app.inject({ method: 'GET', url: `/api/store/invoices/${theirs.id}`, headers: adminSession.headers })).statusCode).toBe(404);
  });
});
