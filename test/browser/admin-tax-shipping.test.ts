import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { systemCtx } from '../../src/modules/accounts/index.ts';
import { createShippingMethod } from '../../src/modules/shipping/index.ts';
import { makeStaff, TEST_PASSWORD } from '../helpers/auth.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS;

describe('admin console: tax rates and shipping methods in a real browser', { retry: 0, timeout: 120_000 }, () => {
  let env: BrowserEnv;
  let page: Page;
  let staffEmail: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    staffEmail = (await makeStaff(env.t, { role: 'admin', name: 'Sara Admin' })).email;
    await createShippingMethod(systemCtx(env.database.db), {
      name: 'Standard delivery',
      carrier: 'TCS',
      currency: 'PKR',
      freeThreshold: 25_000_000,
      estimatedDays: { min: 2, max: 4 },
      zones: [{ country: 'PK', region: '' }],
      bands: [{ maxGrams: 1_000, amount: 25_000 }],
    });
    page = await env.newPage();
  }, 180_000);
  afterAll(async () => env?.close());

  it('adds the German reduced VAT rate from the tax rates page', async () => {
    await page.goto('/admin/tax-rates');
    await page.waitForURL(/\/admin\/sign-in/);
    await page.locator('input[name=email]').fill(staffEmail);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('**/admin/tax-rates');
    await page.getByTestId('empty-state').waitFor();

    await page.getByTestId('tax-rate-add').click();
    await page.getByTestId('tax-rate-country').click();
    await page.getByTestId('tax-rate-country').fill('Germany');
    await page.getByRole('option', { name: 'Germany' }).click();
    await page.getByTestId('tax-rate-class').fill('reduced');
    await page.getByTestId('tax-rate-percent').fill('7');
    await page.getByTestId('tax-rate-label').fill('MwSt. 7%');
    await page.getByTestId('tax-rate-save').click();
    await page.getByTestId('tax-rates').getByText('MwSt. 7%').waitFor();
    const rows = await env.app.inject({ url: '/api/admin/tax-rates?country=DE', headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(rows.json().items).toMatchObject([{ country: 'DE', region: null, taxClass: 'reduced', rateBp: 700, label: 'MwSt. 7%' }]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/admin-tax-rates.png`, fullPage: true });
  });

  it('adds a heavier weight band to a shipping method', async () => {
    await page.goto('/admin/shipping-methods');
    await page.getByTestId('shipping-methods').getByText('Standard delivery').click();
    await page.getByTestId('shipping-add-band').click();
    await page.getByTestId('shipping-band-kg-1').fill('20');
    await page.getByTestId('shipping-band-price-1').fill('1500');
    await page.getByTestId('shipping-save').click();
    await expect.poll(() => page.getByTestId('shipping-methods').innerText()).toContain('20 kg');
    const list = await env.app.inject({ url: '/api/admin/shipping-methods', headers: { cookie: (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; ') } });
    expect(list.json().items[0].bands).toEqual([
      { maxGrams: 1_000, amount: 25_000 },
      { maxGrams: 20_000, amount: 150_000 },
    ]);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/admin-shipping.png`, fullPage: true });
  });
});
