import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeBuyer, makeCompany, TEST_PASSWORD } from '../helpers/auth.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

/**
 * Where a buyer lands after signing in: the self-service dashboard, or the page that sent them to
 * sign in — and never another site, whatever `next` says. In English and in Urdu (right to left).
 */
describe('storefront sign-in lands on the account dashboard', { retry: 0, timeout: 90_000 }, () => {
  let env: BrowserEnv;
  let email: string;
  beforeAll(async () => {
    env = await startBrowserEnv();
    const company = await makeCompany(env.t, { currency: 'PKR', legalName: 'Ravi Steel Traders' });
    email = (await makeBuyer(env.t, { companyId: company.id, role: 'admin', name: 'Hamza Iqbal' })).email;
  }, 120_000);
  afterAll(async () => env?.close());

  const signIn = async (page: Page) => {
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('account-menu').waitFor();
  };
  const here = (page: Page) => {
    const url = new URL(page.url());
    return { origin: url.origin, path: url.pathname + url.search };
  };

  const journeys = [
    { lang: 'en', locale: 'en-US', dir: 'ltr', dashboard: 'Your account', orders: 'My orders' },
    { lang: 'ur', locale: 'ur-PK', dir: 'rtl', dashboard: 'آپ کا اکاؤنٹ', orders: 'میرے آرڈر' },
  ] as const;

  for (const j of journeys) {
    it(`${j.lang}: signing in from the header opens the dashboard`, async () => {
      const page = await env.newPage({ locale: j.locale });
      await page.goto('/');
      await page.getByTestId('sign-in-link').click();
      await page.waitForURL('**/sign-in');
      await signIn(page);
      await page.getByTestId('dashboard-page').waitFor();
      expect(here(page)).toEqual({ origin: env.baseUrl, path: '/account' });
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(j.dir);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(j.dashboard);
    });

    it(`${j.lang}: a page that needs sign-in sends the buyer back to it afterwards`, async () => {
      const page = await env.newPage({ locale: j.locale });
      await page.goto('/account/orders');
      await page.waitForURL(/\/sign-in\?next=/);
      await signIn(page);
      await page.getByTestId('orders-page').waitFor();
      expect(here(page)).toEqual({ origin: env.baseUrl, path: '/account/orders' });
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(j.dir);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(j.orders);
    });
  }

  it('ignores a next that points at another site and lands on the dashboard', async () => {
    for (const evil of ['https://evil.example/', '//evil.example/', '/\\evil.example/']) {
      const page = await env.newPage();
      await page.goto(`/sign-in?next=${encodeURIComponent(evil)}`);
      await signIn(page);
      await page.getByTestId('dashboard-page').waitFor();
      expect(here(page), evil).toEqual({ origin: env.baseUrl, path: '/account' });
    }
  });
});
