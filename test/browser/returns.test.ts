import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBuyer, makeCompany, makeStaff, TEST_PASSWORD } from '../helpers/auth.ts';
import { insertOrder } from '../returns/orders-fixture.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

/**
 * A buyer opens a delivered order, asks to return two bags of one line with a comment, sees the
 * return number at once and follows it on the return page — in English, and in Urdu right to left.
 */
describe('return request from a delivered order', { retry: 0, timeout: 90_000 }, () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
  }, 120_000);
  afterAll(async () => env?.close());

  const journeys = [
    { lang: 'en', locale: 'en-US', dir: 'ltr', button: 'Return items', requested: 'requested. We will email you', status: 'Requested', reason: 'Damaged' },
    { lang: 'ur', locale: 'ur-PK', dir: 'rtl', button: 'اشیاء واپس کریں', requested: 'کی درخواست دے دی گئی', status: 'درخواست موصول', reason: 'خراب حالت میں' },
  ] as const;

  for (const j of journeys) {
    it(`${j.lang}: returns part of a delivered line and sees the request on the return page`, async () => {
      const company = await makeCompany(env.t, { currency: 'PKR' });
      const { user, email } = await makeBuyer(env.t, { companyId: company.id, role: 'buyer', name: 'Bilal Ahmed' });
      const order = await insertOrder(env.database, {
        companyId: company.id,
        placedBy: user.id,
        status: 'delivered',
        lines: [
          { sku: 'CEM-50', name: 'Portland cement 50 kg', quantity: 10, unitPrice: 150_000 },
          { sku: 'BRK-1', name: 'Red brick', quantity: 200, unitPrice: 2_000, shipped: 0 },
        ],
      });

      const page = await env.newPage({ locale: j.locale });
      await page.goto('/sign-in');
      await page.locator('input[name=email]').fill(email);
      await page.locator('input[name=password]').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('account-menu').waitFor();

      await page.goto(`/account/orders/${order.id}`);
      await page.getByTestId('order-returns').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(j.dir);
      expect(await page.getByTestId('return-open').innerText()).toBe(j.button);
      await page.getByTestId('return-open').click();
      await page.getByTestId('return-form').waitFor();

      // The unshipped line cannot be returned; the cement line takes 2 of its 10.
      const cement = page.getByTestId('return-line').filter({ hasText: 'CEM-50' });
      const bricks = page.getByTestId('return-line').filter({ hasText: 'BRK-1' });
      expect(await bricks.getByTestId('return-qty').isDisabled()).toBe(true);
      expect(await cement.getByTestId('return-reason').inputValue()).toBe(j.reason);
      await cement.getByTestId('return-qty').fill('2');
      await page.getByTestId('return-comment').fill('Two bags arrived torn');
      await page.getByTestId('return-submit').click();

      const done = page.getByTestId('return-requested');
      await done.waitFor();
      expect(await done.innerText()).toContain(j.requested);
      const number = /RMA-\d+/.exec(await done.innerText())?.[0];
      expect(number).toBeDefined();
      const row = page.getByTestId('order-return').filter({ hasText: number ?? '' });
      await row.waitFor();
      expect((await row.getByTestId('return-status').textContent())?.trim()).toBe(j.status); // badges are upper-cased by CSS only

      const [line] = await env.database.query<{ quantity_returned: number }>('select quantity_returned from order_lines where order_id = $1 and line_no = 1', [order.id]);
      expect(line?.quantity_returned).toBe(2);

      await row.getByRole('link').click();
      await page.getByTestId('return-page').waitFor();
      expect(await page.getByTestId('return-number').innerText()).toBe(number);
      expect(await page.getByTestId('return-status').getAttribute('data-status')).toBe('requested');
      expect((await page.getByTestId('return-status').textContent())?.trim()).toBe(j.status);
      expect(await page.getByTestId('return-lines').innerText()).toContain('Portland cement 50 kg');
      expect(await page.getByTestId('return-lines').innerText()).toContain(j.reason);
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(j.dir);

      // Staff approve it in the admin console; the buyer's return page then says so.
      const { email: staffEmail } = await makeStaff(env.t, { role: 'sales_rep' });
      const admin = await env.newPage();
      await admin.goto('/admin/sign-in');
      await admin.locator('input[name=email]').fill(staffEmail);
      await admin.locator('input[name=password]').fill(TEST_PASSWORD);
      await admin.getByTestId('sign-in-submit').click();
      await admin.waitForURL((url) => !url.pathname.includes('sign-in'));
      await admin.goto('/admin/returns');
      await admin.getByTestId('admin-return-row').filter({ hasText: number ?? '' }).getByRole('link', { name: number ?? '' }).click();
      await admin.getByTestId('return-approve').click();
      await admin.getByTestId('return-action-text').fill('Send both bags back with the driver');
      await admin.getByTestId('return-action-confirm').click();
      await expect.poll(() => admin.getByTestId('admin-return').getAttribute('data-status')).toBe('approved');
      await page.reload();
      await expect.poll(() => page.getByTestId('return-status').getAttribute('data-status')).toBe('approved');
    });
  }
});
