import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeCompany, makeStaff, staffSession, TEST_PASSWORD, type SignedIn } from '../helpers/auth.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS;
type Dict = {
  credit: { termsCode: { net60: string } };
  groupTerms: { tab: string; emptyTitle: string; saved: string; cleared: string; priorityRange: string };
};
const dict = (lang: string) => JSON.parse(readFileSync(`web/i18n/${lang}.json`, 'utf8')) as Dict;

/**
 * Staff give a customer group payment terms in the admin console: member companies without terms
 * of their own inherit them. Set, reload, a bad priority named at its field, clear — in English
 * and in Urdu (right to left).
 */
describe('admin console: a customer group\'s payment terms in a real browser', { retry: 0, timeout: 120_000 }, () => {
  let env: BrowserEnv;
  let staff: SignedIn;
  let staffEmail: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    staff = await staffSession(env.t);
    staffEmail = (await makeStaff(env.t, { role: 'admin', name: 'Sara Admin' })).email;
  }, 180_000);
  afterAll(async () => env?.close());

  /** A static group with one member company that has no terms of its own. */
  const groupWithMember = async (lang: string) => {
    const company = await makeCompany(env.t, { legalName: `Thar Cement Traders ${lang}`, currency: 'PKR' });
    const created = await env.app.inject({ method: 'POST', url: '/api/admin/customer-groups', headers: staff.headers, payload: { name: `Distributors, Sindh (${lang})` } });
    expect(created.statusCode, created.body).toBe(201);
    const group = created.json<{ id: string }>();
    const added = await env.app.inject({ method: 'POST', url: `/api/admin/customer-groups/${group.id}/static-members/${company.id}`, headers: staff.headers });
    expect(added.statusCode, added.body).toBeLessThan(300);
    return { groupId: group.id, companyId: company.id };
  };
  const inherited = async (companyId: string) => {
    const res = await env.app.inject({ url: `/api/admin/companies/${companyId}/credit`, headers: staff.headers });
    return res.json<{ effectiveTerms: { code: string } | null; termsSource: string }>();
  };
  const openTermsTab = async (page: Page) => {
    await page.getByTestId('tab-terms').click();
    await page.locator('[data-testid=group-terms-empty], [data-testid=group-terms-current]').first().waitFor();
  };

  for (const lang of ['en', 'ur'] as const) {
    it(`staff set Net 60 on a group, see it after a reload, are told a bad priority at the field, and clear it (${lang})`, async () => {
      const t = dict(lang);
      const { groupId, companyId } = await groupWithMember(lang);
      const page = await env.newPage();
      await page.goto('/admin/sign-in');
      await page.evaluate((l) => localStorage.setItem('precis.lang', l), lang);
      await page.goto(`/admin/groups/${groupId}`);
      await page.waitForURL(/\/admin\/sign-in\?next=/);
      await page.locator('input[name=email]').fill(staffEmail);
      await page.locator('input[name=password]').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.waitForURL(`**/admin/groups/${groupId}`);
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ur' ? 'rtl' : 'ltr');

      // No terms yet: the tab says what that means for the members.
      expect(await page.getByTestId('tab-terms').innerText()).toBe(t.groupTerms.tab);
      await openTermsTab(page);
      expect(await page.getByTestId('group-terms-empty').innerText()).toContain(t.groupTerms.emptyTitle);

      // Net 60 at priority 10.
      await page.getByTestId('group-terms-select').click();
      await page.getByRole('option', { name: t.credit.termsCode.net60, exact: true }).click();
      await page.getByTestId('group-terms-priority-input').fill('10');
      await page.getByTestId('group-terms-save').click();
      await expect.poll(() => page.getByTestId('group-terms-done').textContent()).toBe(t.groupTerms.saved);
      expect(await inherited(companyId)).toMatchObject({ effectiveTerms: { code: 'net60' }, termsSource: 'group' });

      await page.reload();
      await openTermsTab(page);
      expect(await page.getByTestId('group-terms-label').textContent()).toBe(t.credit.termsCode.net60);
      expect(await page.getByTestId('group-terms-code').textContent()).toBe('net60');
      expect((await page.getByTestId('group-terms-priority').textContent())?.replace(/[^\d٠-٩۰-۹]/g, '')).toMatch(/^(10|١٠|۱۰)$/);
      expect(await page.getByTestId('group-terms-select').inputValue()).toBe(t.credit.termsCode.net60);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/admin-group-terms-${lang}.png`, fullPage: true });

      // A priority beyond the API's range: the server names the field and the form shows it there.
      const priority = page.getByTestId('group-terms-priority-input');
      await priority.fill('5000000');
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith(`/api/admin/customer-groups/${groupId}/payment-terms`) && r.request().method() === 'PUT'),
        page.getByTestId('group-terms-save').click(),
      ]);
      expect(answer.status()).toBe(400);
      expect(await answer.json()).toMatchObject({ code: 'VALIDATION_FAILED', field: 'priority' });
      await expect.poll(() => priority.getAttribute('aria-invalid')).toBe('true');
      const fieldError = page.locator('.mantine-InputWrapper-root', { has: priority }).locator('.mantine-InputWrapper-error');
      // "Enter a whole number from −1,000,000 to 1,000,000", in the reader's language and digits.
      expect(await fieldError.innerText()).toContain(t.groupTerms.priorityRange.split('}}').at(-1)?.trim());
      expect(await page.getByTestId('error-alert').getAttribute('data-code')).toBe('VALIDATION_FAILED');
      // Nothing changed on the server.
      expect(await inherited(companyId)).toMatchObject({ effectiveTerms: { code: 'net60' }, termsSource: 'group' });

      // Clear: the members are back on their own terms (none here).
      await page.getByTestId('group-terms-clear').click();
      await page.getByTestId('group-terms-empty').waitFor();
      expect(await page.getByTestId('group-terms-done').textContent()).toBe(t.groupTerms.cleared);
      expect(await inherited(companyId)).toMatchObject({ effectiveTerms: null, termsSource: 'none' });
      await page.reload();
      await openTermsTab(page);
      expect(await page.getByTestId('group-terms-empty').innerText()).toContain(t.groupTerms.emptyTitle);
    });
  }
});
