import fs from 'node:fs';
import { chromium, Browser, BrowserContext, Page } from 'playwright-core';
import type { HubConfig } from '../../server/config';
import { createTestServer, TestServer } from './test-server';

/**
 * Real Chromium for the browser tests: Debian's `chromium` package (.ci/run installs it), driven by
 * playwright-core. On a machine without it the browser suites are skipped with a message, except under
 * CI, where a missing browser is a failure.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export function chromiumAvailable(): boolean {
  if (fs.existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium is missing at ${CHROMIUM_PATH}: .ci/run installs Debian's chromium package`);
  // eslint-disable-next-line no-console
  console.warn(`Browser tests skipped: no Chromium at ${CHROMIUM_PATH} (apt-get install chromium, or set CHROMIUM_PATH)`);
  return false;
}

/** `describe` when Chromium is there, `describe.skip` otherwise. */
export const describeInBrowser: jest.Describe = (chromiumAvailable() ? describe : describe.skip) as jest.Describe;

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}

/** A fresh browser profile (its own storage) opened at `url`, in Chinese unless told otherwise. */
export async function openPage(browser: Browser, url: string, options: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ locale: options.locale ?? 'zh-CN', viewport: options.viewport ?? { width: 1280, height: 860 }, timezoneId: 'Asia/Shanghai' });
  const page = await context.newPage();
  await page.goto(url);
  return { context, page };
}

/** Signs in through the login form, as a user would. */
export async function logIn(page: Page, baseUrl: string, username: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', password);
  await Promise.all([page.waitForURL((url) => url.pathname !== '/login'), page.click('button[type=submit]')]);
}

/**
 * One hub (a fresh database; `{ demo: true }` for the demo county) and one Chromium for a browser suite:
 * started before its tests, handed over through `receive`, closed after them.
 */
export function useBrowserSuite(overrides: Partial<HubConfig>, receive: (started: { server: TestServer; browser: Browser }) => void): void {
  let started: { server?: TestServer; browser?: Browser } = {};
  beforeAll(async () => {
    const [server, browser] = await Promise.all([createTestServer(overrides), launchChromium()]);
    started = { server, browser };
    receive({ server, browser });
  });
  afterAll(async () => {
    await started.browser?.close();
    await started.server?.close();
  });
}
