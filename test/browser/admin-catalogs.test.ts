import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { loginBuyer, makeBuyer, makeCompany, makeStaff, staffSession, TEST_PASSWORD, type SignedIn } from '../helpers/auth.ts';
import { createStoreCatalog } from './fixtures.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS;

/**
 * A catalog manager hides a category from a customer group in the admin console; a buyer of a
 * company in that group no longer sees it in the store, a buyer elsewhere still does.
 */
describe('admin console: shared catalogs', { retry: 0, timeout: 90_000 }, () => {
  let env: BrowserEnv;
  let page: Page;
  let managerEmail: string;
  let groupBuyer: SignedIn;
  let otherBuyer: SignedIn;

  beforeAll(async () => {
    env = await startBrowserEnv();
    managerEmail = (await makeStaff(env.t, { role: 'catalog_manager', name: 'Hina Qureshi' })).email;
    const admin = await staffSession(env.t);
    await createStoreCatalog(env.app, admin);
    const builders = await makeCompany(env.t, { legalName: 'Karachi Builders' });
    await makeCompany(env.t, { legalName: 'Atlas Holdings' });
    const other = await makeCompany(env.t, { legalName: 'Crescent Hardware' });
    const group = await env.app.inject({ method: 'POST', url: '/api/admin/customer-groups', payload: { name: 'Construction' }, headers: admin.headers });
    await env.app.inject({ method: 'POST', url: `/api/admin/customer-groups/${group.json().id}/static-members/${builders.id}`, headers: admin.headers });
    const b1 = await makeBuyer(env.t, { companyId: builders.id });
    const b2 = await makeBuyer(env.t, { companyId: other.id });
    groupBuyer = await loginBuyer(env.app, b1.email, b1.password);
    otherBuyer = await loginBuyer(env.app, b2.email, b2.password);
    page = await env.newPage();
  }, 120_000);
  afterAll(async () => env?.close());

  const shot = async (name: string) => {
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  };
  const storeNames = async (who: SignedIn) =>
    ((await env.app.inject({ method: 'GET', url: '/api/store/products', headers: { cookie: who.cookie } })).json().items as { name: string }[]).map((i) => i.name).sort();
  /** Opens a Mantine select (by test id within `scope`), types, and picks the option. */
  const choose = async (input: ReturnType<Page['getByTestId']>, text: string, option: string) => {
    await input.click();
    await input.fill(text);
    await page.getByRole('option', { name: option, exact: true }).click();
  };
  const visibleCount = () => page.getByTestId('visible-count').getAttribute('data-count');

  it('starts from an empty list that explains what a catalog does', async () => {
    await page.goto('/admin/catalogs');
    await page.waitForURL(/\/admin\/sign-in/);
    await page.locator('input[name=email]').fill(managerEmail);
    await page.locator('input[name=password]').fill(TEST_PASSWORD);
    await page.getByTestId('sign-in-submit').click();
    await page.waitForURL('**/admin/catalogs');
    await page.getByTestId('empty-state').waitFor();
    expect(await page.getByTestId('empty-state').innerText()).toContain('hide Plumbing from a customer group');
    await shot('admin-catalogs-empty');
  });

  it('creates a catalog hiding Screwdrivers from the Construction group, with a live count', async () => {
    await page.getByTestId('new-catalog').first().click();
    await page.waitForURL('**/admin/catalogs/new');
    await page.locator('input[name=name]').fill('No screwdrivers for construction');
    // No rule yet: the catalog shows every product.
    await expect.poll(visibleCount).toBe('4');
    await page.getByTestId('add-exclude').click();
    await choose(page.getByTestId('exclude-rules').getByTestId('rule-value'), 'Screw', 'Hand Tools › Screwdrivers');
    await expect.poll(visibleCount).toBe('3');
    expect(await page.getByTestId('visible-sample').innerText()).not.toContain('Phillips Screwdriver');

    await page.getByTestId('catalog-status-control').getByText('Active').click();
    await choose(page.getByTestId('catalog-groups'), 'Constr', 'Construction');
    await page.keyboard.press('Escape');
    await page.getByTestId('add-company').click();
    await choose(page.getByTestId('company-picker'), 'Atlas', 'Atlas Holdings');
    await page.getByTestId('include-descendants').check();
    await shot('admin-catalog-editor');
    await page.getByTestId('save-catalog').click();
    await page.waitForURL('**/admin/catalogs');

    const row = page.getByTestId('catalogs-table').getByRole('row', { name: /No screwdrivers for construction/ });
    await row.waitFor();
    const text = await row.innerText();
    expect(await row.getByTestId('catalog-status').textContent()).toBe('Active');
    expect(text).toContain('Shows every product');
    expect(text).toContain('Hides categories (1)');
    expect(text).toContain('Groups (1) · Companies (1)');
    // "What does a company see?": the catalog reaches Karachi Builders through its group.
    await choose(page.getByTestId('visibility-company'), 'Karachi', 'Karachi Builders');
    await page.getByTestId('reaching-catalogs').waitFor();
    expect(await page.getByTestId('reaching-catalogs').innerText()).toContain('No screwdrivers for construction — through the group Construction');
    expect(await page.getByTestId('company-visible-count').textContent()).toBe('Visible products: 3');
    await shot('admin-catalogs-list');

    // The store, on the very next request: the group's buyer sees no screwdriver, others still do.
    expect(await storeNames(groupBuyer)).toEqual(['Ball Pein Hammer', 'Claw Hammer', 'Sledge Hammer']);
    expect(await storeNames(otherBuyer)).toContain('Phillips Screwdriver');
  });

  it('edits the catalog: an include rule narrows it, the exclude rule still wins', async () => {
    await page.getByTestId('catalogs-table').getByText('No screwdrivers for construction').click();
    await page.waitForURL(/\/admin\/catalogs\/ctl_/);
    await expect.poll(visibleCount).toBe('3');
    await page.getByTestId('add-include').click();
    const include = page.getByTestId('include-rules');
    await include.getByTestId('rule-kind').click();
    await page.getByRole('option', { name: 'Brand', exact: true }).click();
    await choose(include.getByTestId('rule-value'), 'Stan', 'Stanley');
    // Stanley makes the claw hammer, the ball pein hammer and the (hidden) screwdriver.
    await expect.poll(visibleCount).toBe('2');
    await page.getByTestId('save-catalog').click();
    await page.waitForURL('**/admin/catalogs');
    expect(await storeNames(groupBuyer)).toEqual(['Ball Pein Hammer', 'Claw Hammer']);
  });

  it('shows the reason next to the name when a catalog cannot be saved', async () => {
    await page.getByTestId('new-catalog').first().click();
    await page.locator('input[name=name]').fill('No screwdrivers for construction');
    await page.getByTestId('save-catalog').click();
    await page.locator('.mantine-TextInput-error').first().waitFor();
    expect(await page.locator('.mantine-TextInput-error').first().innerText()).toContain('already exists');
  });

  it('deletes the catalog after confirming: the group sees every product again', async () => {
    await page.goto('/admin/catalogs');
    await page.getByTestId('catalogs-table').getByText('No screwdrivers for construction').click();
    await page.waitForURL(/\/admin\/catalogs\/ctl_/);
    await page.getByTestId('delete-catalog').click();
    await page.getByTestId('confirm-delete').click();
    await page.waitForURL('**/admin/catalogs');
    await page.getByTestId('empty-state').waitFor();
    expect(await storeNames(groupBuyer)).toContain('Phillips Screwdriver');
  });
});
