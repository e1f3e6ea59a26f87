import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginBuyer, makeCompany, makeStaff, staffSession, TEST_PASSWORD } from '../helpers/auth.ts';
import { createStoreCatalog } from './fixtures.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS;

describe('admin console in a real browser', { retry: 0, timeout: 60_000 }, () => {
  let env: BrowserEnv;
  let page: Page;
  let staffEmail: string;

  beforeAll(async () => {
    env = await startBrowserEnv();
    staffEmail = (await makeStaff(env.t, { role: 'admin', name: 'Omar Farooq' })).email;
    // A group with two subsidiaries, one of which has a branch, plus an unrelated company.
    const group = await makeCompany(env.t, { legalName: 'Atlas Group Holdings' });
    const north = await makeCompany(env.t, { legalName: 'Atlas North Trading', parentId: group.id });
    await makeCompany(env.t, { legalName: 'Atlas South Supplies', parentId: group.id });
    await makeCompany(env.t, { legalName: 'Atlas North Lahore Branch', parentId: north.id });
    await makeCompany(env.t, { legalName: 'Crescent Hardware', country: 'AE', currency: 'AED', timezone: 'Asia/Dubai' });
    await createStoreCatalog(env.app, await staffSession(env.t));
    page = await env.newPage();
  }, 120_000);
  afterAll(async () => env?.close());

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };
  const node = (name: string) => page.getByRole('treeitem', { name, exact: true });

  it('sends a signed-out visitor to sign-in, then into the console', async () => {
    await page.goto('/admin/companies');
    await page.waitForURL(/\/admin\/sign-in\?next=/);
    await page.locator('input[name=email]').fill(staffEmail);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await shot('admin-sign-in');
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('**/admin/companies');
    expect(await page.getByTestId('staff-menu').innerText()).toContain('Omar Farooq');
  });

  it('browses the company tree, loading children only when a node is expanded', async () => {
    await node('Atlas Group Holdings').waitFor();
    expect(await page.getByTestId('company-node').count()).toBe(2); // the two top-level companies
    expect(await node('Atlas Group Holdings').getByTestId('child-count').textContent()).toContain('2 subsidiaries');

    await node('Atlas Group Holdings').getByTestId('company-toggle').click();
    await node('Atlas North Trading').waitFor();
    await node('Atlas South Supplies').waitFor();
    expect(await node('Atlas Group Holdings').getAttribute('aria-expanded')).toBe('true');
    expect(await node('Atlas North Lahore Branch').count()).toBe(0);

    // Keyboard: focus the subsidiary, → expands it, ↓ moves to its branch, Enter opens it.
    await node('Atlas North Trading').focus();
    await page.keyboard.press('ArrowRight');
    await node('Atlas North Lahore Branch').waitFor();
    expect(await node('Atlas North Lahore Branch').getAttribute('aria-level')).toBe('3');
    await shot('admin-companies-tree');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/companies\/cmp_/);
    expect(await page.getByTestId('company-title').innerText()).toBe('Atlas North Lahore Branch');
    // Breadcrumbs show where it sits in the hierarchy.
    const crumbs = () => page.locator('.mantine-Breadcrumbs-root').innerText();
    await expect.poll(crumbs).toContain('Atlas Group Holdings');
    expect(await crumbs()).toContain('Atlas North Trading');
  });

  it('creates a company and a buyer for it, who can then sign in to the store', async () => {
    await page.goto('/admin/companies');
    await page.getByTestId('new-company').click();
    await page.locator('input[name=legalName]').fill('Karakoram Tools Pvt Ltd');
    await page.getByTestId('create-company-submit').click();
    await page.waitForURL(/\/admin\/companies\/cmp_/);
    expect(await page.getByTestId('company-title').innerText()).toBe('Karakoram Tools Pvt Ltd');

    await page.getByTestId('add-buyer').click();
    await page.locator('input[name=name]').fill('Bilal Ahmed');
    await page.locator('input[name=email]').fill('bilal@karakoram.test');
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('create-buyer-submit').click();
    await page.getByTestId('company-users').getByText('bilal@karakoram.test').waitFor();
    expect(await page.getByTestId('company-users').innerText()).toContain('Bilal Ahmed');
    await shot('admin-company-detail');

    const session = await loginBuyer(env.app, 'bilal@karakoram.test');
    expect(session.body).toMatchObject({ company: { legalName: 'Karakoram Tools Pvt Ltd' }, user: { name: 'Bilal Ahmed' } });

    // Suspending and reactivating is one click each, reflected at once.
    await page.getByTestId('toggle-status').click();
    await expect.poll(() => page.getByTestId('toggle-status').textContent()).toBe('Reactivate');
    await page.getByTestId('toggle-status').click();
    await expect.poll(() => page.getByTestId('toggle-status').textContent()).toBe('Suspend');

    // The new company is a top-level node in the tree now.
    await page.goto('/admin/companies');
    await node('Karakoram Tools Pvt Ltd').waitFor();
  });

  it('shows why a create failed, naming the field at fault', async () => {
    await page.getByText('Karakoram Tools Pvt Ltd').click();
    await page.getByTestId('add-buyer').click();
    await page.locator('input[name=name]').fill('Sara Malik');
    await page.locator('input[name=email]').fill('sara@karakoram.test');
    await page.locator('input[name=password]').fill('short');
    await page.getByTestId('create-buyer-submit').click();
    const alert = page.getByRole('dialog').getByTestId('error-alert');
    await alert.waitFor();
    expect(await alert.getAttribute('data-code')).toBe('WEAK_PASSWORD');
    expect(await alert.innerText()).toContain('Field: password');
    // The dialog stays open with what was typed, so the buyer can fix just the password.
    expect(await page.locator('input[name=email]').inputValue()).toBe('sara@karakoram.test');
    await page.keyboard.press('Escape');
  });

  it('creates an API key, shows it once, and revokes it', async () => {
    await page.goto('/admin/api-keys');
    await page.getByRole('button', { name: 'Create API key' }).first().click();
    await page.getByLabel('Name').fill('ERP nightly sync');
    await page.getByRole('dialog').getByRole('button', { name: 'Create API key' }).click();
    const key = await page.getByTestId('new-api-key').innerText();
    expect(key).toMatch(/^pk_/);
    await page.getByRole('button', { name: 'Done' }).click();
    await page.getByText('ERP nightly sync', { exact: true }).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(key);

    const ok = await env.app.inject({ url: '/api/integrations/products', headers: { authorization: `Bearer ${key}` } });
    expect(ok.statusCode).toBe(200);
    page.once('dialog', (d) => void d.accept());
    await page.getByRole('button', { name: 'Revoke' }).click();
    await page.getByText('Revoked', { exact: true }).waitFor();
    const refused = await env.app.inject({ url: '/api/integrations/products', headers: { authorization: `Bearer ${key}` } });
    expect(refused.statusCode).toBe(401);
  });

  it('finds a product from the keyboard and opens it for editing', async () => {
    await page.goto('/admin/products');
    await page.getByTestId('products-table').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('sledge');
    await expect.poll(() => page.getByTestId('products-table').locator('tr[data-row]').count()).toBe(1);
    await page.keyboard.press('ArrowDown'); // from the search box into the table
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/admin\/products\/prd_/);
    await page.locator('input[name=name]').waitFor();
    expect(await page.locator('input[name=name]').inputValue()).toBe('Sledge Hammer');
    expect(await page.locator('body').innerText()).toContain('HAM-SLEDGE-4');
  });

  it('corrects on-hand stock in place', async () => {
    await page.goto('/admin/inventory');
    await page.getByRole('button', { name: 'Edit on-hand stock of HAM-CLAW-20' }).click();
    await page.getByLabel('On hand').fill('75');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Edit on-hand stock of HAM-CLAW-20' }).waitFor();
    await expect.poll(() => page.getByRole('button', { name: 'Edit on-hand stock of HAM-CLAW-20' }).innerText()).toBe('75');
    const product = await env.app.inject('/api/store/products/claw-hammer');
    const variant = (product.json() as { variants: { sku: string; available: number }[] }).variants.find((v) => v.sku === 'HAM-CLAW-20');
    expect(variant?.available).toBe(75);
  });

  it('imports stock from a CSV file and lists the rows it rejected', async () => {
    await page.goto('/admin/inventory');
    await page.locator('input[type=file]').setInputFiles({
      name: 'stock.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('sku,warehouse_code,on_hand\nHAM-SLEDGE-4,KHI,44\nHAM-PEIN-12,KHI,-3\n'),
    });
    const dialog = page.getByRole('dialog');
    await dialog.getByText('Import finished').waitFor();
    const text = await dialog.innerText();
    expect(text).toMatch(/1\s*Rejected/);
    expect(text).toContain('on_hand');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Edit on-hand stock of HAM-SLEDGE-4' }).innerText()).toBe('44');
  });

  it('the console follows the language switch into Urdu, right-to-left', async () => {
    await page.getByTestId('language-switcher').click();
    await page.locator('[data-lang="ur"]').click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.locator('nav[aria-label]').innerText()).toContain('کمپنیاں');
    await page.goto('/admin/companies');
    await page.getByTestId('company-tree').waitFor();
    await shot('admin-companies-urdu');
  });
});
