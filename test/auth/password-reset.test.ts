import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../harness.ts';
import { startSmtpServer, type ReceivedMail } from '../smtp.ts';
import { parseMail } from '../notifications/mail.ts';
import { loginBuyer, loginStaff, makeBuyer, makeCompany, makeStaff, randomIp } from '../helpers/auth.ts';

type Smtp = Awaited<ReturnType<typeof startSmtpServer>>;

/** The token out of the reset link in the mail's text, as a mail client decodes it. */
function tokenFrom(mail: ReceivedMail, path: string): string {
  const { text } = parseMail(mail);
  const m = new RegExp(`${path.replace(/\//g, '\\/')}\\?token=([A-Za-z0-9_%-]+)`).exec(text);
  if (!m) throw new Error(`no reset link in mail:\n${mail.raw}`);
  return decodeURIComponent(m[1]!);
}

describe('password reset over real SMTP', () => {
  let t: TestApp;
  let smtp: Smtp;
  beforeAll(async () => {
    smtp = await startSmtpServer();
    t = await createTestApp({ smtpUrl: smtp.url, config: { PUBLIC_URL: 'https://shop.example.test', COOKIE_SECURE: true } });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  const post = (url: string, payload: object, headers?: Record<string, string>) => t.app.inject({ method: 'POST', url, payload, headers, remoteAddress: randomIp() });

  it('emails a single-use link; confirming sets the password, signs out other sessions, and the new password works', async () => {
    const company = await makeCompany(t);
    const { email } = await makeBuyer(t, { companyId: company.id, password: 'the old password 1' });
    const oldSession = await loginBuyer(t.app, email, 'the old password 1');

    const asked = await post('/api/store/auth/password-reset', { email: email.toUpperCase() });
    expect(asked.statusCode).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    expect(parseMail(mail).subject).toBe('Reset your Precis password');
    const token = tokenFrom(mail, 'https://shop.example.test/reset-password');
    const stored = await t.database.query<{ token_hash: string }>('select token_hash from password_reset_tokens');
    expect(stored.some((r) => r.token_hash === token)).toBe(false);

    const weak = await post('/api/store/auth/password-reset/confirm', { token, password: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json()).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });

    expect((await post('/api/store/auth/password-reset/confirm', { token, password: 'a brand new password' })).statusCode).toBe(204);
    expect((await t.app.inject({ url: '/api/store/auth/me', headers: { cookie: oldSession.cookie } })).statusCode).toBe(401);
    await expect(loginBuyer(t.app, email, 'the old password 1')).rejects.toThrow(/401/);
    const fresh = await loginBuyer(t.app, email, 'a brand new password');
    expect(fresh.body).toMatchObject({ user: { email } });

    const again = await post('/api/store/auth/password-reset/confirm', { token, password: 'yet another password' });
    expect(again.statusCode).toBe(400);
    expect(again.json()).toMatchObject({ code: 'RESET_TOKEN_INVALID', field: 'token' });
  });

  it('marks session cookies Secure when COOKIE_SECURE is set (behind HTTPS)', async () => {
    const company = await makeCompany(t);
    const { email } = await makeBuyer(t, { companyId: company.id });
    const res = await post('/api/store/auth/login', { email, password: 'correct horse battery staple' });
    expect(res.cookies.find((c) => c.name === 'precis_sid')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
  });

  it('answers 202 for unknown emails and sends nothing', async () => {
    const before = smtp.received.length;
    expect((await post('/api/store/auth/password-reset', { email: 'nobody-here@example.test' })).statusCode).toBe(202);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.length).toBe(before);
  });

  it('refuses expired tokens and tokens of the other audience', async () => {
    const { email } = await makeStaff(t, { password: 'staff old password' });
    expect((await post('/api/admin/auth/password-reset', { email })).statusCode).toBe(202);
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    const token = tokenFrom(mail, 'https://shop.example.test/admin/reset-password');
    // A staff token does not reset a buyer password.
    expect((await post('/api/store/auth/password-reset/confirm', { token, password: 'staff new password' })).json().code).toBe('RESET_TOKEN_INVALID');
    await t.database.query(`update password_reset_tokens set expires_at = now() - interval '1 second' where staff_id is not null`);
    expect((await post('/api/admin/auth/password-reset/confirm', { token, password: 'staff new password' })).json().code).toBe('RESET_TOKEN_INVALID');
    await loginStaff(t.app, email, 'staff old password');
  });

  it('resets a staff password end to end and lifts a lockout', async () => {
    const { email } = await makeStaff(t, { password: 'staff old password' });
    for (let i = 0; i < t.config.LOGIN_MAX_FAILURES; i++) await post('/api/admin/auth/login', { email, password: 'wrong wrong wrong' });
    expect((await post('/api/admin/auth/login', { email, password: 'staff old password' })).statusCode).toBe(423);
    await post('/api/admin/auth/password-reset', { email });
    const mail = await smtp.waitFor((m) => m.to.includes(email));
    const token = tokenFrom(mail, 'https://shop.example.test/admin/reset-password');
    expect((await post('/api/admin/auth/password-reset/confirm', { token, password: 'staff fresh password' })).statusCode).toBe(204);
    const s = await loginStaff(t.app, email, 'staff fresh password');
    expect(s.body).toMatchObject({ staff: { email } });
  });
});
