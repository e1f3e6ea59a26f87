import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { issueInvoice } from '../../src/modules/invoicing/index.ts';
import { makeStaff, TEST_PASSWORD } from '../helpers/auth.ts';
import { invoicingCompany, placeTestOrder } from '../invoicing/fixture.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

/**
 * A buyer opens the invoices list, ticks an unpaid invoice, tries a declined test card (told so on
 * the card number), pays with 4242 4242 4242 4242 and sees the invoice paid; the statement shows
 * the payment — in English, and in Urdu right to left.
 */
describe('paying an invoice by card', { retry: 0, timeout: 120_000 }, () => {
  let env: BrowserEnv;
  beforeAll(async () => {
    env = await startBrowserEnv();
  }, 120_000);
  afterAll(async () => env?.close());

  const journeys = [
    { lang: 'en', locale: 'en-US', dir: 'ltr', title: 'Invoices', paid: 'Paid', declined: 'Your card was declined', done: 'Payment received' },
    { lang: 'ur', locale: 'ur-PK', dir: 'rtl', title: 'انوائسز', paid: 'ادا شدہ', declined: 'آپ کا کارڈ مسترد ہو گیا', done: 'ادائیگی موصول ہو گئی' },
  ] as const;

  for (const j of journeys) {
    it(`${j.lang}: pays an open invoice with the test card after a declined one`, async () => {
      const buyer = await invoicingCompany(env.t, { legalName: `Indus Traders ${j.lang}` });
      const order = await placeTestOrder(env.t, { companyId: buyer.companyId });
      const { invoice } = await issueInvoice(systemCtx(env.database.db), { orderId: order.id });

      const page = await env.newPage({ locale: j.locale });
      await page.goto('/sign-in');
      await page.locator('input[name=email]').fill(buyer.email);
      await page.locator('input[name=password]').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('account-menu').waitFor();

      await page.goto('/account/invoices');
      await page.getByTestId('invoices-table').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(j.dir);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(j.title);
      const row = page.getByTestId('invoice-row').filter({ hasText: invoice.number });
      await row.getByTestId('invoice-pick').click();
      await page.getByTestId('pay-selected').click();
      await page.getByTestId('card-number').waitFor();

      const fill = async (number: string) => {
        await page.getByTestId('card-number').fill(number);
        await page.getByTestId('card-exp-month').fill('12');
        await page.getByTestId('card-exp-year').fill('2034');
        await page.getByTestId('card-cvc').fill('123');
        await page.getByTestId('pay-submit').click();
      };
      await fill('4000 0000 0000 0002');
      const alert = page.getByTestId('error-alert');
      await alert.waitFor();
      expect(await alert.getAttribute('data-code')).toBe('CARD_DECLINED');
      expect(await alert.innerText()).toContain(j.declined);

      await fill('4242 4242 4242 4242');
      await page.getByTestId('pay-done').waitFor();
      expect(await page.getByTestId('pay-done').innerText()).toContain(j.done);

      const [row2] = await env.database.query<{ status: string; amount_paid: string }>('select status, amount_paid::text from invoices where id = $1', [invoice.id]);
      expect(row2).toEqual({ status: 'paid', amount_paid: String(invoice.total.amount) });

      await page.goto(`/account/invoices/${invoice.id}`);
      await page.getByTestId('invoice-page').waitFor();
      expect(await page.getByTestId('invoice-status').getAttribute('data-status')).toBe('paid');
      expect((await page.getByTestId('invoice-status').textContent())?.trim()).toBe(j.paid);
      expect(await page.getByTestId('invoice-payment').innerText()).toContain('4242');
      const pdf = await page.getByTestId('invoice-pdf').getAttribute('href');
      expect(pdf).toBe(`/api/store/invoices/${invoice.id}/pdf?locale=${j.lang}`);

      await page.goto('/account/statement');
      await page.getByTestId('statement-ageing').waitFor();
      expect(await page.getByTestId('statement-entry').count()).toBe(2);
      expect(await page.getByTestId('statement-entry').nth(1).getAttribute('data-kind')).toBe('payment');
      expect(await page.getByTestId('ageing-bucket').count()).toBe(5);
    });
  }

  it('staff record a bank transfer against an invoice in the admin console', async () => {
    const buyer = await invoicingCompany(env.t, { legalName: 'Karakoram Tools' });
    const order = await placeTestOrder(env.t, { companyId: buyer.companyId });
    const { invoice } = await issueInvoice(systemCtx(env.database.db), { orderId: order.id });
    const { email } = await makeStaff(env.t, { role: 'credit_controller' });
    const page = await env.newPage({ locale: 'en-US' });
    await page.goto(`/admin/invoices/${invoice.id}`);
    await page.waitForURL(/\/admin\/sign-in\?next=/);
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('admin-invoice-page').waitFor();
    await page.getByTestId('record-amount').fill('20');
    await page.getByTestId('record-submit').click();
    // 57.75 due, 20.00 received: the balance follows at once.
    await page.getByTestId('admin-invoice-balance').filter({ hasText: '37.75' }).waitFor();
    const [row] = await env.database.query<{ status: string; amount_paid: string }>('select status, amount_paid::text from invoices where id = $1', [invoice.id]);
    expect(row).toEqual({ status: 'partially_paid', amount_paid: '2000' });
    expect(invoice.total.amount).toBe(5775);
  });
});
