import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { loginBuyer, loginStaff, makeBuyer, makeCompany, makeStaff, randomIp, TEST_PASSWORD } from '../helpers/auth.ts';
import { unique } from '../helpers/unique.ts';

describe('sign-in, sessions and CSRF', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => t.close());

  const post = (url: string, payload: unknown, extra: { headers?: Record<string, string>; ip?: string } = {}) =>
    t.app.inject({ method: 'POST', url, payload: payload as object, headers: extra.headers, remoteAddress: extra.ip ?? randomIp() });

  it('signs a buyer in with a Session body and a HttpOnly, SameSite=Lax, Path=/ cookie', async () => {
    const company = await makeCompany(t, { legalName: 'Karachi Traders' });
    const { email, user } = await makeBuyer(t, { companyId: company.id, role: 'admin', name: 'Ayesha' });
    const res = await post('/api/store/auth/login', { email: email.toUpperCase(), password: TEST_PASSWORD });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({
      user: { id: user.id, email, name: 'Ayesha', locale: 'en' },
      company: { id: company.id, legalName: 'Karachi Traders' },
      companies: [{ id: company.id, legalName: 'Karachi Traders', role: 'admin' }],
      role: 'admin',
    });
    expect(body.permissions).toContain('company.users:write');
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/);
    const cookie = res.cookies.find((c) => c.name === 'precis_sid');
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(cookie?.secure).toBeFalsy();
    expect(cookie?.value).not.toContain(body.csrfToken);
    const stored = await t.database.query<{ token_hash: string }>('select token_hash from sessions where user_id = $1', [user.id]);
    expect(stored[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored[0]?.token_hash).not.toBe(cookie?.value);
  });

  it('refuses a wrong password and an unknown email alike with 401 INVALID_CREDENTIALS', async () => {
    const company = await makeCompany(t);
    const { email } = await makeBuyer(t, { companyId: company.id });
    for (const payload of [
      { email, password: 'not the password at all' },
      { email: 'nobody@example.test', password: TEST_PASSWORD },
    ]) {
      const res = await post('/api/store/auth/login', payload);
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('INVALID_CREDENTIALS');
      expect(res.cookies).toHaveLength(0);
    }
  });

  it('answers me with the session while signed in and 401 otherwise', async () => {
    const company = await makeCompany(t);
    const { email } = await makeBuyer(t, { companyId: company.id });
    const s = await loginBuyer(t.app, email);
    const me = await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: s.cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ user: { email }, company: { id: company.id }, role: 'buyer', csrfToken: s.csrf });
    expect((await t.app.inject({ url: '/api/store/auth/me' })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: 'precis_sid=forged' } })).statusCode).toBe(401);
  });

  it('keeps buyer and staff sessions apart: each cookie works only on its own API', async () => {
    const { email } = await makeStaff(t, { role: 'support' });
    const staff = await loginStaff(t.app, email);
    expect(staff.body).toMatchObject({ staff: { email, role: 'support' } });
    expect((await t.app.inject({ url: '/api/admin/auth/me', headers: { cookie: staff.cookie } })).statusCode).toBe(200);
    const asBuyerCookie = staff.cookie.replace('precis_staff_sid', 'precis_sid');
    expect((await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: asBuyerCookie } })).statusCode).toBe(401);
    // A buyer with the same email is a different login and cannot use the staff password.
    const res = await post('/api/store/auth/login', { email, password: TEST_PASSWORD });
    expect(res.statusCode).toBe(401);
  });

  it('demands the CSRF token on unsafe methods with a session cookie, and logout ends the session', async () => {
    const company = await makeCompany(t);
    const { email } = await makeBuyer(t, { companyId: company.id });
    const s = await loginBuyer(t.app, email);
    const missing = await post('/api/store/auth/logout', undefined, { headers: { cookie: s.cookie } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json()).toMatchObject({ code: 'CSRF_TOKEN_INVALID', field: 'x-csrf-token' });
    const wrong = await post('/api/store/auth/logout', undefined, { headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    expect(wrong.statusCode).toBe(403);
    const ok = await post('/api/store/auth/logout', undefined, { headers: s.headers });
    expect(ok.statusCode).toBe(204);
    expect(ok.cookies.find((c) => c.name === 'precis_sid')?.value).toBe('');
    // The old cookie is dead even if the browser kept it.
    expect((await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('ends the session a browser signs in from, so an old or planted cookie never carries over', async () => {
    const company = await makeCompany(t);
    const { email } = await makeBuyer(t, { companyId: company.id });
    const first = await loginBuyer(t.app, email);
    const again = await post('/api/store/auth/login', { email, password: TEST_PASSWORD }, { headers: { cookie: first.cookie } });
    expect(again.statusCode).toBe(200);
    const next = again.cookies.find((c) => c.name === 'precis_sid')?.value;
    expect(next).toBeTruthy();
    expect((await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: first.cookie } })).statusCode).toBe(401);
    expect((await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: `precis_sid=${next}` } })).statusCode).toBe(200);
  });

  it('expires sessions after SESSION_TTL_HOURS', async () => {
    const company = await makeCompany(t);
    const { email, user } = await makeBuyer(t, { companyId: company.id });
    const s = await loginBuyer(t.app, email);
    const [row] = await t.database.query<{ hours: number }>(
      `select round(extract(epoch from (expires_at - created_at)) / 3600)::int as hours from sessions where user_id = $1`,
      [user.id],
    );
    expect(row?.hours).toBe(t.config.SESSION_TTL_HOURS);
    await t.database.query(`update sessions set expires_at = now() - interval '1 second' where user_id = $1`, [user.id]);
    expect((await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('signs out a disabled login at once', async () => {
    const company = await makeCompany(t);
    await makeBuyer(t, { companyId: company.id, role: 'admin' });
    const { email, user } = await makeBuyer(t, { companyId: company.id });
    const s = await loginBuyer(t.app, email);
    await t.database.query(`update company_users set status = 'disabled' where id = $1`, [user.id]);
    expect((await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
    expect((await post('/api/store/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(401);
  });

  it('staff logout also needs CSRF and invalidates the session', async () => {
    const { email } = await makeStaff(t);
    const s = await loginStaff(t.app, email);
    expect((await post('/api/admin/auth/logout', undefined, { headers: { cookie: s.cookie } })).statusCode).toBe(403);
    expect((await post('/api/admin/auth/logout', undefined, { headers: s.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/admin/auth/me', headers: { cookie: s.cookie } })).statusCode).toBe(401);
  });

  it('locks an account after LOGIN_MAX_FAILURES failures, even for the right password, until the lock lapses', async () => {
    const company = await makeCompany(t);
    const { email, user } = await makeBuyer(t, { companyId: company.id });
    const max = t.config.LOGIN_MAX_FAILURES;
    for (let i = 1; i < max; i++) expect((await post('/api/store/auth/login', { email, password: `wrong password ${i}` })).statusCode).toBe(401);
    const last = await post('/api/store/auth/login', { email, password: 'wrong password last' });
    expect(last.statusCode).toBe(423);
    expect(last.json().code).toBe('ACCOUNT_LOCKED');
    const right = await post('/api/store/auth/login', { email, password: TEST_PASSWORD });
    expect(right.statusCode).toBe(423);
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    // Time passes: the lock lapses and the right password works again.
    await t.database.query(`update login_lockouts set locked_until = now() - interval '1 second' where principal = $1`, [`usr:${user.id}`]);
    expect((await post('/api/store/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(200);
  });

  it('answers unknown emails exactly like real ones, lockout included, so accounts cannot be enumerated', async () => {
    const email = `${unique('nobody-at-all')}@example.test`; // its lockout must not carry over to a retry
    const codes: number[] = [];
    for (let i = 0; i <= t.config.LOGIN_MAX_FAILURES; i++) codes.push((await post('/api/store/auth/login', { email, password: 'some password' })).statusCode);
    expect(codes).toEqual([...Array(t.config.LOGIN_MAX_FAILURES - 1).fill(401), 423, 423]);
  });

  it('locks staff accounts too', async () => {
    const { email } = await makeStaff(t);
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES; i++) await post('/api/admin/auth/login', { email, password: 'wrong password here' });
    expect((await post('/api/admin/auth/login', { email, password: TEST_PASSWORD })).statusCode).toBe(423);
  });

  it('slows down one IP after 20 attempts a minute with 429 and Retry-After', async () => {
    const ip = randomIp();
    for (let i = 0; i < 20; i++) {
      const res = await post('/api/store/auth/login', { email: `nobody${i}@example.test`, password: 'whatever password' }, { ip });
      expect(res.statusCode).toBe(401);
    }
    const limited = await post('/api/store/auth/login', { email: 'nobody@example.test', password: 'whatever password' }, { ip });
    expect(limited.statusCode).toBe(429);
    expect(limited.json().code).toBe('RATE_LIMITED');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another address is unaffected.
    expect((await post('/api/store/auth/login', { email: 'nobody@example.test', password: 'whatever password' })).statusCode).toBe(401);
  });

  it('switches the active company among the buyer’s memberships, with the role of each', async () => {
    const a = await makeCompany(t, { legalName: 'Alpha' });
    const b = await makeCompany(t, { legalName: 'Beta' });
    const other = await makeCompany(t, { legalName: 'Stranger' });
    const { email } = await makeBuyer(t, { companyId: a.id, role: 'viewer' });
    await makeBuyer(t, { companyId: b.id, role: 'admin', email });
    const s = await loginBuyer(t.app, email);
    expect(s.body).toMatchObject({ company: { id: a.id }, role: 'viewer' });
    expect((s.body.companies as unknown[]).length).toBe(2);
    const sw = await post('/api/store/auth/switch-company', { companyId: b.id }, { headers: s.headers });
    expect(sw.statusCode).toBe(200);
    expect(sw.json()).toMatchObject({ company: { id: b.id, legalName: 'Beta' }, role: 'admin' });
    const me = await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: s.cookie } });
    expect(me.json().role).toBe('admin');
    const denied = await post('/api/store/auth/switch-company', { companyId: other.id }, { headers: s.headers });
    expect(denied.statusCode).toBe(404);
    expect(denied.json().field).toBe('companyId');
  });

  it.each([
    ['/api/store/auth/login', {}, 'email'],
    ['/api/store/auth/login', { email: 'a@b.c' }, 'password'],
    ['/api/store/auth/login', { email: 'not-an-email', password: 'x' }, 'email'],
    ['/api/store/auth/login', { email: 'a@b.c', password: 'x', extra: 1 }, 'extra'],
    ['/api/admin/auth/login', { email: 'a@b.c', password: 'x'.repeat(300) }, 'password'],
    ['/api/store/auth/password-reset', { email: 5 }, 'email'],
    ['/api/store/auth/password-reset/confirm', { token: 'abc' }, 'password'],
    ['/api/admin/auth/password-reset/confirm', { password: 'long enough password' }, 'token'],
  ])('answers bad input to %s with 400 naming the field', async (url, payload, field) => {
    const res = await post(url, payload);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED', field });
  });

  it('refuses switch-company without a session (401) and with bad input (400)', async () => {
    expect((await post('/api/store/auth/switch-company', { companyId: 'cmp_x' })).statusCode).toBe(401);
    const company = await makeCompany(t);
    const { email } = await makeBuyer(t, { companyId: company.id });
    const s = await loginBuyer(t.app, email);
    const res = await post('/api/store/auth/switch-company', {}, { headers: s.headers });
    expect(res.statusCode).toBe(400);
    expect(res.json().field).toBe('companyId');
  });
});
