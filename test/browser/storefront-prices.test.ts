import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../helpers/auth.ts';
import { pricedStore } from '../pricing/storefront-fixture.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS; // a directory: save screenshots of key pages there

describe('buyer prices in the storefront, in a real browser', { retry: 0, timeout: 60_000 }, () => {
  let env: BrowserEnv;
  let store: Awaited<ReturnType<typeof pricedStore>>;
  let page: Page;
  const rs = (amount: number) => new Intl.NumberFormat('en', { style: 'currency', currency: 'PKR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(amount / 100);

  beforeAll(async () => {
    env = await startBrowserEnv();
    store = await pricedStore(env.t);
    page = await env.newPage();
  }, 120_000);
  afterAll(async () => env?.close());

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };

  it("a group buyer sees the group's discounted price, the base price struck through and the saving on the listing", async () => {
    await page.goto('/sign-in');
    await page.locator('input[name=email]').fill(store.builder.email);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('account-menu').waitFor();

    await page.goto('/search?q=Pricing%20Hammer');
    const card = page.getByTestId('product-card').filter({ hasText: 'Pricing Hammer' });
    await card.getByTestId('price-amount').waitFor();
    expect(await card.getByTestId('price-amount').innerText()).toBe(`from ${rs(8_800)}`);
    expect(await card.getByTestId('price-base').innerText()).toBe(rs(10_000));
    expect(await card.getByTestId('price-saving').innerText()).toMatch(/save 12%/i);
    await shot('store-prices-listing');
  });

  it('the product page shows each variant its price, the tier table and the contract badge', async () => {
    await page.getByTestId('product-card').filter({ hasText: 'Pricing Hammer' }).click();
    await page.getByTestId('variant-table').waitFor();
    const tiered = page.getByTestId('variant-row').filter({ hasText: 'SFP-1' });
    const tiers = async () => (await tiered.getByTestId('tier-row').allInnerTexts()).map((r) => r.replace(/\s+/g, ' ').trim());
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    await expect.poll(tiers).toEqual([flat(`From 1: ${rs(8_800)}`), flat(`From 100: ${rs(7_920)}`)]);
    const contract = page.getByTestId('variant-row').filter({ hasText: 'SFP-2' });
    expect(await contract.getByTestId('price-kind').innerText()).toBe('Your contract price (ref C-9)');
    expect(await contract.getByTestId('price-amount').innerText()).toBe(rs(10_000));
    await shot('store-prices-product');
  });

  it('the price check prices pasted lines, flags problems per line and sums the subtotal', async () => {
    await page.getByTestId('price-check-link').click();
    await page.getByTestId('price-check-input').fill('SFP-1 100\nSFP-10 3\nNOPE-1 2\nSFP-2, 4');
    await page.getByTestId('price-check-submit').click();
    await page.getByTestId('price-check-table').waitFor();
    const lines = page.getByTestId('price-check-line');
    expect(await lines.count()).toBe(4);
    expect(await lines.nth(0).getByTestId('line-total').innerText()).toBe(rs(792_000));
    expect(await lines.nth(0).getByTestId('price-kind').innerText()).toBe('Volume price from 100');
    expect(await lines.nth(1).getByTestId('line-problem').allInnerTexts()).toEqual(['Order at least 5', 'Order in multiples of 5']);
    expect(await lines.nth(2).getByTestId('line-problem').innerText()).toBe('Unknown SKU');
    expect(await page.getByTestId('price-check-subtotal').innerText()).toBe(rs(792_000 + 3 * 50_000 + 4 * 10_000));
    await shot('store-price-check');
  });

  it('in Arabic the price check reads right to left, with Arabic labels and the locale\'s digits', async () => {
    await page.evaluate(() => localStorage.setItem('precis.lang', 'ar'));
    await page.goto('/price-check');
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByTestId('price-check-input').fill('SFP-2 4');
    await page.getByTestId('price-check-submit').click();
    await page.getByTestId('price-check-table').waitFor();
    const total = new Intl.NumberFormat('ar', { style: 'currency', currency: 'PKR', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(400);
    expect(await page.getByTestId('price-check-subtotal').innerText()).toBe(total);
    expect(await page.getByTestId('price-kind').innerText()).toBe('سعر عقدك (المرجع C-9)');
    await shot('store-price-check-ar');
    await page.evaluate(() => localStorage.setItem('precis.lang', 'en'));
  });
});
