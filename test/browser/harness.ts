import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { buildApp, type App } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import type { MailMessage } from '../../src/lib/mailer.ts';
import type { Database } from '../../src/db/client.ts';
import { createTestDatabase, memoryMailer, type TestApp } from '../harness.ts';

/**
 * One real server (fresh test database, the built web app from dist/web) and one headless
 * Chromium per browser test file. `npm test` builds the web app first; a missing build fails
 * loudly here rather than as a blank page.
 */
export interface BrowserEnv {
  /** For API/service factories (test/helpers/auth.ts takes `{ app, database }`). */
  t: TestApp;
  app: App;
  database: Database;
  baseUrl: string;
  browser: Browser;
  /** Every email the server sent (password reset links…). */
  mail: MailMessage[];
  /** A fresh browser context (own cookies and localStorage) and a page in it. */
  newPage: (opts?: { locale?: string }) => Promise<Page>;
  close: () => Promise<void>;
}

const WEB_DIR = path.resolve('dist/web');

/** Flags that keep Chromium from reaching for the network (the CI machine has none) or a GPU. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** CHROMIUM_PATH when set (CI installs Debian's chromium), else the @sparticuz/chromium binary. */
export async function chromiumExecutable(): Promise<string> {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  const sparticuz = (await import('@sparticuz/chromium')).default;
  return sparticuz.executablePath();
}

export async function startBrowserEnv(): Promise<BrowserEnv> {
  if (!existsSync(path.join(WEB_DIR, 'index.html'))) throw new Error('dist/web is missing: run `npm run build:web` first (npm test does)');
  const { database, drop } = await createTestDatabase();
  const mailer = memoryMailer();
  const config = loadConfig({ LOG_LEVEL: 'silent', SEED_ON_START: 'never' }, { HOST: '127.0.0.1', PORT: 0 });
  const app = await buildApp({ config, database, mailer, webDir: WEB_DIR });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = app.server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}`;

  let browser: Browser;
  try {
    browser = await chromium.launch({
      executablePath: await chromiumExecutable(),
      headless: true,
      // playwright gives every launch a fresh temporary profile (user-data dir) and deletes it on close.
      args: CHROMIUM_ARGS,
      timeout: 60_000,
    });
  } catch (e) {
    await app.close();
    await drop();
    throw e;
  }

  const contexts: BrowserContext[] = [];
  const t: TestApp = {
    app,
    database,
    config,
    close: async () => undefined,
  };
  return {
    t,
    app,
    database,
    baseUrl,
    browser,
    mail: mailer.sent,
    newPage: async (opts = {}) => {
      const context = await browser.newContext({ baseURL: baseUrl, locale: opts.locale ?? 'en-US', viewport: { width: 1360, height: 900 } });
      context.setDefaultTimeout(15_000);
      contexts.push(context);
      // Nothing leaves the machine: any request not to our server (product images on a CDN,
      // fonts) is refused at once instead of waiting on a network that is not there.
      await context.route(
        (url) => url.origin !== baseUrl,
        (route) => route.abort('blockedbyclient'),
      );
      return context.newPage();
    },
    close: async () => {
      for (const c of contexts) await c.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await app.close();
      mailer.close();
      await drop();
    },
  };
}
