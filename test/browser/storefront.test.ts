import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeBuyer, makeCompany, staffSession, TEST_PASSWORD } from '../helpers/auth.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';
import { createStoreCatalog, type StoreFixture } from './fixtures.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS; // a directory: save screenshots of key pages there

describe('storefront in a real browser', { retry: 0, timeout: 60_000 }, () => {
  let env: BrowserEnv;
  let catalog: StoreFixture;
  let buyerEmail: string;
  let page: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    const staff = await staffSession(env.t);
    catalog = await createStoreCatalog(env.app, staff);
    const company = await makeCompany(env.t, { legalName: 'Indus Builders Ltd' });
    buyerEmail = (await makeBuyer(env.t, { companyId: company.id, name: 'Ayesha Khan', email: 'ayesha@indus.test' })).email;
    page = await env.newPage();
  }, 120_000);
  afterAll(async () => env?.close());

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  it('a buyer signs in and sees their name and company in the header', async () => {
    await page.goto('/sign-in');
    await page.getByTestId('sign-in-submit').waitFor();
    await shot('store-sign-in');
    await page.locator('input[name=email]').fill(buyerEmail);
    await page.locator('input[name=password]').fill('not the password');
    await page.getByTestId('sign-in-submit').click();
    await expect.poll(() => page.getByTestId('error-alert').getAttribute('data-code')).toBe('INVALID_CREDENTIALS');

    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('account-menu').waitFor();
    expect(await page.getByTestId('account-menu').innerText()).toContain('Ayesha Khan');
    expect(await page.getByTestId('account-menu').innerText()).toContain('Indus Builders Ltd');
    // Signing in lands on the account dashboard; the home page greets the buyer by name.
    await page.getByTestId('dashboard-page').waitFor();
    expect(new URL(page.url()).pathname).toBe('/account');
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: /Welcome back/ }).waitFor();
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toContain('Welcome back, Ayesha Khan');
    await page.getByTestId('category-card').first().waitFor();
    await shot('store-home');
  });

  it('searching the misspelt "hamer" finds the hammers, with facet counts', async () => {
    await page.getByTestId('search-input').fill('hamer');
    await page.getByTestId('search-input').press('Enter');
    await page.waitForURL(/\/search\?q=hamer/);
    await page.getByTestId('product-card').first().waitFor();
    const names = await page.getByTestId('product-name').allInnerTexts();
    expect(names).toEqual(expect.arrayContaining(['Claw Hammer', 'Sledge Hammer', 'Ball Pein Hammer']));
    expect(names).not.toContain('Phillips Screwdriver');
    expect(await page.getByTestId('results-heading').innerText()).toContain('hamer');

    const brands = await page.getByTestId('facet-brand').allInnerTexts();
    expect(brands.map((b) => b.replace(/\s+/g, ' ').trim())).toEqual(expect.arrayContaining(['Stanley 2', 'Estwing 1']));
    const categories = await page.getByTestId('facet-category').allInnerTexts();
    expect(categories.some((c) => /Hammers\s*3/.test(c))).toBe(true);
    await shot('store-search');

    // Narrowing by a brand facet keeps only that brand's hammers.
    await page.getByTestId('facet-brand').filter({ hasText: 'Estwing' }).getByText('Estwing').click();
    await page.waitForURL(/brand=/);
    await expect.poll(() => page.getByTestId('product-name').allInnerTexts()).toEqual(['Sledge Hammer']);
  });

  it('a search with no match explains what to try instead', async () => {
    await page.getByTestId('search-input').fill('xyzzy');
    await page.getByTestId('search-input').press('Enter');
    await page.getByTestId('empty-state').waitFor();
    const text = await page.getByTestId('empty-state').innerText();
    expect(text).toContain('No products match “xyzzy”');
    expect(text).toContain('Hand Tools');
  });

  it('the product page shows the variant table with SKU, pack size, unit and stock', async () => {
    await page.goto('/search?q=claw');
    await page.getByTestId('product-card').filter({ hasText: 'Claw Hammer' }).click();
    await page.waitForURL(`**/p/${catalog.clawSlug}`);
    expect(await page.getByTestId('product-title').innerText()).toBe('Claw Hammer');
    const rows = await page.getByTestId('variant-row').allTextContents();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('HAM-CLAW-16');
    expect(rows[0]).toContain('In stock (120)');
    expect(rows[1]).toContain('HAM-CLAW-20');
    expect(rows[1]).toContain('EA');
    expect(rows[1]).toContain('Only 4 left');
    expect(await page.locator('nav, [class*=Breadcrumbs]').first().innerText()).toContain('Hammers');
    await shot('store-product');
  });

  it('the account menu leads to the buyer’s own company', async () => {
    await page.getByTestId('account-menu').click();
    await page.getByTestId('my-company').click();
    await page.waitForURL('**/account/company');
    expect(await page.getByTestId('company-name').innerText()).toBe('Indus Builders Ltd');
    expect(await page.locator('body').innerText()).toContain('Pakistan');
  });

  it('switching to Arabic renders right-to-left, in Arabic, and is remembered', async () => {
    await page.goto(`/c/${catalog.hammersSlug}`);
    await page.getByTestId('product-card').first().waitFor();
    await page.getByTestId('language-switcher').click();
    await page.locator('[data-lang="ar"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.getAttribute('dir'))).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    expect(await page.getByTestId('category-menu').innerText()).toContain('الفئات');
    expect(await page.getByTestId('results-total').innerText()).toContain('تم العثور على');
    await shot('store-arabic');

    await page.reload();
    await page.getByTestId('product-card').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('search-input').getAttribute('placeholder')).toContain('ابحث');
  });

  it('signing out returns the header to a sign-in button', async () => {
    await page.getByTestId('language-switcher').click();
    await page.locator('[data-lang="en"]').click();
    await page.getByTestId('account-menu').click();
    await page.getByTestId('sign-out').click();
    await page.getByTestId('sign-in-link').waitFor();
    const me = await page.evaluate(async () => (await fetch('/api/store/auth/me')).status);
    expect(me).toBe(401);
  });

  it('a buyer who forgot the password resets it from the emailed link and signs in with the new one', async () => {
    await page.goto('/sign-in');
    await page.getByRole('link', { name: 'Forgot password?' }).click();
    await page.locator('input[type=email]').fill(buyerEmail);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByTestId('reset-sent').waitFor();

    await expect.poll(() => env.mail.filter((m) => m.to === buyerEmail).length).toBeGreaterThan(0);
    const text = env.mail.filter((m) => m.to === buyerEmail).at(-1)?.text ?? '';
    const link = new URL(text.match(/https?:\/\/\S+reset-password\?token=\S+/)?.[0] ?? 'http://x/missing');
    expect(link.pathname).toBe('/reset-password');

    await page.goto(link.pathname + link.search);
    await page.getByLabel('New password', { exact: false }).first().fill('a brand new passphrase');
    await page.getByLabel('Repeat the new password', { exact: false }).fill('a brand new passphrase');
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByTestId('reset-done').waitFor();

    await page.goto('/sign-in');
    await page.locator('input[name=email]').fill(buyerEmail);
    await page.locator('input[name=password]').fill('a brand new passphrase');
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('account-menu').waitFor();
  });
});
