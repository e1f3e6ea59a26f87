import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { loginBuyer, makeBuyer, makeCompany, randomIp, staffSession, TEST_PASSWORD } from '../helpers/auth.ts';

describe('suspended companies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const suspend = async (companyId: string, status: 'suspended' | 'active') => {
    const staff = await staffSession(t, 'admin');
    const res = await t.app.inject({ method: 'PATCH', url: `/api/admin/companies/${companyId}`, headers: staff.headers, payload: { status } });
    expect(res.statusCode).toBe(200);
  };

  it('signs the buyers of a suspended company out at once and refuses their sign-in until it is reactivated', async () => {
    const company = await makeCompany(t);
    const { email } = await makeBuyer(t, { companyId: company.id, role: 'admin' });
    const session = await loginBuyer(t.app, email);
    expect((await t.app.inject({ url: '/api/store/company', headers: session.headers })).statusCode).toBe(200);

    await suspend(company.id, 'suspended');
    expect((await t.app.inject({ url: '/api/store/company', headers: session.headers })).statusCode).toBe(401);
    const refused = await t.app.inject({ method: 'POST', url: '/api/store/auth/login', payload: { email, password: TEST_PASSWORD }, remoteAddress: randomIp() });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'COMPANY_SUSPENDED' });

    await suspend(company.id, 'active');
    const again = await loginBuyer(t.app, email);
    expect((await t.app.inject({ url: '/api/store/company', headers: again.headers })).json().id).toBe(company.id);
  });

  it('lets a buyer of two companies keep working for the one that is still active', async () => {
    const active = await makeCompany(t, { legalName: 'Still Trading Ltd' });
    const dormant = await makeCompany(t, { legalName: 'Dormant Ltd' });
    const { email } = await makeBuyer(t, { companyId: dormant.id });
    await makeBuyer(t, { companyId: active.id, email });
    await suspend(dormant.id, 'suspended');
    const s = await loginBuyer(t.app, email);
    expect(s.body).toMatchObject({ company: { id: active.id }, companies: [{ id: active.id }] });
    const sw = await t.app.inject({ method: 'POST', url: '/api/store/auth/switch-company', headers: s.headers, payload: { companyId: dormant.id } });
    expect(sw.statusCode).toBe(404);
  });
});
