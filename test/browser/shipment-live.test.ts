import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { makeBuyer, makeCompany, staffSession, TEST_PASSWORD, type SignedIn } from '../helpers/auth.ts';
import { apiKey, makeOrder, seedStock, type StockFixture } from '../shipments/fixtures.ts';
import { startBrowserEnv, type BrowserEnv } from './harness.ts';

const SHOTS = process.env.PRECIS_SCREENSHOTS; // a directory: save screenshots of key pages there

/**
 * The buyer keeps their order open; the warehouse ships part of it and the carrier pushes a scan.
 * The page shows both without being reloaded — in English, and in Urdu right-to-left.
 */
describe('live shipment updates on the buyer’s order page', { retry: 0, timeout: 90_000 }, () => {
  let env: BrowserEnv;
  let f: StockFixture;
  let staff: SignedIn & { email: string };
  let carrier: { authorization: string };
  let admin: Page;

  beforeAll(async () => {
    env = await startBrowserEnv();
    f = await seedStock(env.database);
    staff = await staffSession(env.t);
    carrier = await apiKey(env.t, staff.headers, ['orders:write']);
    admin = await env.newPage();
    await admin.goto('/admin/sign-in');
    await admin.locator('input[name=email]').fill(staff.email);
    await admin.locator('input[name=password]').fill(TEST_PASSWORD);
    await admin.getByTestId('sign-in-submit').click();
    await admin.waitForURL((url) => !url.pathname.includes('sign-in'));
  }, 120_000);
  afterAll(async () => env?.close());

  const journeys = [
    { lang: 'en', locale: 'en-US', dir: 'ltr', none: 'Nothing has shipped yet', live: 'Live', partly: 'Partly shipped', inTransit: 'In transit', remaining: '3 of 5 items still to ship' },
    { lang: 'ur', locale: 'ur-PK', dir: 'rtl', none: 'ابھی کچھ روانہ نہیں ہوا', live: 'براہِ راست', partly: 'جزوی طور پر روانہ', inTransit: 'راستے میں', remaining: null },
  ] as const;

  for (const j of journeys) {
    it(`${j.lang}: staff ship part of the order and the carrier pushes a scan; the open page updates without reloading`, async () => {
      const company = await makeCompany(env.t, { legalName: `Indus Builders ${j.lang}` });
      const { user, email } = await makeBuyer(env.t, { companyId: company.id, name: 'Ayesha Khan' });
      const order = await makeOrder(env.t, {
        companyId: company.id,
        placedBy: user.id,
        lines: [
          { variantId: f.variant.hammer, quantity: 2, reserveIn: f.warehouse.main.id },
          { variantId: f.variant.nails, quantity: 3, reserveIn: f.warehouse.main.id },
        ],
      });

      const page: Page = await env.newPage({ locale: j.locale });
      await page.goto('/sign-in');
      await page.locator('input[name=email]').fill(email);
      await page.locator('input[name=password]').fill(TEST_PASSWORD);
      await page.getByTestId('sign-in-submit').click();
      await page.getByTestId('account-menu').waitFor();

      await page.goto(`/account/orders/${order.id}`);
      await page.getByTestId('order-page').waitFor();
      await page.getByTestId('order-tracking').waitFor();
      expect(await page.getByTestId('order-status').getAttribute('data-status')).toBe('placed');
      expect(await page.evaluate(() => document.documentElement.dir)).toBe(j.dir);
      await expect.poll(() => page.getByTestId('tracking-live').getAttribute('data-state')).toBe('live');
      expect(await page.getByTestId('tracking-live').textContent()).toBe(j.live); // badges are upper-cased by CSS only
      expect(await page.getByTestId('empty-state').innerText()).toContain(j.none);
      // Anything set on window survives only if the page is never reloaded.
      await page.evaluate(() => Object.assign(window, { precisSameDocument: true }));

      // The warehouse ships the hammers: staff, in the admin console's shipment dialog.
      await admin.goto(`/admin/orders/${order.id}`);
      await admin.getByTestId('shipment-create').click();
      const form = admin.getByTestId('shipment-create-form');
      await form.locator('[data-testid=shipment-create-line][data-sku=NAIL-50] input').fill('0');
      await form.getByLabel('Carrier').fill('TCS');
      await form.getByLabel('Tracking number').fill('TCS-7781');
      await form.getByLabel('Tracking link').fill('https://www.tcsexpress.com/track/TCS-7781');
      await form.getByTestId('shipment-create-submit').click();
      await admin.getByTestId('admin-shipment').waitFor();
      expect(await admin.getByTestId('admin-shipment').getAttribute('data-shipment')).toBe(`${order.number}-1`);
      if (SHOTS) await admin.screenshot({ path: `${SHOTS}/shipment-admin-${j.lang}.png`, fullPage: true });
      const [shippedRow] = await env.database.query<{ id: string }>('select id from shipments where order_id = $1', [order.id]);
      const shipment = page.getByTestId('shipment');
      await shipment.waitFor();
      expect(await shipment.getByTestId('shipment-carrier').innerText()).toBe('TCS');
      expect(await shipment.getByTestId('shipment-tracking-link').getAttribute('href')).toBe('https://www.tcsexpress.com/track/TCS-7781');
      // The order's own status badge follows too (the page re-reads the order on every notice).
      await expect.poll(() => page.getByTestId('order-status').getAttribute('data-status')).toBe('partially_shipped');
      expect(await page.getByTestId('order-status').textContent()).toBe(j.partly);
      if (j.remaining) expect(await page.getByTestId('tracking-summary').innerText()).toBe(j.remaining);

      // The carrier pushes a scan (integration API key).
      const scan = await env.app.inject({
        method: 'POST',
        url: `/api/integrations/shipments/${shippedRow?.id}/tracking-events`,
        headers: carrier,
        payload: { externalId: 'SCAN-1', status: 'in_transit', location: 'Karachi hub', description: 'Departed sorting facility', occurredAt: new Date().toISOString() },
      });
      expect(scan.statusCode, scan.body).toBe(201);
      const event = page.getByTestId('tracking-event').first();
      await event.waitFor();
      expect(await event.getAttribute('data-status')).toBe('in_transit');
      expect(await event.innerText()).toContain(j.inTransit);
      expect(await event.innerText()).toContain('Karachi hub');
      expect(await shipment.getByTestId('shipment-status').textContent()).toBe(j.inTransit);

      expect(await page.evaluate(() => 'precisSameDocument' in window)).toBe(true);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/shipment-live-${j.lang}.png`, fullPage: true });
    });
  }
});
