import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { App } from '../../src/app.ts';
import { makeCompany, makeStaff, staffSession, TEST_PASSWORD, type SignedIn } from '../helpers/auth.ts';
import { createStoreCatalog } from './fixtures.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS;

async function api<T>(app: App, staff: SignedIn, method: 'POST' | 'PUT', url: string, payload: unknown): Promise<T> {
  const res = await app.inject({ method, url, payload: payload as Record<string, unknown>, headers: staff.headers });
  if (res.statusCode >= 300) throw new Error(`${method} ${url} → ${res.statusCode} ${res.body}`);
  return res.json() as T;
}

describe('admin console: price as a company and contract prices in a real browser', { retry: 0, timeout: 90_000 }, () => {
  let env: BrowserEnv;
  let page: Page;
  let staffEmail: string;
  let companyId: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    staffEmail = (await makeStaff(env.t, { role: 'admin', name: 'Hamza Sheikh' })).email;
    const staff = await staffSession(env.t);
    await createStoreCatalog(env.app, staff);
    const company = await makeCompany(env.t, { legalName: 'Indus Construction Ltd', industry: 'construction', country: 'PK' });
    companyId = company.id;
    // Base list 2,500.00 PKR (2,200.00 from 100), and a list for this company at 2,400.00.
    const base = await api<{ id: string }>(env.app, staff, 'POST', '/api/admin/price-lists', { name: 'Base PKR', currency: 'PKR', status: 'active', kind: 'base' });
    await api(env.app, staff, 'PUT', `/api/admin/price-lists/${base.id}/entries`, { items: [{ sku: 'HAM-CLAW-16', unitPrice: 250_000, tiers: [{ minQty: 100, unitPrice: 220_000 }] }] });
    const own = await api<{ id: string }>(env.app, staff, 'POST', '/api/admin/price-lists', {
      name: 'Indus account prices', currency: 'PKR', status: 'active', priority: 10, targets: [{ type: 'company', companyId, includeDescendants: false }],
    });
    await api(env.app, staff, 'PUT', `/api/admin/price-lists/${own.id}/entries`, { items: [{ sku: 'HAM-CLAW-16', unitPrice: 240_000 }] });
    page = await env.newPage();
  }, 180_000);
  afterAll(async () => env?.close());

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };
  const unitPrice = () => page.getByTestId('trace-unit-price').innerText();

  it('prices as the company from its page: the winning list, and why the base list lost', async () => {
    await page.goto(`/admin/companies/${companyId}`);
    await page.waitForURL(/\/admin\/sign-in\?next=/);
    await page.locator('input[name=email]').fill(staffEmail);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL(`**/admin/companies/${companyId}`);

    await page.getByTestId('price-as-company').click();
    await page.waitForURL(/\/admin\/price-trace\?companyId=cmp_/);
    await expect.poll(() => page.getByTestId('trace-company').inputValue()).toBe('Indus Construction Ltd');

    const product = page.getByTestId('product-picker');
    await product.click();
    await product.fill('Claw');
    await page.getByRole('option', { name: 'Claw Hammer', exact: true }).click();
    const sku = page.getByTestId('sku-picker');
    await sku.click();
    await page.getByRole('option', { name: /^HAM-CLAW-16/ }).click();

    await expect.poll(unitPrice).toContain('2,400.00');
    expect(await page.getByTestId('trace-winner').innerText()).toContain('Indus account prices');
    const trace = page.getByTestId('trace-table');
    const baseRow = trace.locator('tr[data-row]', { hasText: 'Base PKR' });
    expect(await baseRow.textContent()).toContain('Lost');
    expect(await baseRow.textContent()).toContain('2,500.00');
    expect(await page.getByTestId('trace-company-groups').innerText()).toContain('no customer group');

    // At 100 units the base list's tier (2,200.00) undercuts the company list under "lowest".
    await page.getByTestId('trace-qty').fill('100');
    await expect.poll(unitPrice).toContain('2,200.00');
    expect(await page.getByTestId('trace-summary').innerText()).toContain('From 100 units');
    // …and under "priority" the company's own list wins whatever the price.
    await page.getByTestId('trace-strategy').getByText('Priority', { exact: true }).click();
    await expect.poll(unitPrice).toContain('2,400.00');
    await shot('admin-price-trace');
  });

  it('adds a contract price on the company page, with errors on the right field, and sees it win in the trace', async () => {
    await page.goto(`/admin/companies/${companyId}`);
    await page.getByTestId('tab-contract-prices').click();
    await page.getByTestId('empty-state').waitFor();
    await page.getByTestId('add-contract').click();

    await page.locator('input[name=sku]').fill('NOPE-404');
    await page.locator('input[name=reference]').fill('K-2026-77');
    await page.locator('input[name=unitPrice]').fill('1999.001');
    await page.locator('input[name=validTo]').fill('2030-12-31');
    await page.getByTestId('save-contract').click();
    // The amount is checked before sending: PKR has two decimals.
    const priceField = page.locator('.mantine-InputWrapper-root', { has: page.locator('input[name=unitPrice]') });
    await expect.poll(() => priceField.innerText()).toContain('at most 2 decimals');

    await page.locator('input[name=unitPrice]').fill('1,999.00');
    await page.getByTestId('save-contract').click();
    const skuField = page.locator('.mantine-InputWrapper-root', { has: page.locator('input[name=sku]') });
    await expect.poll(() => skuField.innerText()).toContain('No such variant');

    await page.locator('input[name=sku]').fill('HAM-CLAW-16');
    await page.getByTestId('add-tier').click();
    await page.getByTestId('tier-row').locator('input').nth(0).fill('50');
    await page.getByTestId('tier-row').locator('input').nth(1).fill('1900');
    await page.getByTestId('save-contract').click();
    const table = page.getByTestId('contract-prices');
    await table.waitFor();
    const row = table.locator('tr[data-row]', { hasText: 'HAM-CLAW-16' });
    const text = await row.innerText();
    expect(text).toContain('1,999.00');
    expect(text).toContain('K-2026-77');
    expect(text).toContain('from 50');
    expect(await row.getByTestId('expired').count()).toBe(0);
    await shot('admin-contract-prices');

    await row.getByRole('link').click();
    await page.waitForURL(/\/admin\/price-trace\?companyId=cmp_.*sku=HAM-CLAW-16/);
    await expect.poll(unitPrice).toContain('1,999.00');
    expect(await page.getByTestId('trace-source').textContent()).toBe('Contract');
    expect(await page.getByTestId('trace-summary').innerText()).toContain('K-2026-77');
    const won = page.getByTestId('trace-table').locator('tr[data-row]').first();
    expect(await won.textContent()).toContain('Won');
    await shot('admin-price-trace-contract');
  });

  it('deletes the contract price (the trace falls back to the company list) and marks an expired one', async () => {
    await page.goto(`/admin/companies/${companyId}`);
    await page.getByTestId('tab-contract-prices').click();
    await page.getByTestId('delete-contract').click();
    await page.getByTestId('empty-state').waitFor();

    // An expired contract stays listed, marked as such, and prices nothing.
    const staff = await staffSession(env.t);
    await api(env.app, staff, 'POST', `/api/admin/companies/${companyId}/contract-prices`, { sku: 'HAM-CLAW-16', currency: 'PKR', unitPrice: 100_000, reference: 'K-2019-01', validTo: '2020-06-30T23:59:59Z' });
    await page.reload();
    await page.getByTestId('tab-contract-prices').click();
    const expired = page.getByTestId('contract-prices').locator('tr[data-row]', { hasText: 'K-2019-01' });
    expect(await expired.getByTestId('expired').textContent()).toBe('Expired');

    await page.goto(`/admin/price-trace?companyId=${companyId}&sku=HAM-CLAW-16`);
    await expect.poll(unitPrice).toContain('2,400.00');
    expect(await page.getByTestId('trace-table').textContent()).not.toContain('K-2026-77');
    expect(await page.getByTestId('trace-table').locator('tr[data-row]', { hasText: 'K-2019-01' }).textContent()).toContain('Did not apply');
  });

  it("shows the company's groups and prices as if it were in none of them", async () => {
    const staff = await staffSession(env.t);
    const group = await api<{ id: string }>(env.app, staff, 'POST', '/api/admin/customer-groups', { name: 'Construction trade' });
    await api(env.app, staff, 'POST', `/api/admin/customer-groups/${group.id}/static-members/${companyId}`, {});
    const list = await api<{ id: string }>(env.app, staff, 'POST', '/api/admin/price-lists', {
      name: 'Construction trade prices', currency: 'PKR', status: 'active', targets: [{ type: 'group', groupId: group.id }],
    });
    await api(env.app, staff, 'PUT', `/api/admin/price-lists/${list.id}/entries`, { items: [{ sku: 'HAM-CLAW-16', unitPrice: 230_000 }] });

    await page.goto(`/admin/price-trace?companyId=${companyId}&sku=HAM-CLAW-16`);
    await expect.poll(unitPrice).toContain('2,300.00');
    expect(await page.getByTestId('trace-source').textContent()).toBe('Group list');
    await expect.poll(() => page.getByTestId('trace-company-groups').innerText()).toContain('Construction trade');

    // What if it were in no group: the group list no longer reaches it.
    await page.getByTestId('trace-what-if').click();
    await page.locator('.mantine-Pill-remove').first().click();
    await expect.poll(unitPrice).toContain('2,400.00');
    expect(await page.getByTestId('trace-table').textContent()).not.toContain('Construction trade prices');
    await shot('admin-price-trace-what-if');
  });
});
