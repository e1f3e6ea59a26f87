import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { reserveCredit } from '../../src/modules/credit/index.ts';
import { makeCompany, makeStaff, TEST_PASSWORD } from '../helpers/auth.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS;
type Dict = { credit: { notOnAccount: string; onAccount: string; termsCode: { net60: string }; action: { hold: string } } };
const dict = (lang: string) => JSON.parse(readFileSync(`web/i18n/${lang}.json`, 'utf8')) as Dict;

describe('admin console: a company\'s terms & credit in a real browser', { retry: 0, timeout: 120_000 }, () => {
  let env: BrowserEnv;
  let staffEmail: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    staffEmail = (await makeStaff(env.t, { role: 'credit_controller', name: 'Chris Credit' })).email;
  }, 180_000);
  afterAll(async () => env?.close());

  for (const lang of ['en', 'ur'] as const) {
    it(`a credit controller sets Net 60, a limit and credit hold, then sees exposure and the ledger (${lang})`, async () => {
      const t = dict(lang).credit;
      const company = await makeCompany(env.t, { legalName: `Mehran Traders ${lang}`, currency: 'PKR' });
      const page: Page = await env.newPage();
      await page.goto('/admin/sign-in');
      await page.evaluate((l) => localStorage.setItem('precis.lang', l), lang);
      await page.goto(`/admin/companies/${company.id}`);
      await page.waitForURL(/\/admin\/sign-in/);
      await page.locator('input[name=email]').fill(staffEmail);
      await page.locator('input[name=password]').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.waitForURL(`**/admin/companies/${company.id}`);
      if (lang === 'ur') await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');

      await page.getByTestId('tab-credit').click();
      await page.getByTestId('credit-on-account').waitFor();
      expect(await page.getByTestId('credit-on-account').textContent()).toBe(t.notOnAccount);

      await page.getByTestId('credit-terms').click();
      await page.getByRole('option', { name: t.termsCode.net60 }).click();
      await page.getByTestId('credit-limit').fill('250000');
      await page.getByTestId('credit-action').getByText(t.action.hold).click();
      await page.getByTestId('credit-po').click({ force: true });
      await page.getByTestId('credit-save').click();
      await page.getByTestId('credit-saved').waitFor();
      await expect.poll(() => page.getByTestId('credit-on-account').textContent()).toBe(t.onAccount);
      expect(await page.getByTestId('credit-effective-terms').textContent()).toBe(t.termsCode.net60);

      const saved = await env.app.inject({ url: `/api/admin/companies/${company.id}/credit`, headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
      expect(saved.json()).toMatchObject({ paymentTerms: 'net60', creditLimit: 25_000_000, overLimitAction: 'hold', poRequired: true, currency: 'PKR' });

      // An on-account order takes credit: the figures and the ledger show it after a reload.
      await reserveCredit(systemCtx(env.database.db), { companyId: company.id, amount: 4_000_000, currency: 'PKR', ref: { kind: 'order', id: 'SO-100042' }, reason: 'Order SO-100042 placed on account' });
      await page.reload();
      await page.getByTestId('tab-credit').click();
      await page.getByTestId('credit-ledger').getByText('SO-100042').first().waitFor();
      const available = await page.getByTestId('credit-figure-available').innerText();
      expect(available.replace(/[^\d۰-۹]/g, '')).not.toBe('');
      expect(await page.getByTestId('credit-figure-exposure').innerText()).not.toBe('—');
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/admin-credit-${lang}.png`, fullPage: true });
      await page.context().close();
    });
  }
});
