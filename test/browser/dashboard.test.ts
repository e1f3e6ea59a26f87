import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeBuyer, makeCompany, staffSession, TEST_PASSWORD, type SignedIn } from '../helpers/auth.ts';
import { reserveCredit } from '../../src/modules/credit/index.ts';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { newId } from '../../src/lib/ids.ts';
import { insertOrder } from '../returns/orders-fixture.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

/**
 * The buyer's landing page shows the company's figures: credit limit, used and available, open
 * orders, overdue invoices, recent orders (one-click reorder) and open returns — in English and in
 * Urdu right to left.
 */
describe('self-service dashboard', { retry: 0, timeout: 90_000 }, () => {
  let env: BrowserEnv;
  let staff: SignedIn;
  beforeAll(async () => {
    env = await startBrowserEnv();
    staff = await staffSession(env.t);
  }, 120_000);
  afterAll(async () => env?.close());

  const journeys = [
    { lang: 'en', locale: 'en-US', dir: 'ltr', title: 'Your account', overdue: 'overdue', reordered: 'in your cart' },
    { lang: 'ur', locale: 'ur-PK', dir: 'rtl', title: 'آپ کا اکاؤنٹ', overdue: 'گزر چکی ہے', reordered: 'ٹوکری میں' },
  ] as const;

  for (const j of journeys) {
    it(`${j.lang}: credit, open orders, overdue invoices, recent orders and returns add up`, async () => {
      const company = await makeCompany(env.t, { currency: 'PKR', legalName: `Indus Traders ${j.lang}` });
      const { user, email } = await makeBuyer(env.t, { companyId: company.id, role: 'admin', name: 'Sana Malik' });
      const set = await env.app.inject({ method: 'PUT', url: `/api/admin/companies/${company.id}/credit`, headers: staff.headers, payload: { paymentTerms: 'net30', creditLimit: 50_000_000 } });
      expect(set.statusCode, set.body).toBe(200);
      const open = await insertOrder(env.database, { companyId: company.id, placedBy: user.id, status: 'placed', lines: [{ sku: 'A-1', name: 'Steel beam', quantity: 2, unitPrice: 10_000_000, shipped: 0 }] });
      const delivered = await insertOrder(env.database, { companyId: company.id, placedBy: user.id, status: 'delivered', placedAt: new Date(Date.now() - 86_400_000), lines: [{ sku: 'C-1', name: 'Cement', quantity: 4, unitPrice: 500_000 }] });
      await reserveCredit(systemCtx(env.database.db), { companyId: company.id, amount: 20_000_000, currency: 'PKR', ref: { kind: 'order', id: open.id } });
      await env.database.query(
        `insert into invoices (id, number, company_id, order_id, order_number, status, currency, subtotal, total, buyer, seller, issued_at, due_at)
         values ($1, $2, $3, $4, $5, 'overdue', 'PKR', 1200000, 1200000, '{}'::jsonb, '{}'::jsonb, now() - interval '40 days', now() - interval '10 days')`,
        [newId('invoice'), `INV-B${j.lang}`, company.id, delivered.id, delivered.number],
      );

      const page = await env.newPage({ locale: j.locale });
      await page.goto('/sign-in?next=%2Faccount');
      await page.locator('input[name=email]').fill(email);
      await page.locator('input[name=password]').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('dashboard-page').waitFor();
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(j.dir);
      expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(j.title);

      const digits = (s: string) => s.replace(/[^\d]/g, '');
      expect(await page.getByTestId('dashboard-credit').getAttribute('data-on-account')).toBe('true');
      expect(digits(await page.getByTestId('credit-limit').innerText())).toBe('50000000');
      expect(digits(await page.getByTestId('credit-used').innerText())).toBe('20000000');
      expect(digits(await page.getByTestId('credit-available').innerText())).toBe('30000000');
      expect(digits(await page.getByTestId('credit-percent').innerText())).toBe('40');
      expect(digits(await page.getByTestId('open-orders-count').innerText())).toBe('1');
      expect(digits(await page.getByTestId('invoices-overdue').innerText())).toBe('1');
      expect(await page.getByTestId('invoices-overdue-amount').innerText()).toContain(j.overdue);
      expect(digits(await page.getByTestId('invoices-overdue-amount').innerText())).toBe('1200000');
      expect(await page.getByTestId('recent-orders-row').count()).toBe(2);
      expect(await page.getByTestId('recent-orders-row').first().getAttribute('data-order')).toBe(open.number);
      expect(digits(await page.getByTestId('open-returns-count').innerText())).toBe('0');

      // A return requested now shows as open on the next visit.
      const api = await page.request.get('/api/store/auth/me');
      const csrf = ((await api.json()) as { csrfToken: string }).csrfToken;
      const rma = await page.request.post('/api/store/returns', { headers: { 'x-csrf-token': csrf }, data: { orderId: delivered.id, lines: [{ lineNo: 1, quantity: 1, reason: 'damaged' }] } });
      expect(rma.status()).toBe(201);
      await page.reload();
      await page.getByTestId('dashboard-return').waitFor();
      expect(digits(await page.getByTestId('open-returns-count').innerText())).toBe('1');
      expect(await page.getByTestId('dashboard-return').innerText()).toContain(delivered.number);

      await page.getByTestId('recent-orders-row').filter({ hasText: delivered.number }).getByTestId('reorder').click();
      await page.getByTestId('reorder-done').waitFor();
      expect(await page.getByTestId('reorder-done').innerText()).toContain(j.reordered);
    });
  }

  it('greets a buyer of a company without orders or credit with empty states', async () => {
    const company = await makeCompany(env.t, { currency: 'PKR' });
    const { email } = await makeBuyer(env.t, { companyId: company.id, role: 'buyer' });
    const page = await env.newPage();
    await page.goto('/sign-in?next=%2Faccount');
    await page.locator('input[name=email]').fill(email);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.getByTestId('dashboard-page').waitFor();
    expect(await page.getByTestId('dashboard-credit').getAttribute('data-on-account')).toBe('false');
    expect(await page.getByTestId('empty-state').innerText()).toContain('You have not ordered yet.');
    expect(await page.getByTestId('dashboard-returns').innerText()).toContain('No returns in progress.');
  });
});
