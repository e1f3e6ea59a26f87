import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { TEST_PASSWORD } from '../helpers/auth.ts';
import { checkoutStore } from '../orders/fixture.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

/**
 * A buyer checks out a cart on account with a PO number — in English, and in Urdu right-to-left —
 * and lands on the order page: number, "placed", the PO and the on-account payment.
 */
describe('checkout on account with a PO number', { retry: 0, timeout: 120_000 }, () => {
  let env: BrowserEnv;
  let s: Awaited<ReturnType<typeof checkoutStore>>;

  beforeAll(async () => {
    env = await startBrowserEnv();
    s = await checkoutStore(env.t);
  }, 180_000);
  afterAll(async () => env?.close());

  const journeys = [
    { lang: 'en', locale: 'en-US', dir: 'ltr', title: 'Checkout', placed: 'Placed', thanks: 'Thank you!' },
    { lang: 'ur', locale: 'ur-PK', dir: 'rtl', title: 'چیک آؤٹ', placed: 'موصول', thanks: 'شکریہ!' },
  ] as const;

  for (const j of journeys) {
    it(`${j.lang}: chooses ship-to and shipping, enters a PO number, places the order on Net 30`, async () => {
      const cartId = await s.cartWith(s.builder, [{ sku: 'SFP-1', quantity: 2 }, { sku: 'SFP-10', quantity: 5 }], `Site order ${j.lang}`);
      const po = `PO-${j.lang.toUpperCase()}-4411`;

      const page: Page = await env.newPage({ locale: j.locale });
      await page.goto('/sign-in');
      await page.locator('input[name=email]').fill(s.builder.email);
      await page.locator('input[name=password]').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('account-menu').waitFor();

      await page.goto(`/checkout/${cartId}`);
      await page.getByTestId('checkout-page').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(j.dir);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(j.title);
      expect(await page.getByTestId('checkout-line').count()).toBe(2);
      expect(await page.getByTestId('ship-to-option').count()).toBe(2);
      expect(await page.getByTestId('shipping-option').count()).toBe(1);
      // On account is offered and chosen: the company has Net 30 terms and credit.
      expect(await page.getByTestId('pay-account').isChecked()).toBe(true);
      const total = await page.getByTestId('checkout-total').innerText();

      await page.getByTestId('checkout-po').fill(po);
      await page.getByTestId('checkout-notes').fill('Deliver to gate 4');
      await page.getByTestId('place-order').click();

      await page.getByTestId('order-page').waitFor();
      expect(await page.getByTestId('order-placed').innerText()).toContain(j.thanks);
      expect(await page.getByTestId('order-number').innerText()).toMatch(/^SO-\d{6,}$/);
      expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('placed');
      expect(await page.getByTestId('order-status').textContent()).toBe(j.placed);
      expect(await page.getByTestId('order-po').innerText()).toBe(po);
      expect(await page.getByTestId('order-total').innerText()).toBe(total);
      expect(await page.getByTestId('order-line').count()).toBe(2);

      const [row] = await env.database.query<{ status: string; payment_method: string; payment_terms: string }>('select status, payment_method, payment_terms from orders where po_number = $1', [po]);
      expect(row).toEqual({ status: 'placed', payment_method: 'account', payment_terms: 'net30' });
    });
  }
});
