import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { formatMoney, formatNumber } from '../../web/ui/format.ts';
import { makeBuyer, TEST_PASSWORD } from '../helpers/auth.ts';
import { cartStore } from '../carts/fixture.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS; // a directory: save screenshots of key pages there

type Messages = Record<string, Record<string, string>>;
const messages = (lang: string) => JSON.parse(readFileSync(`web/i18n/${lang}.json`, 'utf8')) as Messages;
/** A translation with its {{placeholders}} filled, as i18next renders it. */
const tr = (m: Messages, key: string, vars: Record<string, string> = {}) => {
  const [ns, k] = key.split('.') as [string, string];
  return (m[ns]?.[k] ?? key).replace(/\{\{(\w+)\}\}/g, (_, v: string) => vars[v] ?? '');
};

describe('quick order from pasted SKUs, in a real browser', { retry: 0, timeout: 120_000 }, () => {
  let env: BrowserEnv;
  let store: Awaited<ReturnType<typeof cartStore>>;

  beforeAll(async () => {
    env = await startBrowserEnv();
    store = await cartStore(env.t);
  }, 120_000);
  afterAll(async () => env?.close());

  for (const lang of ['en', 'ur'] as const) {
    it(`previews pasted lines with per-line errors and adds the valid ones to the cart (${lang}${lang === 'ur' ? ', right to left' : ''})`, async () => {
      const m = messages(lang);
      const money = (amount: number) => formatMoney({ amount, currency: 'PKR' }, lang);
      const num = (n: number) => formatNumber(n, lang);
      const buyer = await makeBuyer(env.t, { companyId: store.builder.company.id, role: 'buyer', name: `Quick ${lang}` });
      const page: Page = await env.newPage();
      await page.goto('/sign-in');
      await page.evaluate((l) => localStorage.setItem('precis.lang', l), lang);
      await page.goto('/sign-in');
      await page.locator('input[name=email]').fill(buyer.email);
      await page.locator('input[name=password]').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('account-menu').waitFor();

      // Through the header: Ordering → Quick order.
      await page.getByTestId('ordering-menu').click();
      await page.getByTestId('quick-order-link').click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe(lang === 'ur' ? 'rtl' : 'ltr');
      await page.getByTestId('quick-order-input').fill('sfp-1\t60\nNOPE-7 2\nSFP-10, 3\nSFP-1 40\nSFP-2 lots');
      await page.getByTestId('quick-order-preview-button').click();
      await page.getByTestId('quick-order-preview').waitFor();

      const lines = page.getByTestId('quick-order-line');
      expect(await lines.count()).toBe(4);
      const row = (sku: string) => lines.filter({ has: page.locator(`text="${sku}"`) });
      // The two SFP-1 lines are merged into one line of 100 (volume price), with no problem.
      expect(await row('SFP-1').getByTestId('line-problem').count()).toBe(0);
      expect(await row('SFP-1').getByTestId('quick-order-merged').innerText()).toBe(tr(m, 'quickOrder.merged', { lines: `${num(1)}, ${num(4)}` }));
      expect(await row('NOPE-7').getByTestId('line-problem').innerText()).toBe(tr(m, 'cart.problem_SKU_UNKNOWN'));
      expect(await row('SFP-10').getByTestId('line-problem').allInnerTexts()).toEqual([
        tr(m, 'cart.problem_QUANTITY_BELOW_MIN', { limit: num(5) }),
        tr(m, 'cart.problem_QUANTITY_NOT_INCREMENT', { limit: num(5) }),
      ]);
      expect(await row('SFP-2').getByTestId('line-problem').innerText()).toBe(tr(m, 'cart.problem_QUANTITY_INVALID'));
      expect(await page.getByTestId('quick-order-subtotal').innerText()).toBe(money(792_000 + 3 * 50_000));
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/quick-order-preview-${lang}.png`, fullPage: true });

      // Only the valid line goes to the (new) current cart.
      await page.getByTestId('quick-order-add').click();
      await page.getByTestId('quick-order-added').waitFor();
      await page.getByTestId('quick-order-view-cart').click();
      await page.getByTestId('cart-table').waitFor();
      const cartLines = page.getByTestId('cart-line');
      expect(await cartLines.count()).toBe(1);
      expect(await cartLines.first().getAttribute('data-sku')).toBe('SFP-1');
      expect(await cartLines.first().getByTestId('cart-line-quantity').inputValue()).toBe('100');
      expect(await page.getByTestId('cart-subtotal').innerText()).toBe(money(792_000));

      // Inline quantity edit re-validates: 7 of SFP-2 is more than the 5 in stock.
      await page.goto('/quick-order');
      await page.getByTestId('quick-order-input').fill('SFP-2 5');
      await page.getByTestId('quick-order-preview-button').click();
      await page.getByTestId('quick-order-add').click();
      await page.getByTestId('quick-order-view-cart').click();
      const sfp2 = page.getByTestId('cart-line').filter({ has: page.locator('text="SFP-2"') });
      await sfp2.getByTestId('cart-line-quantity').fill('7');
      await sfp2.getByTestId('cart-line-quantity').press('Enter');
      await expect.poll(() => sfp2.getByTestId('line-problem').allInnerTexts()).toEqual([tr(m, 'cart.problem_INSUFFICIENT_STOCK', { limit: num(5) })]);
      expect(await page.getByTestId('cart-subtotal').innerText()).toBe(money(792_000 + 7 * 10_000));
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/cart-${lang}.png`, fullPage: true });
      await page.context().close();
    });
  }
});
