import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeStaff, staffSession, TEST_PASSWORD } from '../helpers/auth.ts';
import { createStoreCatalog } from './fixtures.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS;

describe('admin console: price lists in a real browser', { retry: 0, timeout: 90_000 }, () => {
  let env: BrowserEnv;
  let page: Page;
  let staffEmail: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    staffEmail = (await makeStaff(env.t, { role: 'pricing_manager', name: 'Sana Pricing' })).email;
    const admin = await staffSession(env.t);
    await createStoreCatalog(env.app, admin);
    const group = await env.app.inject({ method: 'POST', url: '/api/admin/customer-groups', headers: admin.headers, payload: { name: 'Construction, Pakistan' } });
    expect(group.statusCode, group.body).toBe(201);
    page = await env.newPage();
  }, 180_000);
  afterAll(async () => env?.close());

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };
  const row = (sku: string) => page.locator(`[data-testid="entries-table"] tr[data-sku="${sku}"]`);

  it('explains price lists when there are none, then creates "Construction 12% off" for a customer group', async () => {
    await page.goto('/admin/price-lists');
    await page.waitForURL(/\/admin\/sign-in/);
    await page.locator('input[name=email]').fill(staffEmail);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('**/admin/price-lists');
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').innerText()).toContain('customer groups');
    await shot('admin-price-lists-empty');

    await page.getByTestId('price-list-new').first().click();
    await page.locator('input[name=name]').fill('Construction 12% off');
    expect(await page.locator('input[name=currency]').inputValue()).toBe('PKR');
    await page.getByTestId('price-list-status').getByText('Active').click();
    await page.getByTestId('target-groups').click();
    await page.getByRole('option', { name: 'Construction, Pakistan' }).click();
    await page.keyboard.press('Escape');
    await shot('admin-price-list-form');
    await page.getByTestId('price-list-save').click();
    await page.waitForURL(/\/admin\/price-lists\/pl_[0-9a-z]+$/);
    await page.getByText('1 group').first().waitFor();
  });

  it('adds entries by SKU and edits one in place with the keyboard', async () => {
    const add = async (sku: string, price: string) => {
      await page.locator('[data-testid=add-entry] input[name=sku]').fill(sku);
      await page.locator('[data-testid=add-entry] input[name=unitPrice]').fill(price);
      await page.locator('[data-testid=add-entry] input[name=unitPrice]').press('Enter');
      await row(sku.toUpperCase()).waitFor();
    };
    await add('HAM-CLAW-16', '1000.00');
    await add('ham-sledge-4', '2500.50');
    expect(await row('HAM-CLAW-16').getByTestId('unit-price').innerText()).toContain('1,000.00');

    // Enter edits the focused row; Esc cancels, Enter saves.
    await row('HAM-CLAW-16').focus();
    await page.keyboard.press('Enter');
    await row('HAM-CLAW-16').getByTestId('edit-tiers').fill('100:900.00');
    await page.keyboard.press('Escape');
    expect(await row('HAM-CLAW-16').getByTestId('tiers').innerText()).toBe('');
    await row('HAM-CLAW-16').focus();
    await page.keyboard.press('Enter');
    await row('HAM-CLAW-16').getByTestId('edit-tiers').fill('100:950.00');
    await page.keyboard.press('Enter');
    await row('HAM-CLAW-16').getByTestId('tiers').getByText('950.00').waitFor();
    await shot('admin-price-list-entries');
  });

  it('previews a −12% change, applies it, and shows the new prices and tiers', async () => {
    await page.getByTestId('adjust-open').click();
    await page.getByTestId('adjust-percent').fill('-12');
    await page.getByTestId('adjust-preview-button').click();
    await page.getByTestId('adjust-preview').waitFor();
    expect(await page.getByTestId('adjust-preview').innerText()).toMatch(/2 entries of 2 will change/);
    expect(await page.getByTestId('adjust-preview').innerText()).toContain('880.00');
    await shot('admin-price-list-adjust');
    // The preview wrote nothing.
    expect(await row('HAM-CLAW-16').getByTestId('unit-price').innerText()).toContain('1,000.00');
    await page.getByTestId('adjust-apply').click();
    await page.getByTestId('adjust-modal').waitFor({ state: 'detached' });
    await row('HAM-CLAW-16').getByTestId('unit-price').getByText('880.00').waitFor();
    // 2,500.50 × 0.88 = 2,200.44; the tier 950.00 × 0.88 = 836.00.
    expect(await row('HAM-SLEDGE-4').getByTestId('unit-price').innerText()).toContain('2,200.44');
    expect(await row('HAM-CLAW-16').getByTestId('tiers').innerText()).toContain('836.00');
  });

  it('imports a small CSV and shows the bad row with its column and reason', async () => {
    await page.locator('input[type=file]').setInputFiles({
      name: 'entries.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('sku,unit_price,tiers\nHAM-PEIN-12,300.00,10:290.00\nSCR-PH2,12.345,\n'),
    });
    await page.getByTestId('import-errors').waitFor();
    const result = await page.getByTestId('import-result').innerText();
    expect(result).toMatch(/1\s*Created/);
    expect(result).toMatch(/1\s*Rejected/);
    const errors = await page.getByTestId('import-errors').innerText();
    expect(errors).toContain('unit_price');
    expect(errors).toContain('PKR has 2 decimal places');
    expect(errors).toMatch(/^\s*3\s/m);
    await shot('admin-price-list-import');
    await page.getByRole('button', { name: 'Done' }).click();
    await row('HAM-PEIN-12').waitFor();
    expect(await row('SCR-PH2').count()).toBe(0);

    // The list page counts the entries and says who the list is for.
    await page.getByRole('navigation').getByRole('link', { name: 'Price lists' }).click();
    const line = page.locator('[data-testid="price-lists-table"] tr[data-row]', { hasText: 'Construction 12% off' });
    await line.waitFor({ timeout: 30_000 });
    // The page may first show the list as cached before the import, then the refetched count.
    await expect.poll(() => line.innerText(), { timeout: 15_000 }).toMatch(/1 group[\s\S]*3/);
  });
});
